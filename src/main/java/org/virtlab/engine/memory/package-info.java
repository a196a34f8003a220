/**
 * Engine A, memory translation: x86-64 radix page tables (4 or 5 levels, 4 KiB, 2 MiB and 1 GiB pages)
 * walked natively, through shadow tables, or nested (EPT / NPT), behind a TLB and a page-walk cache.
 *
 * <ul>
 *   <li>{@link org.virtlab.engine.memory.Walker}: cold walks that list every memory reference in order
 *       ({@link org.virtlab.engine.memory.Walk}, {@link org.virtlab.engine.memory.MemoryReference}): what
 *       the page-walk animation plays and {@code virtlab walk} prints.</li>
 *   <li>{@link org.virtlab.engine.memory.Mmu}: one core's TLB (primitive arrays, LRU, VPID/ASID tags on or
 *       off) and page-walk cache; a fast {@code translate} that counts and a {@code walk} that explains.</li>
 *   <li>{@link org.virtlab.engine.memory.TranslationExperiment}: an access pattern with process switches,
 *       VM switches and page-table writes, reported as {@link org.virtlab.engine.memory.TranslationStats}.</li>
 * </ul>
 *
 * <p>Page tables and frames lie at synthetic, deterministic addresses (see {@code Layout}): the guest CR3 of
 * a 4-level guest's first process is guest-physical 0x4c000000, level-l tables sit in the 64 MiB from
 * 1 GiB + (l − 1) × 64 MiB, pages from 2 GiB. Nothing is stored; the addresses are reproducible and
 * plausible, for showing.
 */
package org.virtlab.engine.memory;
