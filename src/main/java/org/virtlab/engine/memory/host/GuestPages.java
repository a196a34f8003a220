package org.virtlab.engine.memory.host;

import static org.virtlab.engine.memory.host.Pages.BALLOONED;
import static org.virtlab.engine.memory.host.Pages.IMAGE;
import static org.virtlab.engine.memory.host.Pages.PRIVATE;
import static org.virtlab.engine.memory.host.Pages.SHARED;
import static org.virtlab.engine.memory.host.Pages.SWAPPED;
import static org.virtlab.engine.memory.host.Pages.UNIQUE;
import static org.virtlab.engine.memory.host.Pages.UNTOUCHED;
import static org.virtlab.engine.memory.host.Pages.ZERO;
import static org.virtlab.engine.memory.host.Pages.kind;
import static org.virtlab.engine.memory.host.Pages.of;
import static org.virtlab.engine.memory.host.Pages.state;

/**
 * One VM's guest memory, page by page: a byte per 4 KiB page in {@link ChunkedBytes} (see {@link Pages}), how
 * many pages are in each state, and the hands that walk the pages for the guest (touching, writing) and for the
 * host (ballooning, swapping, deflating). Every page is in exactly one state, so the five counts add up to the
 * configured size; each change of state updates them and the host's frames together.
 *
 * <p>Pages above {@link #highWater()} were never touched, so walks stop there. The hands go round, each from
 * where it stopped, so a walk costs the pages it passes, once per round.
 */
final class GuestPages {
    final int vm;
    final int pageCount;
    private ChunkedBytes pages;

    private long untouched;
    private long privatePages;
    private long sharedPages;
    private long ballooned;
    private long swapped;
    /** Private or shared pages the guest does not keep using: what a balloon takes first. */
    private long backedIdle;
    private int highWater;

    /** Every page below it has been touched (or ballooned): where the search for an untouched page starts. */
    private int touchHint;
    private int writeHand;
    private int balloonHand;
    private int swapHand;
    private int deflateHand;

    private long wantPages;
    private long pendingWrites;
    private double touchCredit;
    private double writeCredit;
    private double balloonCredit;

    private long cowFaults;
    /** The part of {@link #cowFaults} that copied a shared page (the rest were first writes to the zero frame). */
    private long sharesBroken;
    private long swapIns;
    private long swapOuts;
    private long swapInWaitMicros;
    private BlockReason blocked = BlockReason.NONE;
    /** Set by the reclamation each tick: the host is low and this VM holds more than its target. */
    private boolean lowBlocked;

    private MemoryActivity activity;
    private int imageIndex;
    private long imageBelow;
    private long zeroFrom;
    private long activeBelow;
    private double limitPages;
    private double reservationPages;
    private double sharesTotal;

    GuestPages(int vm, long configuredMib, MemoryQos qos, MemoryActivity activity, int imageIndex) {
        this.vm = vm;
        this.pageCount = Math.toIntExact(Pages.pages(configuredMib));
        pages = new ChunkedBytes(pageCount);
        untouched = pageCount;
        setQos(qos);
        setActivity(activity, imageIndex);
        wantPages = Pages.pages(activity.demandMib());
    }

    private GuestPages(GuestPages o, boolean save) {
        vm = o.vm;
        pageCount = o.pageCount;
        pages = save ? o.pages.frozenCopy() : o.pages.thawedCopy();
        untouched = o.untouched;
        privatePages = o.privatePages;
        sharedPages = o.sharedPages;
        ballooned = o.ballooned;
        swapped = o.swapped;
        backedIdle = o.backedIdle;
        highWater = o.highWater;
        touchHint = o.touchHint;
        writeHand = o.writeHand;
        balloonHand = o.balloonHand;
        swapHand = o.swapHand;
        deflateHand = o.deflateHand;
        wantPages = o.wantPages;
        pendingWrites = o.pendingWrites;
        touchCredit = o.touchCredit;
        writeCredit = o.writeCredit;
        balloonCredit = o.balloonCredit;
        cowFaults = o.cowFaults;
        sharesBroken = o.sharesBroken;
        swapIns = o.swapIns;
        swapOuts = o.swapOuts;
        swapInWaitMicros = o.swapInWaitMicros;
        blocked = o.blocked;
        lowBlocked = o.lowBlocked;
        activity = o.activity;
        imageIndex = o.imageIndex;
        imageBelow = o.imageBelow;
        zeroFrom = o.zeroFrom;
        activeBelow = o.activeBelow;
        limitPages = o.limitPages;
        reservationPages = o.reservationPages;
        sharesTotal = o.sharesTotal;
    }

