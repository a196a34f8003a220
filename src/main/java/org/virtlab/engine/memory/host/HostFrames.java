package org.virtlab.engine.memory.host;

/**
 * One host's physical memory: frames in use (the zero frame, every private page of its VMs, the shared frames),
 * its swap, its memory state and its page sharing. The VMs that ever ran on it keep their slot numbers
 * ({@link #slots()}), as on the CPU side, so the sharing scanner's remembered pages stay valid across moves.
 */
final class HostFrames {
    final String hostId;
    final long physicalPages;
    private HostMemoryPolicy policy;
    /** Frames in use, the zero frame included: never more than {@link #physicalPages}. */
    private long usedPages;
    private long swapPages;
    private MemoryState state;
    private PageSharing sharing;
    private double swapCredit;
    private Reclamation lastReclamation;
    /** VM indices in slot order; replaced, never written, when one more arrives. */
    private int[] slots;

    HostFrames(String hostId, long memoryMib, HostMemoryPolicy policy, int[] slots) {
        this.hostId = hostId;
        this.physicalPages = Pages.pages(memoryMib);
        this.policy = policy;
        this.slots = slots;
        usedPages = 1; // the one zero frame every untouched guest page reads
        state = MemoryState.HIGH;
        sharing = new PageSharing(policy.maxPageSharing());
        sharing.start(0, policy);
        lastReclamation = Reclamation.NONE;
    }

    private HostFrames(HostFrames o, boolean save) {
        hostId = o.hostId;
        physicalPages = o.physicalPages;
        policy = o.policy;
        usedPages = o.usedPages;
        swapPages = o.swapPages;
        state = o.state;
        sharing = save ? o.sharing.saved() : o.sharing.restored();
        swapCredit = o.swapCredit;
        lastReclamation = o.lastReclamation;
        slots = o.slots;
    }

    /** A copy for a checkpoint, never written (see {@link GuestPages#saved()}). */
    HostFrames saved() {
        return new HostFrames(this, true);
    }

    /** A live copy of a checkpoint's copy. */
    HostFrames restored() {
        return new HostFrames(this, false);
    }

    HostMemoryPolicy policy() {
        return policy;
    }

    void setPolicy(HostMemoryPolicy p) {
        if (p.maxPageSharing() != policy.maxPageSharing()) {
            throw new IllegalArgumentException("maxPageSharing of host " + hostId + " is fixed while the simulation runs ("
                    + policy.maxPageSharing() + "); was asked to become " + p.maxPageSharing());
        }
        policy = p;
    }

    PageSharing sharing() {
        return sharing;
    }

    int[] slots() {
        return slots;
    }

    void setSlots(int[] newSlots) {
        slots = newSlots;
    }

    long usedPages() {
        return usedPages;
    }

    long freePages() {
        return physicalPages - usedPages;
    }

    long swapPages() {
        return swapPages;
    }

    MemoryState state() {
        return state;
    }

    Reclamation lastReclamation() {
        return lastReclamation;
    }

    void setLastReclamation(Reclamation r) {
        lastReclamation = r;
    }

    boolean hasFreeFrame() {
        return usedPages < physicalPages;
    }

    /** Frames taken (positive) or given back (negative). */
    void take(long frames) {
        usedPages += frames;
    }

    /** Pages written to swap (positive) or read back or dropped (negative). */
    void swap(long pages) {
        swapPages += pages;
    }

    /** Shared frames per page mapping them: how much of a frame each sharing page is charged. */
    double sharedFrameRatio() {
        long m = sharing.sharedMappings();
        return m == 0 ? 0 : (double) sharing.sharedFrames() / m;
    }

    /** The free frames reclamation aims for: the high threshold, rounded up. */
    long highFreePages() {
        return (long) Math.ceil(policy.highPercent() / 100 * physicalPages);
    }

    double freePercent() {
        return 100.0 * freePages() / physicalPages;
    }

    /** Swap credit for this tick at {@code pagesPerTick} (whole pages, the fraction carried). */
    long swapBudget(double pagesPerTick) {
        swapCredit = Math.min(swapCredit + pagesPerTick, Math.max(1, pagesPerTick));
        return (long) swapCredit;
    }

    void spendSwap(long pagesMoved) {
        swapCredit -= pagesMoved;
    }

    /**
     * The state after a change of free memory, with the paper's hysteresis (see {@link MemoryState}): down to
     * the state of the lowest threshold free memory fell below, up one state per threshold it climbed above.
     */
    void updateState() {
        double free = freePercent();
        int down = free < policy.lowPercent() ? 3 : free < policy.hardPercent() ? 2 : free < policy.softPercent() ? 1 : 0;
        int up = free >= policy.highPercent() ? 0 : free >= policy.softPercent() ? 1 : free >= policy.hardPercent() ? 2 : 3;
        state = MemoryState.values()[Math.max(down, Math.min(state.ordinal(), up))];
    }
}
