package org.virtlab.engine.memory.host;

import java.util.Arrays;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;

/**
 * One host's content-based page sharing, as Linux KSM does it (docs.kernel.org admin-guide/mm/ksm): a scanner
 * wakes every {@code sleep_millisecs}, looks at {@code pages_to_scan} guest pages, VM by VM and page by page,
 * and merges each with an identical one: first with a page already shared (the <i>stable</i> tree), else with
 * a page seen before that still holds the same (the <i>unstable</i> tree, checked again before merging), else
 * it remembers it. Merged pages map one read-only frame; a write breaks the sharing (copy-on-write).
 *
 * <p>Only zero and image pages can have twins (see {@link MemoryActivity}), so content is a key, not a hash
 * to compare: the zero key, or (image, page number). Per key the host keeps how many guest pages map it, m; those
 * take ⌈m / max_page_sharing⌉ frames (KSM chains a new frame once one backs {@code max_page_sharing} pages).
 * KSM's counters follow: {@code pages_shared} = Σ frames, {@code pages_sharing} = Σ (m − frames), the pages
 * saved. The unstable tree is a remembered page per key, never reset: KSM rebuilds its tree each round because
 * a remembered page may have changed, while here a remembered page is checked before every merge.
 *
 * <p>Simplifications: a page is merged the first time a twin is found (KSM first waits for its checksum to
 * hold still over one round); frames of a key are packed full (KSM does not move pages between a key's frames
 * when some unshare); KSM never merges across hosts, nor does this.
 */
final class PageSharing {
    private final int maxPageSharing;

    /** Guest pages mapping the shared zero-content frames. */
    private long zeroMappers;
    private int zeroCandidateSlot = -1;
    private int zeroCandidatePage;
    /** Per image index: guest pages mapping each page's shared frames; and the remembered page's slot + 1. */
    private ChunkedInts[] imageMappers = new ChunkedInts[0];
    private ChunkedInts[] imageCandidates = new ChunkedInts[0];

    private long sharedFrames;
    private long sharedMappings;
    private long fullScans;
    private long pagesScanned;
    private long scannedThisRound;
    private int cursorSlot;
    private int cursorPage;
    private long nextWakeMicros;

    PageSharing(int maxPageSharing) {
        this.maxPageSharing = maxPageSharing;
    }

    private PageSharing(PageSharing o, boolean save) {
        maxPageSharing = o.maxPageSharing;
        zeroMappers = o.zeroMappers;
        zeroCandidateSlot = o.zeroCandidateSlot;
        zeroCandidatePage = o.zeroCandidatePage;
        imageMappers = copies(o.imageMappers, save);
        imageCandidates = copies(o.imageCandidates, save);
        sharedFrames = o.sharedFrames;
        sharedMappings = o.sharedMappings;
        fullScans = o.fullScans;
        pagesScanned = o.pagesScanned;
        scannedThisRound = o.scannedThisRound;
        cursorSlot = o.cursorSlot;
        cursorPage = o.cursorPage;
        nextWakeMicros = o.nextWakeMicros;
    }

    private static ChunkedInts[] copies(ChunkedInts[] arrays, boolean save) {
        ChunkedInts[] out = new ChunkedInts[arrays.length];
        for (int g = 0; g < arrays.length; g++) {
            ChunkedInts a = arrays[g];
            out[g] = a == null ? null : save ? a.frozenCopy() : a.thawedCopy();
        }
        return out;
    }

    /** A copy for a checkpoint, never written (see {@link GuestPages#saved()}). */
    PageSharing saved() {
        return new PageSharing(this, true);
    }

    /** A live copy of a checkpoint's copy. */
    PageSharing restored() {
        return new PageSharing(this, false);
    }

    /** {@code pages_shared}: frames that back shared pages. */
    long sharedFrames() {
        return sharedFrames;
    }

    /** Guest pages that map shared frames. */
    long sharedMappings() {
        return sharedMappings;
    }

    /** {@code pages_sharing}: guest pages beyond the first of each shared frame, i.e. the frames sharing saves. */
    long pagesSharing() {
        return sharedMappings - sharedFrames;
    }

    long fullScans() {
        return fullScans;
    }

    long pagesScanned() {
        return pagesScanned;
    }

    private long frames(long mappers) {
        return (mappers + maxPageSharing - 1) / maxPageSharing;
    }

    // ---- the keys ----

    /** Image g's array if it reaches {@code page}, else null (every count there is 0). */
    private static ChunkedInts covering(ChunkedInts[] arrays, int image, int page) {
        ChunkedInts a = image < arrays.length ? arrays[image] : null;
        return a == null || page >= a.length() ? null : a;
    }

    private long mappers(int image, int page) {
        if (image < 0) {
            return zeroMappers;
        }
        ChunkedInts a = covering(imageMappers, image, page);
        return a == null ? 0 : a.get(page);
    }

    private void setMappers(int image, int page, long m) {
        if (image < 0) {
            zeroMappers = m;
            return;
        }
        imageMappers = sized(imageMappers, image, page);
        imageMappers[image].set(page, Math.toIntExact(m));
    }

    /** The array of image g, grown to hold {@code page}. */
    private static ChunkedInts[] sized(ChunkedInts[] arrays, int image, int page) {
        ChunkedInts[] out = image < arrays.length ? arrays : Arrays.copyOf(arrays, image + 1);
        ChunkedInts a = out[image];
        if (a == null) {
            out[image] = new ChunkedInts(Math.max(page + 1, ChunkedInts.CHUNK));
        } else if (page >= a.length()) {
            out[image] = a.grownTo(Math.max(page + 1, 2 * a.length()));
        }
        return out;
    }

