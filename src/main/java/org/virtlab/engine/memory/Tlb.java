package org.virtlab.engine.memory;

/**
 * A translation lookaside buffer: {@code entries} translations in sets of {@code ways}, least recently used
 * replaced first. An entry maps a page number, tagged with the address space it belongs to, to the
 * machine address of its frame. Held in primitive arrays; looking up, inserting and flushing allocate
 * nothing.
 */
public final class Tlb {
    /** What {@link #lookup} returns when the TLB does not hold the page. */
    public static final long MISS = -1;

    private final LruArray store;

    /** A TLB of {@code entries} in sets of {@code ways} (fully associative when equal); the sets a power of two. */
    public Tlb(int entries, int ways) {
        TlbConfig.checkGeometry(entries, ways);
        this.store = new LruArray(entries, ways);
    }

    public int entries() {
        return store.entries();
    }

    public int ways() {
        return store.ways();
    }

    public int sets() {
        return store.sets();
    }

    /** The frame address of {@code pageNumber} in address space {@code tag}, or {@link #MISS}; a hit becomes most recently used. */
    public long lookup(long pageNumber, int tag) {
        int slot = store.find(pageNumber, tag);
        return slot < 0 ? MISS : store.value(slot);
    }

    /** Caches a translation, evicting the least recently used entry of its set when the set is full. */
    public void insert(long pageNumber, int tag, long frameAddress) {
        store.put(pageNumber, tag, frameAddress);
    }

    /** Drops one translation (INVLPG); true if it was cached. */
    public boolean invalidate(long pageNumber, int tag) {
        return store.remove(pageNumber, tag);
    }

    /** Drops every translation. */
    public void flush() {
        store.clear();
    }

    /** How many entries hold a translation. */
    public int validEntries() {
        return store.size();
    }
}