    /** A copy for a checkpoint: it shares the page chunks until this one writes one; it is never written. */
    GuestPages saved() {
        return new GuestPages(this, true);
    }

    /** A live copy of a checkpoint's copy: it shares the page chunks until it writes one. */
    GuestPages restored() {
        return new GuestPages(this, false);
    }

    // ---- settings ----

    void setQos(MemoryQos q) {
        limitPages = q.limited() ? Pages.pages(q.limitMib()) : Double.POSITIVE_INFINITY;
        reservationPages = Pages.pages(q.reservationMib());
        sharesTotal = q.sharesTotal(pageCount / Pages.PER_MIB);
    }

    /** New activity; the image stays (a running guest's pages came from the one it booted). */
    void setActivity(MemoryActivity a, int image) {
        boolean activeChanged = activity == null || a.activePercent() != activity.activePercent();
        activity = a;
        imageIndex = image;
        imageBelow = Pages.below(a.imagePercent());
        zeroFrom = (1L << 32) - Pages.below(a.zeroPercent());
        activeBelow = Pages.below(a.activePercent());
        if (activeChanged && highWater > 0) {
            recountIdle();
        }
    }

    private void recountIdle() {
        long idle = 0;
        for (int p = 0; p < highWater; p++) {
            int st = state(pages.get(p));
            if ((st == PRIVATE || st == SHARED) && !active(p)) {
                idle++;
            }
        }
        backedIdle = idle;
    }

    void setWantPages(long pagesWanted) {
        wantPages = Math.max(0, Math.min(pageCount, pagesWanted));
    }

    void addWrites(long count) {
        pendingWrites += count;
    }

    void setLowBlocked(boolean b) {
        lowBlocked = b;
    }

    MemoryActivity activity() {
        return activity;
    }

    int imageIndex() {
        return imageIndex;
    }

    // ---- counts ----

    long untouched() {
        return untouched;
    }

    long privatePages() {
        return privatePages;
    }

    long sharedPages() {
        return sharedPages;
    }

    long ballooned() {
        return ballooned;
    }

    long swapped() {
        return swapped;
    }

    /** Holds nothing, wants nothing, has no balloon and no writes to do: a tick leaves it as it is. */
    boolean quiet() {
        return untouched == pageCount && wantPages == 0 && pendingWrites == 0;
    }

    /** Pages holding guest data: private, shared or swapped. */
    long touched() {
        return privatePages + sharedPages + swapped;
    }

    long wantPages() {
        return wantPages;
    }

    int highWater() {
        return highWater;
    }

    long cowFaults() {
        return cowFaults;
    }

    long sharesBroken() {
        return sharesBroken;
    }

    long swapIns() {
        return swapIns;
    }

    long swapOuts() {
        return swapOuts;
    }

    long swapInWaitMicros() {
        return swapInWaitMicros;
    }

    BlockReason blocked() {
        return blocked;
    }

    double limitPages() {
        return limitPages;
    }

    double reservationPages() {
        return reservationPages;
    }

    /** S / (f + k (1 − f)): the shares with the idle tax, so that ρ = this / pages held (Waldspurger 2002, §5.2). */
    double taxedShares(HostMemoryPolicy policy) {
        double f = activeFraction();
        return sharesTotal / (f + policy.idleCost() * (1 - f));
    }

