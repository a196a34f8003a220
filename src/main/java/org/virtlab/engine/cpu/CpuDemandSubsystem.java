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
 * Computes, every tick, how much CPU each VM's guest asks for, from its {@link Workload}. This is demand,
 * not allocation: who actually gets what under contention is the CPU scheduler's business.
 *
 * <p>Hot state lives in arrays indexed by VM, in the scenario's order.
 */
public final class CpuDemandSubsystem implements Subsystem {
    public static final String NAME = "cpu.demand";

    private final String[] vmIds;
    private final int[] vcpus;
    private final String[] hostIds;
    private final int[] hostLogicalCpus;
    private final long[] hostCapacityMhz;
    private final double[] hostMhzPerCore;

    /** Where each VM runs and its host's clock: the scenario's placement until a live migration moves it. */
    private int[] vmHostIndex;
    private double[] vmMhzPerVcpu;

    private Workload[] workloads;
    private WorkloadState phase;
    private double[] percent;

    public CpuDemandSubsystem(Scenario scenario) {
        List<HostSpec> hosts = scenario.hosts();
        List<VmSpec> vms = scenario.vms();
        hostIds = new String[hosts.size()];
        hostLogicalCpus = new int[hosts.size()];
        hostCapacityMhz = new long[hosts.size()];
        hostMhzPerCore = new double[hosts.size()];
        for (int h = 0; h < hosts.size(); h++) {
            hostIds[h] = hosts.get(h).id();
            hostLogicalCpus[h] = hosts.get(h).cpu().logicalCpus();
            hostCapacityMhz[h] = hosts.get(h).cpu().logicalCapacityMhz();
            hostMhzPerCore[h] = hosts.get(h).cpu().mhzPerCore();
        }
        int n = vms.size();
        vmIds = new String[n];
        vcpus = new int[n];
        vmHostIndex = new int[n];
        vmMhzPerVcpu = new double[n];
        workloads = new Workload[n];
        for (int i = 0; i < n; i++) {
            VmSpec vm = vms.get(i);
            vmIds[i] = vm.id();
            vcpus[i] = vm.vcpus();
            vmHostIndex[i] = indexOf(hostIds, vm.hostId());
            vmMhzPerVcpu[i] = hostMhzPerCore[vmHostIndex[i]];
            workloads[i] = vm.workload();
        }
        phase = new WorkloadState(n);
        percent = new double[n];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        for (int i = 0; i < workloads.length; i++) {
            percent[i] = phase.percent(i, workloads[i], ctx.nowMicros(), ctx.random());
        }
    }

    @Override
    public boolean accept(Input input) {
        if (!(input instanceof SetWorkload set)) {
            return false;
        }
        int i = indexOf(vmIds, set.vmId());
        if (i < 0) {
            throw new IllegalArgumentException("no VM " + set.vmId());
        }
        workloads = workloads.clone(); // saved states share the old array
        workloads[i] = set.workload();
        phase.reset(i); // a new workload starts afresh, not in the old one's burst or spell
        return true;
    }

    /**
     * VM {@code i} now runs on host {@code h} (scenario order): a live migration moved it. Its workload goes
     * on where it was; its demand in MHz follows the new host's clock, since a workload asks for a part of
     * each vCPU. Called by {@link CpuSubsystem#move}.
     */
    void move(int i, int h) {
        vmHostIndex = vmHostIndex.clone(); // saved states share the old arrays
        vmMhzPerVcpu = vmMhzPerVcpu.clone();
        vmHostIndex[i] = h;
        vmMhzPerVcpu[i] = hostMhzPerCore[h];
    }

    /** Demand of VM {@code i} (scenario order) in MHz over the last tick. */
    public double demandMhz(int i) {
        return vcpus[i] * percent[i] / 100.0 * vmMhzPerVcpu[i];
    }

    public int vmCount() {
        return vmIds.length;
    }

    @Override
    public SubsystemSnapshot snapshot() {
        List<CpuDemandSnapshot.VmDemand> vms = new ArrayList<>(vmIds.length);
        double[] hostDemand = new double[hostIds.length];
        for (int i = 0; i < vmIds.length; i++) {
            double mhz = demandMhz(i);
            hostDemand[vmHostIndex[i]] += mhz;
            vms.add(new CpuDemandSnapshot.VmDemand(vmIds[i], hostIds[vmHostIndex[i]], vcpus[i], percent[i], mhz));
        }
        List<CpuDemandSnapshot.HostDemand> hosts = new ArrayList<>(hostIds.length);
        for (int h = 0; h < hostIds.length; h++) {
            hosts.add(new CpuDemandSnapshot.HostDemand(hostIds[h], hostLogicalCpus[h], hostCapacityMhz[h], hostDemand[h]));
        }
        return new CpuDemandSnapshot(vms, hosts);
    }

    @Override
    public Object saveState() {
        return new State(workloads, phase.copy(), percent.clone(), vmHostIndex, vmMhzPerVcpu);
    }

    @Override
    public void restore(Object savedState) {
        State s = (State) savedState;
        workloads = s.workloads;
        phase = s.phase.copy();
        percent = s.percent.clone();
        vmHostIndex = s.vmHostIndex;
        vmMhzPerVcpu = s.vmMhzPerVcpu;
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Saved state; arrays are never written after saving (workloads and the placement are copied on write). */
    private record State(Workload[] workloads, WorkloadState phase, double[] percent, int[] vmHostIndex,
                         double[] vmMhzPerVcpu) {
    }
}
