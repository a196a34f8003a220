package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Who gets what of each host's CPU, every tick: reads each VM's demand from a {@link CpuDemandSubsystem}
 * (which must be registered, and so stepped, before this one; it keeps publishing
 * {@link CpuDemandSnapshot} and accepting {@link SetWorkload}), shares every host with a
 * {@link FluidAllocator} and publishes a {@link CpuSnapshot}. Accepts {@link SetCpuQos} and
 * {@link SetReservationMode}.
 *
 * <h2>Admission control: CPU and memory, one decision</h2>
 * This subsystem owns whether a VM is powered on; the memory and migration subsystems read it here. At the
 * start, host by host in scenario order, a VM powers on only if both its reservations fit ({@link Admission}):
 * its CPU reservation in cores × clock (no hyper-threading bonus) and its memory reservation in the host's
 * memory, each minus the reservations of the VMs already on. Otherwise it stays off for the whole run, with a
 * {@link CpuSnapshot.Refusal} saying which reservation did not fit and by how much, no demand, no use and no
 * memory. A {@link SetCpuQos}, or a memory reservation reported by the memory subsystem
 * ({@link #setMemoryReservation}), that would raise a running VM's reservation beyond what is unreserved is
 * refused (as vSphere refuses it); on a VM that is off it is recorded, and the VM stays off. Live migration asks
 * {@link #admission} for the target.
 *
 * <h2>Ready, steal, limited (fluid)</h2>
 * In a fluid model the part of a tick a VM's vCPUs were runnable but not running is the MHz it wanted and
 * could have used on its own vCPUs but did not get, in units of one vCPU at full clock: with
 * want = min(demand, vCPUs × clock), ready = (want − used) / clock vCPU-ticks, summed over the vCPUs like
 * VMware's %RDY (readyPct = 100 × that, 0 to vCPUs × 100). Steal is the same averaged over the vCPUs, as
 * the guest's {@code st} (0–100). Limited is the part of ready due to the limit:
 * (want − min(want, limit)) / clock, never more than ready (like %MLMTD). A vCPU sharing a hyper-threaded
 * core with a busy sibling runs all the time, only slower: its running time is use ÷ the busy thread's rate
 * (capacity ÷ busy threads), and only the rest of what it wants counts as ready.
 *
 * <p>Cumulative counters add each tick's rate × tick length, so differences over any window are exact.
 * State arrays are copied on save; rewinding restores them exactly.
 *
 * <h2>Live migration: pause and move</h2>
 * The migration subsystem, registered after this one, calls {@link #setPaused} and {@link #move} at the end of
 * a tick; they take effect from the next tick on, like an input.
 * <ul>
 *   <li>A <b>paused</b> VM (stopped for the stop-and-copy) keeps its demand, which the snapshot shows, but the
 *   allocator is asked for nothing: it uses 0 and is entitled to 0. Its vCPUs are stopped, not runnable, so it is
 *   not <i>ready</i> either: ready (and steal) measure waiting for a CPU, and a paused VM waits for the network.
 *   Its lost time is the migration's downtime, reported there. It keeps its reservation on its host, held or
 *   not as the host's mode says: it is still powered on there.</li>
 *   <li>A <b>moved</b> VM runs on the target from the next tick on with its QoS, workload and counters. Each
 *   host has a <i>slot</i> per VM that has ever run on it (its allocator's and scheduler's numbering): the one
 *   it left stays, off, so the source's slice history keeps its slices and the other VMs their numbers; on the
 *   target it gets a new slot after the others, or its old one if it was there before. Placement is saved and
 *   restored with the rest, so rewinding across a migration puts the VM back exactly.</li>
 * </ul>
 */
public final class CpuSubsystem implements Subsystem {
    public static final String NAME = CpuSnapshot.NAME;

    private final CpuDemandSubsystem demand;
    private final String[] vmIds;
    private final int[] vcpus;
    private final Pinning[] pinning;
    private final boolean[] poweredOn;
    private final String[] hostIds;
    private final HostSpec[] hosts;
    private final double[] hostMhzPerCore;
    private final long[] reservableMhz;
    /** Per host: its memory, all of which admission control may reserve. */
    private final long[] reservableMib;
    /** Per host; replaced when a VM arrives on a host it never ran on (one more slot). */
    private final FluidAllocator[] allocators;
    private final List<List<CpuSnapshot.Refusal>> refusals;

    // Placement: the scenario's until live migration moves a VM. Saved and restored.
    /** The host each VM runs on. */
    private int[] hostOf;
    /** Each VM's slot on the host it runs on. */
    private int[] localIndex;
    /** Per host, the VM in each slot; rows are never written, only replaced when they grow. */
    private int[][] hostVms;
    /** Per host, the ids of {@link #hostVms} (derived). */
    private String[][] hostVmIds;
    /** Stopped for a migration's stop-and-copy. */
    private boolean[] paused;

    private CpuQos[] qos;
    /** Each VM's memory reservation (the memory subsystem reports changes); copied on write. */
    private long[] memoryReservationMib;
    private ReservationMode[] modes;
    private double[] demandMhz;
    private double[] usedMhz;
    private double[] entitlementMhz;
    private double[] hostCapacityMhz;
    private double[] hostUsedMhz;
    private double[] usedMhzMicros;
    private double[] demandMhzMicros;
    private double[] entitlementMhzMicros;
    private double[] readyMicros;
    private double[] limitedMicros;
    private double[] hostUsedMhzMicros;
    /** Last tick: vCPUs runnable but not running, and the part of that due to the limit (fractional). */
    private double[] readyVcpus;
    private double[] limitedVcpus;
    private final int[] hostCores;
    private final int[] hostThreads;
    /** One per host when slices are on, else null; fed the fluid allocation every tick. */
    private final SliceScheduler[] schedulers;
    private final double[][] sliceAllocation;
    private final double[][] sliceDemand;
    private final double[][] sliceLimit;

    /** @param demand the scenario's demand subsystem, registered before this one */
    public CpuSubsystem(Scenario scenario, CpuDemandSubsystem demand) {
        this(scenario, demand, false);
    }

    /**
     * @param demand the scenario's demand subsystem, registered before this one
     * @param slices whether to run the time-slice scheduler under the fluid allocation (what the window
     *               animates); it never changes the fluid numbers, only adds slices to the snapshot
     */
    public CpuSubsystem(Scenario scenario, CpuDemandSubsystem demand, boolean slices) {
        this.demand = demand;
        List<HostSpec> hosts = scenario.hosts();
        List<VmSpec> vms = scenario.vms();
        int n = vms.size();
        if (demand.vmCount() != n) {
            throw new IllegalArgumentException("the demand subsystem is for another scenario");
        }
        vmIds = new String[n];
        vcpus = new int[n];
        pinning = new Pinning[n];
        hostOf = new int[n];
        localIndex = new int[n];
        poweredOn = new boolean[n];
        paused = new boolean[n];
        qos = new CpuQos[n];
        memoryReservationMib = new long[n];
        hostIds = new String[hosts.size()];
        this.hosts = hosts.toArray(new HostSpec[0]);
        hostMhzPerCore = new double[hosts.size()];
        for (int h = 0; h < hostIds.length; h++) {
            hostIds[h] = hosts.get(h).id();
            hostMhzPerCore[h] = hosts.get(h).cpu().mhzPerCore();
        }
        int[] counts = new int[hostIds.length];
        for (int i = 0; i < n; i++) {
            VmSpec vm = vms.get(i);
            vmIds[i] = vm.id();
            vcpus[i] = vm.vcpus();
            pinning[i] = vm.pinning();
            hostOf[i] = indexOf(hostIds, vm.hostId());
            localIndex[i] = counts[hostOf[i]]++;
            qos[i] = vm.cpuQos();
            memoryReservationMib[i] = vm.memoryQos().reservationMib();
        }
        schedulers = slices ? new SliceScheduler[hostIds.length] : null;
        sliceAllocation = new double[hostIds.length][];
        sliceDemand = new double[hostIds.length][];
        sliceLimit = new double[hostIds.length][];
        hostCores = new int[hostIds.length];
        hostThreads = new int[hostIds.length];
        hostVms = new int[hostIds.length][];
        hostVmIds = new String[hostIds.length][];
        reservableMhz = new long[hostIds.length];
        reservableMib = new long[hostIds.length];
        allocators = new FluidAllocator[hostIds.length];
        modes = new ReservationMode[hostIds.length];
        refusals = new ArrayList<>();
        for (int h = 0; h < hostIds.length; h++) {
            HostSpec host = hosts.get(h);
            hostVms[h] = new int[counts[h]];
            for (int i = 0; i < n; i++) {
                if (hostOf[i] == h) {
                    hostVms[h][localIndex[i]] = i;
                }
            }
            hostVmIds[h] = idsOf(hostVms[h]);
            reservableMhz[h] = (long) host.cpu().cores() * host.cpu().mhzPerCore();
            reservableMib[h] = host.memoryMib();
            hostCores[h] = host.cpu().cores();
            hostThreads[h] = host.cpu().threadsPerCore();
            modes[h] = host.cpuPolicy().reservationMode();
            refusals.add(admit(h));
            allocators[h] = newAllocator(h);
            if (schedulers != null) {
                schedulers[h] = newScheduler(h);
            }
        }
        demandMhz = new double[n];
        usedMhz = new double[n];
        entitlementMhz = new double[n];
        usedMhzMicros = new double[n];
        demandMhzMicros = new double[n];
        entitlementMhzMicros = new double[n];
        readyMicros = new double[n];
        limitedMicros = new double[n];
        readyVcpus = new double[n];
        limitedVcpus = new double[n];
        hostCapacityMhz = new double[hostIds.length];
        hostUsedMhz = new double[hostIds.length];
        hostUsedMhzMicros = new double[hostIds.length];
        for (int h = 0; h < hostIds.length; h++) {
            allocators[h].allocate(); // before the first tick nothing is asked: capacity is cores × clock
            hostCapacityMhz[h] = allocators[h].capacityMhz();
        }
    }

    /** Host h's allocator for its current slots, with their QoS, power state and the host's reservation mode. */
    private FluidAllocator newAllocator(int h) {
        int[] slots = hostVms[h];
        int[] localVcpus = new int[slots.length];
        Pinning[] pins = new Pinning[slots.length];
        for (int l = 0; l < slots.length; l++) {
            localVcpus[l] = vcpus[slots[l]];
            pins[l] = pinning[slots[l]];
        }
        FluidAllocator a = new FluidAllocator(hosts[h].cpu(), hosts[h].cpuPolicy(), localVcpus, pins);
        configure(h, a);
        return a;
    }

    /** Gives allocator {@code a} of host h every slot's QoS and power state and the host's reservation mode. */
    private void configure(int h, FluidAllocator a) {
        int[] slots = hostVms[h];
        for (int l = 0; l < slots.length; l++) {
            int i = slots[l];
            a.setQos(l, qos[i]);
            a.setPoweredOn(l, poweredOn[i] && hostOf[i] == h);
        }
        a.setReservationMode(modes[h]);
    }

    /** A fresh time-slice scheduler for host h's current slots, with the arrays that feed it. */
    private SliceScheduler newScheduler(int h) {
        int[] slots = hostVms[h];
        List<SliceVm> sliceVms = new ArrayList<>();
        for (int i : slots) {
            sliceVms.add(new SliceVm(vcpus[i], pinning[i]));
        }
        sizeSliceInputs(h);
        return new SliceScheduler(hosts[h].cpu(), hosts[h].cpuPolicy(), sliceVms);
    }

    private void sizeSliceInputs(int h) {
        sliceAllocation[h] = new double[hostVms[h].length];
        sliceDemand[h] = new double[hostVms[h].length];
        sliceLimit[h] = new double[hostVms[h].length];
    }

    private String[] idsOf(int[] slots) {
        String[] ids = new String[slots.length];
        for (int l = 0; l < slots.length; l++) {
            ids[l] = vmIds[slots[l]];
        }
        return ids;
    }

    /** Power-on in scenario order: each VM's reservations must fit in what is still unreserved. */
    private List<CpuSnapshot.Refusal> admit(int h) {
        List<CpuSnapshot.Refusal> refused = new ArrayList<>();
        for (int i : hostVms[h]) {
            Admission a = admission(i, h);
            if (a.fits()) {
                poweredOn[i] = true;
            } else {
                refused.add(new CpuSnapshot.Refusal(vmIds[i], a));
            }
        }
        return List.copyOf(refused);
    }

    /**
     * VM i's reservations against what host h has unreserved now (i's own, if it is on there, not counted); for
     * i = −1, no VM's: just what is unreserved.
     */
    private Admission admission(int i, int h) {
        long reservedMhz = 0;
        long reservedMib = 0;
        for (int j : hostVms[h]) {
            if (j != i && poweredOn[j] && hostOf[j] == h) {
                reservedMhz += qos[j].reservationMhz();
                reservedMib += memoryReservationMib[j];
            }
        }
        return new Admission(i < 0 ? 0 : qos[i].reservationMhz(), reservableMhz[h] - reservedMhz,
                i < 0 ? 0 : memoryReservationMib[i], reservableMib[h] - reservedMib);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        if (ctx.nowMicros() == 0 && ctx.events().on()) {
            emitPowerDecisions(ctx.events());
        }
        double tick = ctx.tickMicros();
        for (int h = 0; h < allocators.length; h++) {
            FluidAllocator a = allocators[h];
            int[] vms = hostVms[h];
            for (int l = 0; l < vms.length; l++) {
                int i = vms[l];
                if (hostOf[i] != h) {
                    continue; // left by live migration: its slot stays, off
                }
                double d = poweredOn[i] ? demand.demandMhz(i) : 0;
                demandMhz[i] = d;
                a.setDemandMhz(l, paused[i] ? 0 : d);
            }
            a.allocate();
            double threadRate = threadRateMhz(h, a);
            double clock = hostMhzPerCore[h];
            double hostUsed = 0;
            for (int l = 0; l < vms.length; l++) {
                int i = vms[l];
                if (hostOf[i] != h) {
                    continue;
                }
                boolean running = !paused[i];
                double d = demandMhz[i];
                double u = a.usedMhz(l);
                double e = running ? a.entitlementMhz(l) : 0;
                usedMhz[i] = u;
                entitlementMhz[i] = e;
                hostUsed += u;
                usedMhzMicros[i] += u * tick;
                demandMhzMicros[i] += d * tick;
                entitlementMhzMicros[i] += e * tick;
                double want = running ? Math.min(d, a.vcpuMhz(l)) : 0; // vCPUs × clock; a paused VM wants no CPU
                double ready = Math.max(0, want / clock - u / threadRate);
                // min(ready, max(0, want − min(want, limit)) / clock): exactly +0 unless the limit is below want
                // (the allocator holds the limit as a double, +∞ when unlimited)
                double limit = a.limitMhz(l);
                double limited = want > limit ? Math.min(ready, (want - limit) / clock) : 0;
                readyVcpus[i] = ready;
                limitedVcpus[i] = limited;
                readyMicros[i] += ready * tick;
                limitedMicros[i] += limited * tick;
            }
            hostCapacityMhz[h] = a.capacityMhz();
            hostUsedMhz[h] = hostUsed;
            if (schedulers != null) {
                feedScheduler(h, ctx);
            }
            hostUsedMhzMicros[h] += hostUsed * tick;
        }
    }

    /** The journal's account of admission control at the start (time 0): who powered on, who was refused and why. */
    private void emitPowerDecisions(EventSink events) {
        for (int h = 0; h < hostIds.length; h++) {
            for (int i = 0; i < vmIds.length; i++) {
                if (hostOf[i] != h) {
                    continue;
                }
                if (poweredOn[i]) {
                    events.emit(EventKind.POWER_ON, 0, hostIds[h], vmIds[i], null, null, null, 0, 0, 0);
                    continue;
                }
                for (CpuSnapshot.Refusal r : refusals.get(h)) {
                    if (r.vmId().equals(vmIds[i])) {
                        Admission a = r.admission();
                        boolean cpuRefused = r.resource() == Admission.Resource.CPU;
                        events.emit(EventKind.POWER_REFUSED, 0, hostIds[h], vmIds[i], null, null, r.resource(),
                                cpuRefused ? a.reservationMhz() : a.reservationMib(),
                                cpuRefused ? a.unreservedMhz() : a.unreservedMib(), 0);
                    }
                }
            }
        }
    }

    private void feedScheduler(int h, StepContext ctx) {
        int[] vms = hostVms[h];
        for (int l = 0; l < vms.length; l++) {
            int i = vms[l];
            boolean here = hostOf[i] == h;
            sliceAllocation[h][l] = here ? usedMhz[i] : 0;
            sliceDemand[h][l] = here && !paused[i] ? demandMhz[i] : 0;
            sliceLimit[h][l] = qos[i].limited() ? qos[i].limitMhz() : Double.POSITIVE_INFINITY;
        }
        schedulers[h].tick(ctx.nowMicros(), ctx.tickMicros(), sliceAllocation[h], sliceDemand[h], sliceLimit[h],
                ctx.events(), hostIds[h], hostVmIds[h]);
    }

    /**
     * What one busy thread delivers on host h this tick. Without hyper-threading contention, the clock.
     * When more threads are busy than there are cores, the host's capacity spread over its busy threads:
     * a vCPU whose sibling thread is busy runs all the time, only slower, and that is not ready time.
     */
    private double threadRateMhz(int h, FluidAllocator a) {
        int[] vms = hostVms[h];
        double clock = hostMhzPerCore[h];
        if (vms.length == 0 || hostThreads[h] == 1) {
            return clock;
        }
        double threads = (double) hostCores[h] * hostThreads[h];
        // The busy threads are Σ cap / clock, summed VM by VM. Σ cap / clock differs from that by rounding
        // only (relative error below n × 2⁻⁵², n the VMs), so when it is clearly on one side of the cores,
        // or clearly above the threads, the answer is known without the per-VM divisions.
        double estimate = a.sumCap() / clock;
        double margin = estimate * 1e-6;
        if (estimate + margin < hostCores[h]) {
            return clock;
        }
        if (estimate - margin > threads) {
            return a.capacityMhz() / threads;
        }
        double busyThreads = 0;
        for (int l = 0; l < vms.length; l++) {
            busyThreads += a.capMhz(l) / clock;
        }
        if (busyThreads <= hostCores[h]) {
            return clock;
        }
        return a.capacityMhz() / Math.min(busyThreads, threads);
    }

    @Override
    public boolean accept(Input input) {
        if (input instanceof SetCpuQos set) {
            int i = indexOf(vmIds, set.vmId());
            if (i < 0) {
                throw new IllegalArgumentException("no VM " + set.vmId());
            }
            int h = hostOf[i];
            if (poweredOn[i]) {
                long unreserved = admission(i, h).unreservedMhz();
                if (set.qos().reservationMhz() > unreserved) {
                    throw new IllegalArgumentException("reservation of " + set.qos().reservationMhz() + " MHz for VM "
                            + set.vmId() + " does not fit: " + unreserved + " MHz unreserved on host " + hostIds[h]);
                }
            }
            qos = qos.clone(); // saved states share the old array
            qos[i] = set.qos();
            allocators[h].setQos(localIndex[i], set.qos());
            return true;
        }
        if (input instanceof SetReservationMode set) {
            int h = indexOf(hostIds, set.hostId());
            if (h < 0) {
                throw new IllegalArgumentException("no host " + set.hostId());
            }
            modes = modes.clone();
            modes[h] = set.mode();
            allocators[h].setReservationMode(set.mode());
            return true;
        }
        return false;
    }


    // ---- live migration: read and moved by the migration subsystem (see the class comment) ----

    /** The host VM {@code vmId} runs on now: its scenario host until a live migration moves it. */
    public String hostOf(String vmId) {
        return hostIds[hostOf[vm(vmId)]];
    }

    /** False when admission control kept the VM off at the start. */
    public boolean poweredOn(String vmId) {
        return poweredOn[vm(vmId)];
    }

    /** Whether the VM is stopped for a migration's stop-and-copy. */
    public boolean paused(String vmId) {
        return paused[vm(vmId)];
    }

    /** The VM's CPU reservation now (its QoS may have changed since the start). */
    public long reservationMhz(String vmId) {
        return qos[vm(vmId)].reservationMhz();
    }

    /** By index (scenario order of VMs and of hosts), for the subsystems stepped after this one: VM i's host now. */
    public int hostIndexOf(int i) {
        return hostOf[i];
    }

    /** By index: false when admission control kept VM i off at the start. */
    public boolean poweredOn(int i) {
        return poweredOn[i];
    }

    /** By index: whether VM i is stopped for a migration's stop-and-copy. */
    public boolean paused(int i) {
        return paused[i];
    }

    /**
     * What admission control would still let a VM reserve on the host now: cores × clock (no hyper-threading
     * bonus) minus the reservations of the powered-on VMs running there, the rule applied at the start.
     */
    public long unreservedMhz(String hostId) {
        return admission(-1, host(hostId)).unreservedMhz();
    }

    /** The host's memory minus the memory reservations of the powered-on VMs running there now. */
    public long unreservedMib(String hostId) {
        return admission(-1, host(hostId)).unreservedMib();
    }

    /** The VM's memory reservation now, as admission control counts it. */
    public long memoryReservationMib(String vmId) {
        return memoryReservationMib[vm(vmId)];
    }

    /**
     * Admission control's decision for the VM on a host it does not run on now (live migration's target): its
     * CPU and memory reservations against what that host has unreserved.
     */
    public Admission admission(String vmId, String hostId) {
        int i = vm(vmId);
        int h = host(hostId);
        if (h == hostOf[i]) {
            throw new IllegalArgumentException("VM " + vmId + " already runs on host " + hostId);
        }
        return admission(i, h);
    }

    /**
     * The memory subsystem reports a new memory reservation for the VM (a {@link
     * org.virtlab.engine.memory.host.SetMemoryQos} it accepted) before it applies it. A running VM's reservation
     * must fit in its host's unreserved memory, as at power-on, else this throws and nothing changes; an off VM's
     * is recorded and it stays off. Takes effect at once, like an input.
     */
    public void setMemoryReservation(String vmId, long reservationMib) {
        int i = vm(vmId);
        if (poweredOn[i]) {
            long unreserved = admission(i, hostOf[i]).unreservedMib();
            if (reservationMib > unreserved) {
                throw new IllegalArgumentException("memory reservation of " + reservationMib + " MiB for VM " + vmId
                        + " does not fit: " + unreserved + " MiB unreserved on host " + hostIds[hostOf[i]]);
            }
        }
        memoryReservationMib = memoryReservationMib.clone(); // saved states share the old array
        memoryReservationMib[i] = reservationMib;
    }

    /**
     * Stops (or resumes) a powered-on VM from the next tick on: while paused it is served nothing, neither
     * used nor ready, and its demand is still shown (see the class comment).
     */
    public void setPaused(String vmId, boolean pause) {
        int i = vm(vmId);
        if (!poweredOn[i]) {
            throw new IllegalStateException("VM " + vmId + " is off: there is nothing to pause");
        }
        paused[i] = pause;
    }

    /**
     * Moves a powered-on, unpinned VM to another host from the next tick on, keeping its QoS, workload, counters
     * and pause state. The caller (live migration) has checked that its reservation fits on the target.
     */
    public void move(String vmId, String hostId) {
        int i = vm(vmId);
        int to = host(hostId);
        int from = hostOf[i];
        if (!poweredOn[i]) {
            throw new IllegalStateException("VM " + vmId + " is off: a stopped VM is moved by editing the scenario");
        }
        if (pinning[i].pinned()) {
            throw new IllegalStateException("VM " + vmId + " is pinned to logical CPUs of host " + hostIds[from]);
        }
        if (to == from) {
            throw new IllegalArgumentException("VM " + vmId + " already runs on host " + hostId);
        }
        allocators[from].setPoweredOn(localIndex[i], false); // its slot stays, off
        int l = slotOf(to, i);
        hostOf[i] = to;
        if (l >= 0) { // back on a host it ran on before: its old slot
            localIndex[i] = l;
            allocators[to].setQos(l, qos[i]);
            allocators[to].setPoweredOn(l, true);
            if (schedulers != null) {
                schedulers[to].forgetCredit(l);
            }
        } else { // a new slot after the others, who keep their numbers
            localIndex[i] = hostVms[to].length;
            hostVms[to] = Arrays.copyOf(hostVms[to], hostVms[to].length + 1);
            hostVms[to][localIndex[i]] = i;
            hostVmIds[to] = idsOf(hostVms[to]);
            allocators[to] = newAllocator(to);
            if (schedulers != null) {
                schedulers[to] = schedulers[to].withVm(new SliceVm(vcpus[i], pinning[i]));
                sizeSliceInputs(to);
            }
        }
        demand.move(i, to);
    }

    private int slotOf(int h, int i) {
        int[] slots = hostVms[h];
        for (int l = 0; l < slots.length; l++) {
            if (slots[l] == i) {
                return l;
            }
        }
        return -1;
    }

    private int vm(String vmId) {
        int i = indexOf(vmIds, vmId);
        if (i < 0) {
            throw new IllegalArgumentException("no VM " + vmId);
        }
        return i;
    }

    private int host(String hostId) {
        int h = indexOf(hostIds, hostId);
        if (h < 0) {
            throw new IllegalArgumentException("no host " + hostId);
        }
        return h;
    }

    /**
     * The derivation of host {@code hostId}'s sharing at the current moment, as data. Recomputes the last
     * tick's allocation from the saved demands (so it is right after a rewind too); call it when a person
     * asks, not per tick. A paused VM asked for nothing; a VM that left by migration is not in it.
     */
    public CpuDerivation explain(String hostId) {
        int h = host(hostId);
        FluidAllocator a = allocators[h];
        for (int l = 0; l < hostVms[h].length; l++) {
            int i = hostVms[h][l];
            a.setDemandMhz(l, hostOf[i] == h && !paused[i] ? demandMhz[i] : 0);
        }
        a.allocate();
        return CpuDerivations.of(hostId, a, hostVmIds[h]);
    }

    @Override
    public SubsystemSnapshot snapshot() {
        List<CpuSnapshot.VmCpu> vms = new ArrayList<>(vmIds.length);
        for (int i = 0; i < vmIds.length; i++) {
            double readyPct = 100 * readyVcpus[i];
            vms.add(new CpuSnapshot.VmCpu(vmIds[i], hostIds[hostOf[i]], poweredOn[i], paused[i], vcpus[i],
                    demandMhz[i], entitlementMhz[i], usedMhz[i],
                    readyPct, readyPct / vcpus[i], 100 * limitedVcpus[i],
                    usedMhzMicros[i], demandMhzMicros[i], entitlementMhzMicros[i], readyMicros[i], limitedMicros[i]));
        }
        List<CpuSnapshot.HostCpu> hosts = new ArrayList<>(hostIds.length);
        for (int h = 0; h < hostIds.length; h++) {
            hosts.add(new CpuSnapshot.HostCpu(hostIds[h], modes[h], hostCapacityMhz[h], hostUsedMhz[h],
                    Math.max(0, hostCapacityMhz[h] - hostUsedMhz[h]), hostUsedMhzMicros[h], refusals.get(h),
                    List.of(hostVmIds[h]), schedulers == null ? List.of() : schedulers[h].recentSlices()));
        }
        return new CpuSnapshot(vms, hosts);
    }

    @Override
    public Object saveState() {
        return new State(qos, memoryReservationMib, modes, demandMhz.clone(), usedMhz.clone(), entitlementMhz.clone(),
                hostCapacityMhz.clone(), hostUsedMhz.clone(), usedMhzMicros.clone(), demandMhzMicros.clone(),
                entitlementMhzMicros.clone(), readyMicros.clone(), limitedMicros.clone(), hostUsedMhzMicros.clone(),
                readyVcpus.clone(), limitedVcpus.clone(), schedulerStates(),
                hostOf.clone(), localIndex.clone(), hostVms.clone(), paused.clone());
    }

    @Override
    public void restore(Object savedState) {
        State s = (State) savedState;
        qos = s.qos;
        memoryReservationMib = s.memoryReservationMib;
        modes = s.modes;
        demandMhz = s.demandMhz.clone();
        usedMhz = s.usedMhz.clone();
        entitlementMhz = s.entitlementMhz.clone();
        hostCapacityMhz = s.hostCapacityMhz.clone();
        hostUsedMhz = s.hostUsedMhz.clone();
        usedMhzMicros = s.usedMhzMicros.clone();
        demandMhzMicros = s.demandMhzMicros.clone();
        entitlementMhzMicros = s.entitlementMhzMicros.clone();
        readyMicros = s.readyMicros.clone();
        limitedMicros = s.limitedMicros.clone();
        hostUsedMhzMicros = s.hostUsedMhzMicros.clone();
        readyVcpus = s.readyVcpus.clone();
        limitedVcpus = s.limitedVcpus.clone();
        hostOf = s.hostOf.clone();
        localIndex = s.localIndex.clone();
        paused = s.paused.clone();
        for (int h = 0; h < hostIds.length; h++) {
            boolean sameSlots = Arrays.equals(hostVms[h], s.hostVms[h]);
            hostVms[h] = s.hostVms[h];
            if (sameSlots) {
                configure(h, allocators[h]);
            } else { // a VM arrived after the saved moment: back to the slots of then
                hostVmIds[h] = idsOf(hostVms[h]);
                allocators[h] = newAllocator(h);
                if (schedulers != null) {
                    schedulers[h] = newScheduler(h);
                }
            }
            if (schedulers != null) {
                schedulers[h].restore(s.schedulers[h]);
            }
        }
    }

    private Object[] schedulerStates() {
        if (schedulers == null) {
            return null;
        }
        Object[] states = new Object[schedulers.length];
        for (int h = 0; h < schedulers.length; h++) {
            states[h] = schedulers[h].saveState();
        }
        return states;
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Saved state; qos, memory reservations and modes are copied on write, the other arrays are copies (the rows
     * of hostVms are never written, only replaced).
     */
    private record State(CpuQos[] qos, long[] memoryReservationMib, ReservationMode[] modes, double[] demandMhz, double[] usedMhz,
                         double[] entitlementMhz, double[] hostCapacityMhz, double[] hostUsedMhz,
                         double[] usedMhzMicros, double[] demandMhzMicros, double[] entitlementMhzMicros,
                         double[] readyMicros, double[] limitedMicros, double[] hostUsedMhzMicros,
                         double[] readyVcpus, double[] limitedVcpus, Object[] schedulers,
                         int[] hostOf, int[] localIndex, int[][] hostVms, boolean[] paused) {
    }
}