    /** The active fraction f of the idle tax. */
    double activeFraction() {
        return activity.activePercent() / 100;
    }

    /** Host frames charged to this VM: its private pages and its part of the shared frames it maps. */
    double consumed(HostFrames host) {
        return privatePages + sharedPages * host.sharedFrameRatio();
    }

    long pageBytes() {
        return pages.chunkBytes();
    }

    // ---- the layout ----

    private int kindOf(int p) {
        long h = Pages.contentHash(p);
        return h < imageBelow ? IMAGE : h >= zeroFrom ? ZERO : UNIQUE;
    }

    private boolean active(int p) {
        return Pages.activityHash(p) < activeBelow;
    }

    /** The sharing key of a page of this kind: -1 for zeros, else the image. */
    private int keyImage(int kind) {
        return kind == ZERO ? -1 : imageIndex;
    }

    /** Whether page p is private and holds the content of key {@code image} (see {@link PageSharing}). */
    boolean holds(int p, int image) {
        byte b = pages.get(p);
        if (state(b) != PRIVATE) {
            return false;
        }
        int kind = kind(b);
        return image < 0 ? kind == ZERO : kind == IMAGE && imageIndex == image;
    }

    void becomeShared(int p) {
        pages.set(p, of(SHARED, kind(pages.get(p))));
        privatePages--;
        sharedPages++;
    }

    // ---- the guest ----

    /** Whether the guest may take one more host frame: not above its limit, not held back by the low state. */
    private BlockReason mayGrow(HostFrames host) {
        if (lowBlocked) {
            return BlockReason.LOW_STATE;
        }
        if (consumed(host) + 1 > limitPages) {
            return BlockReason.LIMIT;
        }
        return BlockReason.NONE;
    }

    private BlockReason mayAllocate(HostFrames host) {
        return host.hasFreeFrame() ? mayGrow(host) : BlockReason.HOST_FULL;
    }

    /** A tick of the guest: touches new pages and rewrites active ones at its rates, plus writes asked for. */
    void run(HostFrames host, double tickSeconds) {
        blocked = BlockReason.NONE;
        touchCredit += activity.touchMibPerSecond() * Pages.PER_MIB * tickSeconds;
        long touches = (long) touchCredit;
        touchCredit -= touches;
        if (touched() < wantPages && touches > 0) {
            touch(host, touches);
        }
        writeCredit += activity.writeMibPerSecond() * Pages.PER_MIB * tickSeconds;
        long writes = (long) writeCredit;
        writeCredit -= writes;
        writes += pendingWrites;
        pendingWrites = 0;
        if (writes > 0) {
            write(host, writes);
        }
    }

    private void touch(HostFrames host, long n) {
        for (long done = 0; done < n && touched() < wantPages; done++) {
            int p = nextUntouched();
            if (p < 0) {
                return;
            }
            BlockReason why = mayAllocate(host);
            if (why != BlockReason.NONE) {
                blocked = why;
                return;
            }
            pages.set(p, of(PRIVATE, kindOf(p)));
            untouched--;
            privatePages++;
            if (!active(p)) {
                backedIdle++;
            }
            host.take(1);
            cowFaults++; // the first write to a page that read the zero frame: copy-on-write
            highWater = Math.max(highWater, p + 1);
        }
    }

    private int nextUntouched() {
        if (untouched == 0) {
            return -1;
        }
        int p = touchHint;
        while (p < pageCount) {
            if (pages.chunkEmpty(p >>> ChunkedBytes.SHIFT) || state(pages.get(p)) == UNTOUCHED) {
                touchHint = p;
                return p;
            }
            p++;
        }
        touchHint = p;
        return -1;
    }

