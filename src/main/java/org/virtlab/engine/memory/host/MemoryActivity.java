package org.virtlab.engine.memory.host;

import org.virtlab.engine.model.Ranges;

/**
 * How a VM's guest uses its memory: how much it wants in use, how fast it touches new pages and rewrites
 * pages it has, what its pages hold and how much of them it keeps using.
 *
 * <p>A page's content is one of three classes: <b>zero</b> (the guest wrote zeros), <b>image</b> (identical to the
 * same page of every VM booted from the same OS image: kernel, libraries, page cache of the same files) or
 * <b>unique</b>. Which class a page takes when first touched is fixed by its number (a hash of it, the same in
 * every VM), so the image pages of two VMs with the same {@code image} are the same pages and the mix of any
 * range of pages is close to the percentages. A rewritten page is unique from then on.
 *
 * @param demandMib          how much of its memory the guest wants in use, 0 to its configured size: it touches
 *                           new pages until it has that many (a lesson's VM without memory activity touches none)
 * @param touchMibPerSecond  how fast it touches pages for the first time: each first write is a copy-on-write
 *                           fault that takes a host frame instead of the shared zero frame
 * @param writeMibPerSecond  how fast it rewrites pages it has, among its active ones: a write to a shared page
 *                           breaks the sharing, a write to a swapped page swaps it in first
 * @param zeroPercent        of its pages, the part that hold zeros
 * @param imagePercent       of its pages, the part identical to its OS image ({@code zeroPercent + imagePercent ≤ 100})
 * @param image              the OS image it was booted from: VMs with the same image share its pages
 * @param activePercent      the part of its pages it keeps using (the rest is idle): the active fraction f of
 *                           the idle memory tax, and the pages a balloon takes last and writes go to
 */
public record MemoryActivity(long demandMib, double touchMibPerSecond, double writeMibPerSecond, double zeroPercent,
                             double imagePercent, String image, double activePercent) {
    public static final double MAX_MIB_PER_SECOND = 100_000;
    public static final String DEFAULT_IMAGE = "default";
    /** 1 GiB/s: a guest filling its memory, far below a memory bus, well above what reclamation keeps up with. */
    public static final double DEFAULT_TOUCH_MIB_PER_SECOND = 1024;

    /** Touches nothing: the guest's memory stays on the shared zero frame until a lesson or an input says. */
    public static final MemoryActivity DEFAULT =
            new MemoryActivity(0, DEFAULT_TOUCH_MIB_PER_SECOND, 0, 0, 0, DEFAULT_IMAGE, 100);

    public MemoryActivity {
        Ranges.check("demandMib", demandMib, 0, MemoryQos.MAX_MIB);
        Ranges.check("touchMibPerSecond", touchMibPerSecond, 0, MAX_MIB_PER_SECOND);
        Ranges.check("writeMibPerSecond", writeMibPerSecond, 0, MAX_MIB_PER_SECOND);
        Ranges.check("zeroPercent", zeroPercent, 0, 100);
        Ranges.check("imagePercent", imagePercent, 0, 100 - zeroPercent);
        Ranges.id("image", image);
        Ranges.check("activePercent", activePercent, 0, 100);
    }

    /** Wants {@code mib} in use, all unique, fully active: the course article's "each having written 1 GiB". */
    public static MemoryActivity unique(long mib) {
        return DEFAULT.withDemandMib(mib);
    }

    public MemoryActivity withDemandMib(long mib) {
        return new MemoryActivity(mib, touchMibPerSecond, writeMibPerSecond, zeroPercent, imagePercent, image,
                activePercent);
    }

    public MemoryActivity withTouchMibPerSecond(double rate) {
        return new MemoryActivity(demandMib, rate, writeMibPerSecond, zeroPercent, imagePercent, image, activePercent);
    }

    public MemoryActivity withWriteMibPerSecond(double rate) {
        return new MemoryActivity(demandMib, touchMibPerSecond, rate, zeroPercent, imagePercent, image, activePercent);
    }

    public MemoryActivity withContent(double zero, double imagePart, String imageName) {
        return new MemoryActivity(demandMib, touchMibPerSecond, writeMibPerSecond, zero, imagePart, imageName,
                activePercent);
    }

    public MemoryActivity withActivePercent(double percent) {
        return new MemoryActivity(demandMib, touchMibPerSecond, writeMibPerSecond, zeroPercent, imagePercent, image,
                percent);
    }
}
