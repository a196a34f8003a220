package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/** Scenarios and checks shared by the memory tests. */
final class MemoryScenarios {
    static final long PAGES_PER_MIB = 256;
    static final long PAGES_PER_GIB = 1024 * PAGES_PER_MIB;
    static final CpuTopology CPU = new CpuTopology(1, 8, 1, 2_000);

    private MemoryScenarios() {
    }

    static HostSpec host(String id, long mib, HostMemoryPolicy policy) {
        return new HostSpec(id, id, CPU, null, mib, policy, 0, 0);
    }

    static VmSpec vm(String id, String host, long mib, MemoryActivity activity, MemoryQos qos) {
        return new VmSpec(id, id, host, 1, mib, new Workload.Constant(10), CpuQos.DEFAULT, Pinning.NONE, List.of(),
                VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND, qos, activity, 0, 0);
    }

    static Scenario scenario(List<HostSpec> hosts, List<VmSpec> vms) {
        return new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, 7, 1_000, hosts, vms);
    }

    static MemorySnapshot memory(SimulationSnapshot snapshot) {
        return snapshot.find(MemorySnapshot.class).orElseThrow();
    }

    static MemorySnapshot memory(Simulation sim) {
        return memory(sim.snapshot());
    }

    static Simulation run(Scenario scenario, double seconds) {
        Simulation sim = Simulations.of(scenario);
        sim.runUntil(Math.round(seconds * 1e6));
        return sim;
    }

    static void runFor(Simulation sim, double seconds) {
        sim.runUntil(sim.nowMicros() + Math.round(seconds * 1e6));
    }

    /**
     * The books balance: every guest page in exactly one state, the states adding up to the configured size;
     * a host's frames = the zero frame + its VMs' private pages + its shared frames, never more than its memory;
     * what each VM is charged adds up to the frames in use.
     */
    static void assertBooksBalance(MemorySnapshot m) {
        for (MemorySnapshot.HostMemory h : m.hosts()) {
            long privatePages = 0;
            double consumed = 0;
            long swapped = 0;
            for (MemorySnapshot.VmMemory v : m.vms()) {
                if (!v.hostId().equals(h.hostId())) {
                    continue;
                }
                assertEquals(v.configuredPages(), v.untouchedPages() + v.privatePages() + v.sharedPages()
                        + v.balloonedPages() + v.swappedPages(), v.vmId() + ": the states add up to the configured size");
                privatePages += v.privatePages();
                consumed += v.consumedPages();
                swapped += v.swappedPages();
            }
            assertEquals(h.usedPages(), 1 + privatePages + h.pagesShared(), h.hostId() + ": frames in use");
            assertTrue(h.usedPages() <= h.capacityPages(), h.hostId() + ": " + h.usedPages() + " frames of "
                    + h.capacityPages());
            assertEquals(h.capacityPages() - h.usedPages(), h.freePages());
            assertEquals(h.usedPages() - 1, consumed, 1e-6 * (1 + consumed), h.hostId() + ": charges add up");
            assertEquals(swapped, h.swapPages(), h.hostId() + ": swap");
        }
    }
}