    /**
     * Rewrites {@code n} pages, going round the active pages that hold data: a private page's content becomes
     * unique, a shared page is copied first (copy-on-write), a swapped page is swapped in first. Stops when the
     * guest must wait for a frame, or when a whole round changed nothing.
     */
    private void write(HostFrames host, long n) {
        int hw = highWater;
        if (hw == 0 || touched() == 0 || activeBelow == 0) {
            return;
        }
        int p = writeHand;
        long sinceChange = 0;
        while (n > 0 && sinceChange <= hw) {
            if (p >= hw) {
                p = 0;
            }
            sinceChange++;
            byte b = pages.get(p);
            int st = state(b);
            if ((st == PRIVATE || st == SHARED || st == SWAPPED) && active(p)) {
                if (st == PRIVATE) {
                    if (kind(b) != UNIQUE) {
                        pages.set(p, of(PRIVATE, UNIQUE));
                        sinceChange = 0;
                    }
                } else {
                    BlockReason why = st == SHARED ? breakSharing(host, p, b) : swapIn(host, p);
                    if (why != BlockReason.NONE) {
                        blocked = why;
                        break;
                    }
                    sinceChange = 0;
                }
                n--;
            }
            p++;
        }
        writeHand = p;
    }

    /** Copy-on-write of a shared page: a private copy, one mapping less on the shared frame. */
    private BlockReason breakSharing(HostFrames host, int p, byte b) {
        int image = keyImage(kind(b));
        BlockReason why = host.sharing().unmapFrees(image, p) ? mayGrow(host) : mayAllocate(host);
        if (why != BlockReason.NONE) {
            return why;
        }
        host.take(1 + host.sharing().unmap(image, p));
        pages.set(p, of(PRIVATE, UNIQUE));
        sharedPages--;
        privatePages++;
        cowFaults++;
        sharesBroken++;
        return BlockReason.NONE;
    }

    private BlockReason swapIn(HostFrames host, int p) {
        BlockReason why = mayAllocate(host);
        if (why != BlockReason.NONE) {
            return why;
        }
        host.take(1);
        host.swap(-1);
        pages.set(p, of(PRIVATE, UNIQUE));
        swapped--;
        privatePages++;
        if (!active(p)) {
            backedIdle++;
        }
        swapIns++;
        swapInWaitMicros += host.policy().swapInMicros();
        return BlockReason.NONE;
    }

    // ---- the host's reclamation ----

    /** Balloon credit for this tick at {@code pagesPerTick}: whole pages, the fraction carried, never more than a tick's. */
    long balloonBudget(double pagesPerTick) {
        balloonCredit = Math.min(balloonCredit + pagesPerTick, Math.max(1, pagesPerTick));
        return (long) balloonCredit;
    }

    void spendBalloon(long pagesMoved) {
        balloonCredit -= pagesMoved;
    }

    /**
     * Inflates the balloon by up to {@code n} pages: the guest gives pages that hold data and that it does not
     * keep using first, then active ones. Returns the pages taken; the host gets back the frames they free.
     */
    long inflate(HostFrames host, long n) {
        long taken = 0;
        while (taken < n) {
            boolean idleOnly = backedIdle > 0;
            if (!idleOnly && privatePages + sharedPages == 0) {
                break;
            }
            int p = nextBacked(idleOnly);
            byte b = pages.get(p);
            if (state(b) == PRIVATE) {
                host.take(-1);
                privatePages--;
            } else {
                host.take(host.sharing().unmap(keyImage(kind(b)), p));
                sharedPages--;
            }
            if (!active(p)) {
                backedIdle--;
            }
            pages.set(p, of(BALLOONED, ZERO));
            ballooned++;
            taken++;
        }
        return taken;
    }

    private int nextBacked(boolean idleOnly) {
        int hw = highWater;
        int p = balloonHand;
        for (int seen = 0; seen <= hw; seen++, p++) {
            if (p >= hw) {
                p = 0;
            }
            int st = state(pages.get(p));
            if ((st == PRIVATE || st == SHARED) && !(idleOnly && active(p))) {
                balloonHand = p + 1;
                return p;
            }
        }
        throw new IllegalStateException("VM " + vm + ": the counts say a page is backed but none is");
    }