    /** One more guest page maps the key; returns the change in shared frames (0 or 1). */
    long map(int image, int page) {
        long m = mappers(image, page);
        long delta = frames(m + 1) - frames(m);
        setMappers(image, page, m + 1);
        sharedFrames += delta;
        sharedMappings++;
        return delta;
    }

    /** One guest page less maps the key; returns the change in shared frames (0 or −1). */
    long unmap(int image, int page) {
        long m = mappers(image, page);
        if (m <= 0) {
            throw new IllegalStateException("no shared frame for image " + image + " page " + page);
        }
        long delta = frames(m - 1) - frames(m);
        setMappers(image, page, m - 1);
        sharedFrames += delta;
        sharedMappings--;
        return delta;
    }

    /** Whether unmapping one page of the key would free a frame. */
    boolean unmapFrees(int image, int page) {
        long m = mappers(image, page);
        return frames(m - 1) < frames(m);
    }

    // ---- the scanner ----

    /** Schedules the first wake-up: KSM first sleeps, then scans. */
    void start(long nowMicros, HostMemoryPolicy policy) {
        nextWakeMicros = nowMicros + policy.sleepMillis() * 1_000L;
    }

    /**
     * Runs the wake-ups due before {@code endMicros}: each scans {@code pages_to_scan} mapped guest pages of the
     * VMs in {@code slots} (null: not on this host now), then sleeps {@code sleep_millisecs}.
     */
    void runUntil(long endMicros, HostMemoryPolicy policy, GuestPages[] slots, HostFrames host) {
        runUntil(endMicros, policy, slots, host, EventSink.OFF);
    }

    /** As {@link #runUntil(long, HostMemoryPolicy, GuestPages[], HostFrames)}; a wake-up that merges emits one event. */
    void runUntil(long endMicros, HostMemoryPolicy policy, GuestPages[] slots, HostFrames host, EventSink events) {
        while (nextWakeMicros < endMicros) {
            long mappingsBefore = sharedMappings;
            long usedBefore = host.usedPages();
            scan(policy.pagesToScan(), slots, host);
            if (sharedMappings > mappingsBefore && events.on()) {
                events.emit(EventKind.KSM_MERGE, nextWakeMicros, host.hostId, null, null, null, null,
                        sharedMappings - mappingsBefore, usedBefore - host.usedPages(), 0);
            }
            nextWakeMicros += policy.sleepMillis() * 1_000L;
        }
    }

    /** Moves the next wake-up on without scanning (the scanner is off): it resumes a sleep after it is on again. */
    void skipUntil(long endMicros, HostMemoryPolicy policy) {
        while (nextWakeMicros < endMicros) {
            nextWakeMicros += policy.sleepMillis() * 1_000L;
        }
    }

    private void scan(long budget, GuestPages[] slots, HostFrames host) {
        while (budget > 0) {
            if (cursorSlot >= slots.length) {
                if (scannedThisRound == 0) { // nothing mapped on the host: wait for the next wake-up
                    cursorSlot = 0;
                    cursorPage = 0;
                    return;
                }
                fullScans++;
                scannedThisRound = 0;
                cursorSlot = 0;
                cursorPage = 0;
            }
            GuestPages g = slots[cursorSlot];
            if (g == null || cursorPage >= g.highWater()) {
                cursorSlot++;
                cursorPage = 0;
                continue;
            }
            long before = budget;
            budget = g.scan(this, cursorSlot, budget, slots, host);
            long scanned = before - budget;
            pagesScanned += scanned;
            scannedThisRound += scanned;
        }
    }

    /** Where the scanner goes on in slot {@code slot} after it looked at the page before {@code page}. */
    void moveCursor(int page) {
        cursorPage = page;
    }

    int cursorPage() {
        return cursorPage;
    }

    /**
     * Page {@code page} of the guest in {@code slot}, private and of a class that can have twins, has been
     * scanned: merges it if it has a twin, else remembers it. Returns the change in the host's frames in use.
     */
    long consider(GuestPages g, int slot, int page, int image, GuestPages[] slots) {
        long m = mappers(image, page);
        if (m > 0) { // stable: the page's frame is freed, or becomes the key's next frame
            long delta = map(image, page);
            g.becomeShared(page);
            return delta - 1;
        }
        int otherSlot;
        int otherPage;
        if (image < 0) {
            otherSlot = zeroCandidateSlot;
            otherPage = zeroCandidatePage;
        } else {
            ChunkedInts a = covering(imageCandidates, image, page);
            otherSlot = (a == null ? 0 : a.get(page)) - 1;
            otherPage = page;
        }
        GuestPages twin = otherSlot >= 0 && otherSlot < slots.length ? slots[otherSlot] : null;
        if (twin != null && !(otherSlot == slot && otherPage == page) && twin.holds(otherPage, image)) {
            map(image, page);
            map(image, page); // two private frames become one shared frame
            g.becomeShared(page);
            twin.becomeShared(otherPage);
            return -1;
        }
        if (image < 0) {
            zeroCandidateSlot = slot;
            zeroCandidatePage = page;
        } else {
            imageCandidates = sized(imageCandidates, image, page);
            imageCandidates[image].set(page, slot + 1);
        }
        return 0;
    }

    /** Bytes held by the per-page arrays (for the heap figures). */
    long arrayBytes() {
        long total = 0;
        for (ChunkedInts a : imageMappers) {
            total += a == null ? 0 : a.chunkBytes();
        }
        for (ChunkedInts a : imageCandidates) {
            total += a == null ? 0 : a.chunkBytes();
        }
        return total;
    }
}
