package org.virtlab.engine.memory.host;

import org.virtlab.engine.model.Ranges;

/**
 * How a host's hypervisor manages its memory when VMs want more than it has (../shared/reference/virtualization.md
 * §2, "Overcommit and reclamation").
 *
 * @param highPercent          free memory at or above which the host is in the high state; reclamation aims for it
 * @param softPercent          below it the host is in the soft state: ballooning
 * @param hardPercent          below it, hard: ballooning and swapping
 * @param lowPercent           below it, low: as hard, and VMs above their target get no new memory. The four are
 *                             ESX's classic 6 / 4 / 2 / 1 % of the host's memory, each 0.1–50 % and each below the last
 * @param sharing              when the page-sharing scanner runs
 * @param pagesToScan          pages it looks at each time it wakes (KSM's {@code pages_to_scan}, default 100)
 * @param sleepMillis          how long it sleeps in between (KSM's {@code sleep_millisecs}, default 20): 5000 pages/s
 * @param maxPageSharing       how many guest pages one shared frame may back; more identical pages take more frames
 *                             (KSM's {@code max_page_sharing}, default 256)
 * @param balloonMibPerSecond  how fast one VM's balloon inflates or deflates; 0: the VMs have no balloon driver
 * @param balloonMaxPercent    the most of a VM's memory its balloon may hold (ESX's {@code Mem.CtlMaxPercent}, 65)
 * @param swapOutMibPerSecond  how fast the host can write pages to its swap; 0: the host does not swap
 * @param swapInMicros         what a guest waits for one swapped page to come back when it touches it (100 µs: an SSD)
 * @param idleTaxPercent       the idle memory tax rate τ, 0–99 % (ESX's {@code Mem.IdleTax}, 75 %): idle pages
 *                             count 1 / (1 − τ) times when deciding whom to reclaim from; 0 turns the tax off
 */
public record HostMemoryPolicy(double highPercent, double softPercent, double hardPercent, double lowPercent,
                               SharingMode sharing, int pagesToScan, int sleepMillis, int maxPageSharing,
                               double balloonMibPerSecond, double balloonMaxPercent, double swapOutMibPerSecond,
                               long swapInMicros, double idleTaxPercent) {
    public static final double MIN_THRESHOLD_PERCENT = 0.1;
    public static final double MAX_THRESHOLD_PERCENT = 50;
    public static final int MAX_PAGES_TO_SCAN = 1_000_000;
    public static final int MAX_SLEEP_MILLIS = 60_000;
    public static final int MAX_PAGE_SHARING = 1 << 20;
    public static final double MAX_MIB_PER_SECOND = 100_000;
    public static final long MAX_SWAP_IN_MICROS = 1_000_000;
    public static final double MAX_IDLE_TAX_PERCENT = 99;

    /** ESX's thresholds and tax, KSM's scanner settings, a fast balloon, an SSD for swap. */
    public static final HostMemoryPolicy DEFAULT = new HostMemoryPolicy(6, 4, 2, 1, SharingMode.ALWAYS, 100, 20, 256,
            256, 65, 128, 100, 75);

    public HostMemoryPolicy {
        Ranges.check("highPercent", highPercent, MIN_THRESHOLD_PERCENT, MAX_THRESHOLD_PERCENT);
        Ranges.check("softPercent", softPercent, MIN_THRESHOLD_PERCENT, MAX_THRESHOLD_PERCENT);
        Ranges.check("hardPercent", hardPercent, MIN_THRESHOLD_PERCENT, MAX_THRESHOLD_PERCENT);
        Ranges.check("lowPercent", lowPercent, MIN_THRESHOLD_PERCENT, MAX_THRESHOLD_PERCENT);
        below("softPercent", softPercent, "highPercent", highPercent, "hardPercent", hardPercent);
        below("hardPercent", hardPercent, "softPercent", softPercent, "lowPercent", lowPercent);
        if (sharing == null) {
            throw new IllegalArgumentException("sharing is required");
        }
        Ranges.check("pagesToScan", pagesToScan, 1, MAX_PAGES_TO_SCAN);
        Ranges.check("sleepMillis", sleepMillis, 1, MAX_SLEEP_MILLIS);
        Ranges.check("maxPageSharing", maxPageSharing, 2, MAX_PAGE_SHARING);
        Ranges.check("balloonMibPerSecond", balloonMibPerSecond, 0, MAX_MIB_PER_SECOND);
        Ranges.check("balloonMaxPercent", balloonMaxPercent, 0, 100);
        Ranges.check("swapOutMibPerSecond", swapOutMibPerSecond, 0, MAX_MIB_PER_SECOND);
        Ranges.check("swapInMicros", swapInMicros, 0, MAX_SWAP_IN_MICROS);
        Ranges.check("idleTaxPercent", idleTaxPercent, 0, MAX_IDLE_TAX_PERCENT);
    }

    /** The thresholds fall: high &gt; soft &gt; hard &gt; low. Names the value and the range it must be in. */
    private static void below(String field, double value, String aboveField, double above, String belowField,
                              double below) {
        if (!(value < above && value > below)) {
            throw new IllegalArgumentException(field + " must be below " + aboveField + " (" + above + ") and above "
                    + belowField + " (" + below + "), was " + value);
        }
    }

    /** k = 1 / (1 − τ): how many times an idle page counts (Waldspurger 2002, §5.2). */
    public double idleCost() {
        return 1 / (1 - idleTaxPercent / 100);
    }

    public HostMemoryPolicy withThresholds(double high, double soft, double hard, double low) {
        return new HostMemoryPolicy(high, soft, hard, low, sharing, pagesToScan, sleepMillis, maxPageSharing,
                balloonMibPerSecond, balloonMaxPercent, swapOutMibPerSecond, swapInMicros, idleTaxPercent);
    }

    public HostMemoryPolicy withSharing(SharingMode mode, int pages, int millis) {
        return new HostMemoryPolicy(highPercent, softPercent, hardPercent, lowPercent, mode, pages, millis,
                maxPageSharing, balloonMibPerSecond, balloonMaxPercent, swapOutMibPerSecond, swapInMicros,
                idleTaxPercent);
    }

    public HostMemoryPolicy withIdleTaxPercent(double percent) {
        return new HostMemoryPolicy(highPercent, softPercent, hardPercent, lowPercent, sharing, pagesToScan,
                sleepMillis, maxPageSharing, balloonMibPerSecond, balloonMaxPercent, swapOutMibPerSecond, swapInMicros,
                percent);
    }
}