    /** Deflates the balloon by up to {@code n} pages: they go back to the guest empty, as untouched pages. */
    long deflate(long n) {
        long given = 0;
        int hw = highWater;
        int p = deflateHand;
        for (long seen = 0; given < n && ballooned > 0 && seen <= hw; seen++, p++) {
            if (p >= hw) {
                p = 0;
            }
            if (state(pages.get(p)) == BALLOONED) {
                pages.set(p, of(UNTOUCHED, ZERO));
                ballooned--;
                untouched++;
                touchHint = Math.min(touchHint, p);
                given++;
                seen = 0;
            }
        }
        deflateHand = p;
        return given;
    }

    /** Swaps out up to {@code n} private pages, in the host's blind order (it cannot tell which the guest uses). */
    long swapOut(HostFrames host, long n) {
        long out = 0;
        int hw = highWater;
        int p = swapHand;
        for (long seen = 0; out < n && privatePages > 0 && seen <= hw; seen++, p++) {
            if (p >= hw) {
                p = 0;
            }
            byte b = pages.get(p);
            if (state(b) == PRIVATE) {
                pages.set(p, of(SWAPPED, kind(b)));
                privatePages--;
                swapped++;
                if (!active(p)) {
                    backedIdle--;
                }
                host.take(-1);
                host.swap(1);
                swapOuts++;
                out++;
                seen = 0;
            }
        }
        swapHand = p;
        return out;
    }

    // ---- the sharing scanner ----

    /** Scans from the scanner's cursor; returns what is left of {@code budget}. */
    long scan(PageSharing sharing, int slot, long budget, GuestPages[] slots, HostFrames host) {
        int p = sharing.cursorPage();
        int hw = highWater;
        while (p < hw && budget > 0) {
            if (pages.chunkEmpty(p >>> ChunkedBytes.SHIFT)) {
                p = ((p >>> ChunkedBytes.SHIFT) + 1) << ChunkedBytes.SHIFT;
                continue;
            }
            byte b = pages.get(p);
            int st = state(b);
            if (st == PRIVATE) {
                budget--;
                int kind = kind(b);
                if (kind != UNIQUE) {
                    host.take(sharing.consider(this, slot, p, keyImage(kind), slots));
                }
            } else if (st == SHARED) {
                budget--;
            }
            p++;
        }
        sharing.moveCursor(p);
        return budget;
    }

    // ---- moving between hosts (live migration) ----

    /** Gives back everything it holds on {@code host}: frames, shared mappings, swap. Its pages keep their states. */
    void leave(HostFrames host) {
        for (int p = 0; p < highWater; p++) {
            byte b = pages.get(p);
            switch (state(b)) {
                case PRIVATE -> host.take(-1);
                case SHARED -> host.take(host.sharing().unmap(keyImage(kind(b)), p));
                case SWAPPED -> host.swap(-1);
                default -> { }
            }
        }
    }

    /**
     * Lands on {@code host} with everything the migration copied: each page that held data gets a private frame,
     * or, once the host has none free, a place in its swap. Balloon and untouched pages stay as they were.
     */
    void arrive(HostFrames host) {
        for (int p = 0; p < highWater; p++) {
            byte b = pages.get(p);
            int st = state(b);
            if (st == PRIVATE || st == SHARED || st == SWAPPED) {
                int to = host.hasFreeFrame() ? PRIVATE : SWAPPED;
                if (to == PRIVATE) {
                    host.take(1);
                } else {
                    host.swap(1);
                }
                pages.set(p, of(to, kind(b)));
            }
        }
        long data = touched();
        swapped = 0;
        sharedPages = 0;
        privatePages = 0;
        for (int p = 0; p < highWater; p++) {
            int st = state(pages.get(p));
            if (st == PRIVATE) {
                privatePages++;
            } else if (st == SWAPPED) {
                swapped++;
            }
        }
        if (privatePages + swapped != data) {
            throw new IllegalStateException("VM " + vm + " lost pages in a move");
        }
        recountIdle();
    }
}
