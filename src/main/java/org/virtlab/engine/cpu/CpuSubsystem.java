package org.virtlab.engine.cpu;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
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
 * <h2>Admission control</h2>
 * At the start, host by host in scenario order, a VM powers on only if its reservation fits in what is
 * still unreserved: cores × clock (no hyper-threading bonus) minus the reservations of the VMs already on.
 * Otherwise it stays off for the whole run, with a {@link CpuSnapshot.Refusal}, no demand and no use. A
 * {@link SetCpuQos} that would raise a running VM's reservation beyond what is unreserved is refused
 * (as vSphere refuses it); on a VM that is off it is recorded, and the VM stays off.
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
 */
public final class CpuSubsystem implements Subsystem {
    public static final String NAME = CpuSnapshot.NAME;

    private final CpuDemandSubsystem demand;
    private final String[] vmIds;
    private final String[] vmHostIds;
    private final int[] vcpus;
    private final int[] hostOf;
    private final int[] localIndex;
    private final double[] mhzPerCore;
    private final boolean[] poweredOn;
    private final String[] hostIds;
    private final int[][] hostVms;
    private final String[][] hostVmIds;
    private final long[] reservableMhz;
    private final FluidAllocator[] allocators;
    private final List<List<CpuSnapshot.Refusal>> refusals;

