package org.virtlab.engine.memory.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Overcommitted host memory and how it is reclaimed (the model is in the package comment). Accepts
 * {@link TouchMemory}, {@link WriteMemory}, {@link FreeMemory}, {@link SetMemoryQos}, {@link SetMemoryActivity}
 * and {@link SetHostMemoryPolicy}; publishes a {@link MemorySnapshot}.
 *
 * <h2>A tick, host by host</h2>
 * <ol>
 *   <li>A VM that live migration moved since the last tick takes its memory along: what it held on the old host
 *   is given back there, and on the new host each page that holds data gets a frame (or swap, once there is
 *   no free frame).</li>
 *   <li>Reclamation, by the state the host ended the last tick in ({@link Reclaimer}).</li>
 *   <li>Each running guest touches and rewrites pages at its rates ({@link GuestPages#run}); the guest that goes
 *   first turns with the tick, so no VM always has the last free frame.</li>
 *   <li>The page-sharing scanner runs the wake-ups due in the tick ({@link PageSharing}).</li>
 *   <li>Entitlements, and the host's new state from its free memory.</li>
 * </ol>
 * Registered after the {@link CpuSubsystem}, whose placement, power and pause state it reads: a VM kept off by
 * admission control (its CPU or its memory reservation did not fit; one decision, made there) touches nothing; a
 * VM paused for a migration's stop-and-copy does nothing and its balloon cannot move. A {@link SetMemoryQos}
 * reports the new reservation to the CPU subsystem's admission control first, which refuses a running VM's
 * reservation beyond its host's unreserved memory. It draws nothing from the simulation's random generator.
 *
 * <p>State: per VM its pages and counters, per host its frames and sharing, all copied on save (page arrays
 * chunk by chunk, copy-on-write), so rewinding restores them exactly.
 */
public final class MemorySubsystem implements Subsystem {
    public static final String NAME = MemorySnapshot.NAME;

    private final CpuSubsystem cpu;
    private final String[] vmIds;
    private final String[] hostIds;
    private final double[] granted;
    private final Reclaimer[] reclaimers;
    private final GuestPages[][] present;
    private final boolean[][] pausedScratch;
    private final double[][] grantScratch;

    private GuestPages[] guests;
    private HostFrames[] hosts;
    private int[] hostOf;
    /** OS images by index, in order of first use in the scenario (a running VM's image never changes). */
    private String[] images;

    /** @param cpu the scenario's CPU subsystem, registered before this one */
    public MemorySubsystem(Scenario scenario, CpuSubsystem cpu) {
        this.cpu = cpu;
        List<HostSpec> hostSpecs = scenario.hosts();
        List<VmSpec> vms = scenario.vms();
        int n = vms.size();
        vmIds = new String[n];
        hostIds = new String[hostSpecs.size()];
        for (int h = 0; h < hostIds.length; h++) {
            hostIds[h] = hostSpecs.get(h).id();
        }
        guests = new GuestPages[n];
        hostOf = new int[n];
        granted = new double[n];
        images = new String[0];
        int[][] slots = new int[hostIds.length][0];
        for (int i = 0; i < n; i++) {
            VmSpec vm = vms.get(i);
            vmIds[i] = vm.id();
            hostOf[i] = indexOf(hostIds, vm.hostId());
            guests[i] = new GuestPages(i, vm.memoryMib(), vm.memoryQos(), vm.memoryActivity(),
                    image(vm.memoryActivity().image()));
            slots[hostOf[i]] = append(slots[hostOf[i]], i);
        }
        hosts = new HostFrames[hostIds.length];
        reclaimers = new Reclaimer[hostIds.length];
        present = new GuestPages[hostIds.length][];
        pausedScratch = new boolean[hostIds.length][];
        grantScratch = new double[hostIds.length][];
        for (int h = 0; h < hostIds.length; h++) {
            HostSpec spec = hostSpecs.get(h);
            hosts[h] = new HostFrames(spec.id(), spec.memoryMib(), spec.memoryPolicy(), slots[h]);
            sizeScratch(h);
        }
    }

    private void sizeScratch(int h) {
        int slots = hosts[h].slots().length;
        if (reclaimers[h] == null || reclaimers[h].slots() != slots) {
            reclaimers[h] = new Reclaimer(slots);
            present[h] = new GuestPages[slots];
            pausedScratch[h] = new boolean[slots];
            grantScratch[h] = new double[slots];
        }
    }

    private static int[] append(int[] a, int v) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = v;
        return out;
    }

    /** The index of an OS image, added at the end if new. */
    private int image(String name) {
        int g = indexOf(images, name);
        if (g >= 0) {
            return g;
        }
        images = Arrays.copyOf(images, images.length + 1);
        images[images.length - 1] = name;
        return images.length - 1;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        double tickSeconds = ctx.tickMicros() / 1e6;
        for (int i = 0; i < guests.length; i++) {
            int h = cpu.hostIndexOf(i);
            if (h != hostOf[i]) {
                move(i, h);
            }
        }
        long tickNumber = ctx.nowMicros() / ctx.tickMicros();
        for (int h = 0; h < hosts.length; h++) {
            HostFrames host = hosts[h];
            GuestPages[] here = presentOn(h);
            if (quiet(here)) { // no guest holds or wants memory: nothing to reclaim, touch, scan or grant
                for (GuestPages g : here) {
                    if (g != null) {
                        granted[g.vm] = 0; // it wants nothing, so it is entitled to nothing
                    }
                }
                host.sharing().skipUntil(ctx.endMicros(), host.policy());
                continue;
            }
            boolean[] paused = pausedScratch[h];
            EventSink events = ctx.events();
            Reclamation before = host.lastReclamation();
            reclaimers[h].reclaim(host, here, paused, vmIds, ctx.nowMicros(), tickSeconds);
            if (events.on() && host.lastReclamation() != before) {
                emitReclamation(events, ctx.nowMicros(), host);
            }
            int n = here.length;
            int first = n == 0 ? 0 : (int) (tickNumber % n);
            for (int a = 0; a < n; a++) {
                int slot = (first + a) % n;
                if (here[slot] != null && !paused[slot]) {
                    if (events.on()) {
                        runAndEmit(here[slot], host, tickSeconds, events, ctx.nowMicros());
                    } else {
                        here[slot].run(host, tickSeconds);
                    }
                }
            }
            HostMemoryPolicy policy = host.policy();
            boolean scan = policy.sharing() == SharingMode.ALWAYS
                    || policy.sharing() == SharingMode.UNDER_PRESSURE && host.state() != MemoryState.HIGH;
            if (scan) {
                host.sharing().runUntil(ctx.endMicros(), policy, here, host, events);
            } else {
                host.sharing().skipUntil(ctx.endMicros(), policy);
            }
            double[] grants = grantScratch[h];
            reclaimers[h].grant(host, here, grants);
            for (int slot = 0; slot < n; slot++) {
                if (here[slot] != null) {
                    granted[here[slot].vm] = grants[slot];
                }
            }
            host.updateState();
        }
    }

    /** The tick's balloon and swap actions on {@code host}, one event each (the reclamation says why). */
    private static void emitReclamation(EventSink events, long nowMicros, HostFrames host) {
        for (Reclamation.Action a : host.lastReclamation().actions()) {
            EventKind kind = switch (a.technique()) {
                case BALLOON -> EventKind.BALLOON_INFLATE;
                case SWAP -> EventKind.SWAP_OUT;
                case DEFLATE -> EventKind.BALLOON_DEFLATE;
            };
            events.emit(kind, nowMicros, host.hostId, a.vmId(), null, null, a.reason(), a.pages(), a.framesFreed(), 0);
        }
    }

    /** A guest's tick, and its copy-on-write faults, shared pages copied and swap-ins as one event of each kind. */
    private void runAndEmit(GuestPages g, HostFrames host, double tickSeconds, EventSink events, long nowMicros) {
        long cow = g.cowFaults();
        long broken = g.sharesBroken();
        long swapIns = g.swapIns();
        long waited = g.swapInWaitMicros();
        g.run(host, tickSeconds);
        long copied = g.sharesBroken() - broken;
        long zeroFaults = g.cowFaults() - cow - copied;
        if (zeroFaults > 0) {
            events.emit(EventKind.COW_FAULT, nowMicros, host.hostId, vmIds[g.vm], null, null, null, zeroFaults, 0, 0);
        }
        if (copied > 0) {
            events.emit(EventKind.SHARE_BROKEN, nowMicros, host.hostId, vmIds[g.vm], null, null, null, copied, 0, 0);
        }
        if (g.swapIns() > swapIns) {
            events.emit(EventKind.SWAP_IN, nowMicros, host.hostId, vmIds[g.vm], null, null, null,
                    g.swapIns() - swapIns, g.swapInWaitMicros() - waited, 0);
        }
    }

    /** Whether none of the guests holds a page, wants one, has a balloon or writes to do. */
    private static boolean quiet(GuestPages[] here) {
        for (GuestPages g : here) {
            if (g != null && !g.quiet()) {
                return false;
            }
        }
        return true;
    }

    /** Per slot of host h: the VM's pages if it runs there now (powered on), else null; and whether it is paused. */
    private GuestPages[] presentOn(int h) {
        sizeScratch(h);
        int[] slots = hosts[h].slots();
        GuestPages[] here = present[h];
        boolean[] paused = pausedScratch[h];
        for (int s = 0; s < slots.length; s++) {
            int i = slots[s];
            boolean on = hostOf[i] == h && cpu.poweredOn(i);
            here[s] = on ? guests[i] : null;
            paused[s] = on && cpu.paused(i);
        }
        return here;
    }

    /** VM i now runs on host {@code to}: gives back what it held where it was and lands there (see the class comment). */
    private void move(int i, int to) {
        GuestPages g = guests[i];
        HostFrames from = hosts[hostOf[i]];
        g.leave(from);
        from.updateState();
        HostFrames target = hosts[to];
        if (indexOf(target.slots(), i) < 0) {
            target.setSlots(append(target.slots(), i));
            sizeScratch(to);
        }
        hostOf = hostOf.clone(); // saved states share the old array
        hostOf[i] = to;
        g.arrive(target);
        target.updateState();
        granted[i] = 0;
    }

    @Override
    public boolean accept(Input input) {
        if (input instanceof TouchMemory t) {
            GuestPages g = guest(t.vmId());
            g.setWantPages(g.wantPages() + Math.min(t.pages(), g.pageCount));
            return true;
        }
        if (input instanceof FreeMemory f) {
            GuestPages g = guest(f.vmId());
            g.setWantPages(g.wantPages() - Math.min(f.pages(), g.pageCount));
            return true;
        }
        if (input instanceof WriteMemory w) {
            GuestPages g = guest(w.vmId());
            if (w.pages() > g.pageCount) {
                throw new IllegalArgumentException("pages must be between 0 and " + g.pageCount + " (VM " + w.vmId()
                        + "'s memory), was " + w.pages());
            }
            g.addWrites(w.pages());
            return true;
        }
        if (input instanceof SetMemoryQos q) {
            GuestPages g = guest(q.vmId());
            long configuredMib = g.pageCount / Pages.PER_MIB;
            if (q.qos().reservationMib() > configuredMib) {
                throw new IllegalArgumentException("reservationMib must be between 0 and " + configuredMib + " (VM "
                        + q.vmId() + "'s memory), was " + q.qos().reservationMib());
            }
            cpu.setMemoryReservation(q.vmId(), q.qos().reservationMib()); // admission control's check and books
            g.setQos(q.qos());
            return true;
        }
        if (input instanceof SetMemoryActivity a) {
            GuestPages g = guest(a.vmId());
            MemoryActivity next = a.activity();
            long configuredMib = g.pageCount / Pages.PER_MIB;
            if (next.demandMib() > configuredMib) {
                throw new IllegalArgumentException("demandMib must be between 0 and " + configuredMib + " (VM "
                        + a.vmId() + "'s memory), was " + next.demandMib());
            }
            if (!next.image().equals(g.activity().image())) {
                throw new IllegalArgumentException("VM " + a.vmId() + " was booted from image " + g.activity().image()
                        + "; a running VM's image cannot become " + next.image());
            }
            g.setActivity(next, g.imageIndex());
            g.setWantPages(Pages.pages(next.demandMib()));
            return true;
        }
        if (input instanceof SetHostMemoryPolicy p) {
            int h = indexOf(hostIds, p.hostId());
            if (h < 0) {
                throw new IllegalArgumentException("no host " + p.hostId());
            }
            hosts[h].setPolicy(p.policy());
            return true;
        }
        return false;
    }

    private GuestPages guest(String vmId) {
        int i = indexOf(vmIds, vmId);
        if (i < 0) {
            throw new IllegalArgumentException("no VM " + vmId);
        }
        return guests[i];
    }

    @Override
    public SubsystemSnapshot snapshot() {
        List<MemorySnapshot.VmMemory> vms = new ArrayList<>(guests.length);
        long[] configured = new long[hosts.length];
        for (int i = 0; i < guests.length; i++) {
            GuestPages g = guests[i];
            int h = hostOf[i];
            HostFrames host = hosts[h];
            boolean poweredOn = cpu.poweredOn(i);
            if (poweredOn) {
                configured[h] += g.pageCount;
            }
            double held = g.consumed(host);
            double rho = held > 0 ? g.taxedShares(host.policy()) / held : Double.POSITIVE_INFINITY;
            vms.add(new MemorySnapshot.VmMemory(vmIds[i], hostIds[h], poweredOn, g.pageCount, g.wantPages(),
                    g.untouched(), g.privatePages(), g.sharedPages(), g.ballooned(), g.swapped(), held, granted[i],
                    rho, g.cowFaults(), g.swapIns(), g.swapOuts(), g.swapInWaitMicros(), g.blocked()));
        }
        List<MemorySnapshot.HostMemory> hostList = new ArrayList<>(hosts.length);
        for (int h = 0; h < hosts.length; h++) {
            HostFrames host = hosts[h];
            PageSharing sharing = host.sharing();
            hostList.add(new MemorySnapshot.HostMemory(hostIds[h], host.physicalPages, host.usedPages(),
                    host.freePages(), host.state(), configured[h], sharing.sharedFrames(), sharing.pagesSharing(),
                    sharing.fullScans(), sharing.pagesScanned(), host.swapPages(), host.lastReclamation()));
        }
        return new MemorySnapshot(vms, hostList);
    }

    @Override
    public Object saveState() {
        return new State(copies(guests, true), copies(hosts, true), hostOf, granted.clone());
    }

    @Override
    public void restore(Object savedState) {
        State s = (State) savedState;
        guests = copies(s.guests, false);
        hosts = copies(s.hosts, false);
        hostOf = s.hostOf;
        System.arraycopy(s.granted, 0, granted, 0, granted.length);
        for (int h = 0; h < hosts.length; h++) {
            sizeScratch(h);
        }
    }

    /** Copies for a checkpoint ({@code save}) or live copies of a checkpoint's. */
    private static GuestPages[] copies(GuestPages[] from, boolean save) {
        GuestPages[] out = new GuestPages[from.length];
        for (int i = 0; i < from.length; i++) {
            out[i] = save ? from[i].saved() : from[i].restored();
        }
        return out;
    }

    private static HostFrames[] copies(HostFrames[] from, boolean save) {
        HostFrames[] out = new HostFrames[from.length];
        for (int h = 0; h < from.length; h++) {
            out[h] = save ? from[h].saved() : from[h].restored();
        }
        return out;
    }

    /** Bytes the per-page arrays hold now, live state only (for the heap figures). */
    public long pageArrayBytes() {
        long total = 0;
        for (GuestPages g : guests) {
            total += g.pageBytes();
        }
        for (HostFrames h : hosts) {
            total += h.sharing().arrayBytes();
        }
        return total;
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** Saved state: copies (page chunks shared copy-on-write); hostOf is replaced, never written. */
    private record State(GuestPages[] guests, HostFrames[] hosts, int[] hostOf, double[] granted) {
    }
}
