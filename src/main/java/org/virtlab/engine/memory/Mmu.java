package org.virtlab.engine.memory;

import java.util.Objects;

/**
 * One core's memory-management unit: a TLB and an optional page-walk cache in front of the walk, in one
 * translation mode, with the counters of what translations cost.
 *
 * <p>{@link #translate} is the fast path: it returns the machine address and counts; a TLB hit allocates
 * nothing. {@link #walk} has the same effect on the caches and counters and also lists the references, for
 * showing.
 *
 * <p>Address spaces: the current VM (its VPID / ASID) and process (its PCID). A tagged TLB keeps entries of
 * every address space apart; an untagged one is flushed, with the walk cache, on every switch. Under
 * shadow paging every guest CR3 switch and every guest page-table write is a VM exit, counted.
 *
 * <p>Not thread-safe, as nothing in the engine is.
 */
public final class Mmu {
    private final WalkCore core;
    private final TlbConfig config;
    private final Tlb tlb;
    private final PageWalkCache walkCache;
    private final boolean shadow;
    private final boolean bareMetal;
    private final int pageShift;
    private final long pageMask;
    private final int canonicalShift;

    private int vm;
    private int process;
    private int context;

    private long accesses;
    private long tlbHits;
    private long references;
    private long pageTableWriteExits;
    private long cr3SwitchExits;
    private long tlbFlushes;

    public Mmu(TranslationMode mode, TlbConfig config) {
        this.core = new WalkCore(Objects.requireNonNull(mode, "mode"));
        this.config = Objects.requireNonNull(config, "config");
        this.tlb = new Tlb(config.entries(), config.ways());
        this.walkCache = config.walkCacheEntries() == 0 ? null : new PageWalkCache(config.walkCacheEntries());
        this.shadow = mode instanceof TranslationMode.Shadow;
        this.bareMetal = mode instanceof TranslationMode.Native;
        this.pageShift = core.tlbPageShift();
        this.pageMask = (1L << pageShift) - 1;
        this.canonicalShift = mode.guest().addressBits() - 1;
    }

    public TranslationMode mode() {
        return core.mode();
    }

    public TlbConfig config() {
        return config;
    }

    /** The current VM (always 0 in native mode). */
    public int vm() {
        return vm;
    }

    /** The current process of the current VM. */
    public int process() {
        return process;
    }

    /** The machine address of a canonical {@code virtualAddress}, through the TLB, walking on a miss. */
    public long translate(long virtualAddress) {
        checkCanonical(virtualAddress);
        accesses++;
        long page = core.virtualBits(virtualAddress) >>> pageShift;
        long frame = tlb.lookup(page, context);
        if (frame != Tlb.MISS) {
            tlbHits++;
            return frame | (virtualAddress & pageMask);
        }
        references += core.walk(virtualAddress, vm, process, walkCache, null);
        long machine = core.machineAddress(virtualAddress, vm, process);
        tlb.insert(page, context, machine & ~pageMask);
        return machine;
    }

    /** Like {@link #translate}, and explains: the references made (none on a TLB hit). */
    public Walk walk(long virtualAddress) {
        checkCanonical(virtualAddress);
        accesses++;
        long page = core.virtualBits(virtualAddress) >>> pageShift;
        boolean hit = tlb.lookup(page, context) != Tlb.MISS;
        if (hit) {
            tlbHits++;
        }
        Walk walk = core.explain(virtualAddress, vm, process, walkCache, hit);
        if (!hit) {
            references += walk.count();
            tlb.insert(page, context, walk.physicalAddress() & ~pageMask);
        }
        return walk;
    }

    /**
     * The (guest) OS switches to another process (0–4095): a CR3 write. Under shadow paging it traps: one
     * VM exit. An untagged TLB is flushed.
     */
    public void switchProcess(int newProcess) {
        WalkCore.checkAddressSpace(vm, newProcess);
        if (shadow) {
            cr3SwitchExits++;
        }
        flushIfUntagged();
        process = newProcess;
        context = WalkCore.context(vm, process);
    }

    /**
     * The core leaves the current VM for the host and enters VM {@code newVm} (0–65535; the same VM for a
     * round trip through the host, e.g. for I/O). An untagged TLB is flushed. Not in native mode.
     */
    public void switchVm(int newVm) {
        if (bareMetal) {
            throw new IllegalStateException("native mode has no VMs to switch between");
        }
        WalkCore.checkAddressSpace(newVm, process);
        flushIfUntagged();
        vm = newVm;
        context = WalkCore.context(vm, process);
    }

    /**
     * The (guest) OS changes the entry that maps {@code virtualAddress} and invalidates it (INVLPG): the
     * page's TLB entry and the address space's walk-cache entries go. Under shadow paging the write traps
     * (the hypervisor write-protects the guest's tables to keep its shadow in step): one VM exit.
     */
    public void writePageTable(long virtualAddress) {
        checkCanonical(virtualAddress);
        if (shadow) {
            pageTableWriteExits++;
        }
        tlb.invalidate(core.virtualBits(virtualAddress) >>> pageShift, context);
        if (walkCache != null) {
            walkCache.forget(context);
        }
    }

    /** The counts so far. */
    public TranslationStats stats() {
        return new TranslationStats(accesses, tlbHits, references, pageTableWriteExits, cr3SwitchExits, tlbFlushes);
    }

    /** Zeroes the counts (e.g. after a warm-up), keeping what the caches hold. */
    public void resetStats() {
        accesses = 0;
        tlbHits = 0;
        references = 0;
        pageTableWriteExits = 0;
        cr3SwitchExits = 0;
        tlbFlushes = 0;
    }

    /** How many TLB entries hold a translation. */
    public int tlbValidEntries() {
        return tlb.validEntries();
    }

    private void flushIfUntagged() {
        if (!config.tagged()) {
            tlb.flush();
            if (walkCache != null) {
                walkCache.clear();
            }
            tlbFlushes++;
        }
    }

    private void checkCanonical(long virtualAddress) {
        long upper = virtualAddress >> canonicalShift;
        if (upper != 0 && upper != -1) {
            core.mode().guest().checkVirtualAddress(virtualAddress);
        }
    }
}
