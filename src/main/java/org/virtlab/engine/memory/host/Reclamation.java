package org.virtlab.engine.memory.host;

import java.util.List;

/**
 * What a host's reclamation did in one tick, and why: its state and free memory then, what it aimed for, and
 * each VM it reclaimed from (or gave back to) with the technique. The explanation of every balloon and swap.
 *
 * @param atMicros       the start of the tick it happened in; -1 when nothing was ever reclaimed
 * @param state          the host's state during that tick
 * @param freePages      free frames at the start of the tick
 * @param highFreePages  the free frames it aimed for (the high threshold)
 * @param needPages      frames it set out to free: high − free (0 when only limits or deflation acted)
 * @param actions        per VM, in the order they were done
 */
public record Reclamation(long atMicros, MemoryState state, long freePages, long highFreePages, long needPages,
                          List<Action> actions) {
    public static final Reclamation NONE = new Reclamation(-1, MemoryState.HIGH, 0, 0, 0, List.of());

    public Reclamation {
        actions = List.copyOf(actions);
    }

    /** How pages were taken from a guest or given back. */
    public enum Technique {
        /** The guest's balloon driver took pages: the guest chose them (idle ones first). */
        BALLOON,
        /** The host wrote pages to its swap: the host chose them, blind to what the guest uses. */
        SWAP,
        /** The balloon gave pages back to the guest. */
        DEFLATE
    }

    /** Why. */
    public enum Reason {
        /** The host was in the soft state: ballooning. */
        HOST_SOFT,
        /** The host was in the hard state: ballooning and swapping. */
        HOST_HARD,
        /** The host was in the low state: as hard, and the VM was held back. */
        HOST_LOW,
        /** The VM held more than its limit, whatever the host's state. */
        OVER_LIMIT,
        /** The host had free memory again: the balloon deflates. */
        PRESSURE_ENDED
    }

    /**
     * @param pages          pages ballooned, swapped or given back
     * @param framesFreed    host frames that freed (a balloon that takes a shared page frees a frame only when it
     *                       was the frame's last page)
     * @param sharesPerPage  ρ = S / (P (f + k (1 − f))) at the start of the tick (Waldspurger 2002): reclamation
     *                       goes to the VM with the lowest first
     * @param targetPages    the frames the VM may keep this tick, by shares, reservation and limit
     */
    public record Action(String vmId, Technique technique, Reason reason, long pages, long framesFreed,
                         double sharesPerPage, double targetPages) {
    }
}