    private CpuQos[] qos;
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
        vmHostIds = new String[n];
        vcpus = new int[n];
        hostOf = new int[n];
        localIndex = new int[n];
        mhzPerCore = new double[n];
        poweredOn = new boolean[n];
        qos = new CpuQos[n];
        hostIds = new String[hosts.size()];
        for (int h = 0; h < hostIds.length; h++) {
            hostIds[h] = hosts.get(h).id();
        }
        int[] counts = new int[hostIds.length];
        for (int i = 0; i < n; i++) {
            VmSpec vm = vms.get(i);
            vmIds[i] = vm.id();
            vmHostIds[i] = vm.hostId();
            vcpus[i] = vm.vcpus();
            hostOf[i] = indexOf(hostIds, vm.hostId());
            localIndex[i] = counts[hostOf[i]]++;
            mhzPerCore[i] = hosts.get(hostOf[i]).cpu().mhzPerCore();
            qos[i] = vm.cpuQos();
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
        allocators = new FluidAllocator[hostIds.length];
        modes = new ReservationMode[hostIds.length];
        refusals = new ArrayList<>();
        for (int h = 0; h < hostIds.length; h++) {
            HostSpec host = hosts.get(h);
            hostVms[h] = new int[counts[h]];
            hostVmIds[h] = new String[counts[h]];
            int[] localVcpus = new int[counts[h]];
            Pinning[] pins = new Pinning[counts[h]];
            for (int i = 0; i < n; i++) {
                if (hostOf[i] == h) {
                    hostVms[h][localIndex[i]] = i;
                    hostVmIds[h][localIndex[i]] = vmIds[i];
                    localVcpus[localIndex[i]] = vcpus[i];
                    pins[localIndex[i]] = vms.get(i).pinning();
                }
            }
            reservableMhz[h] = (long) host.cpu().cores() * host.cpu().mhzPerCore();
            hostCores[h] = host.cpu().cores();
            hostThreads[h] = host.cpu().threadsPerCore();
            modes[h] = host.cpuPolicy().reservationMode();
            allocators[h] = new FluidAllocator(host.cpu(), host.cpuPolicy(), localVcpus, pins);
            if (schedulers != null) {
                List<SliceVm> sliceVms = new ArrayList<>();
                for (int l = 0; l < counts[h]; l++) {
                    sliceVms.add(new SliceVm(localVcpus[l], pins[l]));
                }
                schedulers[h] = new SliceScheduler(host.cpu(), host.cpuPolicy(), sliceVms);
                sliceAllocation[h] = new double[counts[h]];
                sliceDemand[h] = new double[counts[h]];
                sliceLimit[h] = new double[counts[h]];
            }
            refusals.add(admit(h));
            for (int l = 0; l < counts[h]; l++) {
                int i = hostVms[h][l];
                allocators[h].setQos(l, qos[i]);
                allocators[h].setPoweredOn(l, poweredOn[i]);
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

    /** Power-on in scenario order: each reservation must fit in what is still unreserved. */
    private List<CpuSnapshot.Refusal> admit(int h) {
        List<CpuSnapshot.Refusal> refused = new ArrayList<>();
        long reserved = 0;
        for (int i : hostVms[h]) {
            long r = qos[i].reservationMhz();
            long unreserved = reservableMhz[h] - reserved;
            if (r > unreserved) {
                refused.add(new CpuSnapshot.Refusal(vmIds[i], r, unreserved));
            } else {
                poweredOn[i] = true;
                reserved += r;
            }
        }
        return List.copyOf(refused);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        double tick = ctx.tickMicros();
        for (int h = 0; h < allocators.length; h++) {
            FluidAllocator a = allocators[h];
            int[] vms = hostVms[h];
            for (int l = 0; l < vms.length; l++) {
                int i = vms[l];
                double d = poweredOn[i] ? demand.demandMhz(i) : 0;
                demandMhz[i] = d;
                a.setDemandMhz(l, d);
            }
            a.allocate();
            double threadRate = threadRateMhz(h, a);
            double hostUsed = 0;
            for (int l = 0; l < vms.length; l++) {
                int i = vms[l];
                double clock = mhzPerCore[i];
                double d = demandMhz[i];
                double u = a.usedMhz(l);
                double e = a.entitlementMhz(l);
                usedMhz[i] = u;
                entitlementMhz[i] = e;
                hostUsed += u;
                usedMhzMicros[i] += u * tick;
                demandMhzMicros[i] += d * tick;
                entitlementMhzMicros[i] += e * tick;
                double want = Math.min(d, a.vcpuMhz(l)); // vCPUs × clock
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

    private void feedScheduler(int h, StepContext ctx) {
        int[] vms = hostVms[h];
        for (int l = 0; l < vms.length; l++) {
            int i = vms[l];
            sliceAllocation[h][l] = usedMhz[i];
            sliceDemand[h][l] = demandMhz[i];
            sliceLimit[h][l] = qos[i].limited() ? qos[i].limitMhz() : Double.POSITIVE_INFINITY;
        }
        schedulers[h].tick(ctx.nowMicros(), ctx.tickMicros(), sliceAllocation[h], sliceDemand[h], sliceLimit[h]);
    }

    /**
     * What one busy thread delivers on host h this tick. Without hyper-threading contention, the clock.
     * When more threads are busy than there are cores, the host's capacity spread over its busy threads:
     * a vCPU whose sibling thread is busy runs all the time, only slower, and that is not ready time.
     */
    private double threadRateMhz(int h, FluidAllocator a) {
        int[] vms = hostVms[h];
        double clock = vms.length == 0 ? 0 : mhzPerCore[vms[0]];
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
                long unreserved = reservableMhz[h] - reservedOn(h) + qos[i].reservationMhz();
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

    private long reservedOn(int h) {
        long reserved = 0;
        for (int i : hostVms[h]) {
            if (poweredOn[i]) {
                reserved += qos[i].reservationMhz();
            }
        }
        return reserved;
    }

    /**
     * The derivation of host {@code hostId}'s sharing at the current moment, as data. Recomputes the last
     * tick's allocation from the saved demands (so it is right after a rewind too); call it when a person
     * asks, not per tick.
     */
    public CpuDerivation explain(String hostId) {
        int h = indexOf(hostIds, hostId);
        if (h < 0) {
            throw new IllegalArgumentException("no host " + hostId);
        }
        FluidAllocator a = allocators[h];
        for (int l = 0; l < hostVms[h].length; l++) {
            a.setDemandMhz(l, demandMhz[hostVms[h][l]]);
        }
        a.allocate();
        return CpuDerivations.of(hostId, a, hostVmIds[h]);
    }

    @Override
    public SubsystemSnapshot snapshot() {
        List<CpuSnapshot.VmCpu> vms = new ArrayList<>(vmIds.length);
        for (int i = 0; i < vmIds.length; i++) {
            double readyPct = 100 * readyVcpus[i];
            vms.add(new CpuSnapshot.VmCpu(vmIds[i], vmHostIds[i], poweredOn[i], vcpus[i],
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
        return new State(qos, modes, demandMhz.clone(), usedMhz.clone(), entitlementMhz.clone(),
                hostCapacityMhz.clone(), hostUsedMhz.clone(), usedMhzMicros.clone(), demandMhzMicros.clone(),
                entitlementMhzMicros.clone(), readyMicros.clone(), limitedMicros.clone(), hostUsedMhzMicros.clone(),
                readyVcpus.clone(), limitedVcpus.clone(), schedulerStates());
    }

    @Override
    public void restore(Object savedState) {
        State s = (State) savedState;
        qos = s.qos;
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
        if (schedulers != null) {
            for (int h = 0; h < schedulers.length; h++) {
                schedulers[h].restore(s.schedulers[h]);
            }
        }
        for (int i = 0; i < vmIds.length; i++) {
            allocators[hostOf[i]].setQos(localIndex[i], qos[i]);
        }
        for (int h = 0; h < hostIds.length; h++) {
            allocators[h].setReservationMode(modes[h]);
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

    /** Saved state; qos and modes are copied on write, the other arrays are copies. */
    private record State(CpuQos[] qos, ReservationMode[] modes, double[] demandMhz, double[] usedMhz,
                         double[] entitlementMhz, double[] hostCapacityMhz, double[] hostUsedMhz,
                         double[] usedMhzMicros, double[] demandMhzMicros, double[] entitlementMhzMicros,
                         double[] readyMicros, double[] limitedMicros, double[] hostUsedMhzMicros,
                         double[] readyVcpus, double[] limitedVcpus, Object[] schedulers) {
    }
}
