package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.CpuTopology;

/** The sampler's averages are differences of the engine's counters over each window, exact. */
class CpuSamplerTest {

    @Test
    void averagesOverEachWindowComeFromTheCounters() {
        // 8 cores × 1 thread at 1 GHz; one VM with 4 busy vCPUs and a 1500 MHz limit (vSphere: a limit caps
        // use even on an idle host, virtualization.md §1)
        var host = CpuScenarios.host(new CpuTopology(1, 8, 1, 1_000), ReservationMode.REUSABLE);
        var vm = CpuScenarios.busy("vm1", 4, 1_000).withCpuQos(new CpuQos(Shares.NORMAL, 1_500, 0));
        Simulation sim = Simulations.of(CpuScenarios.scenario(host, List.of(vm)));
        List<CpuSampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new CpuSampler(samples::add), 100_000);
        sim.runUntil(1_000_000);

        assertEquals(10, samples.size()); // one per 100 ms over 1 s
        CpuSampler.Sample s = samples.get(9);
        assertEquals(1_000_000, s.endMicros());
        assertEquals(4_000, s.demandMhz()[0], 1e-6);     // 4 vCPUs × 100 % × 1000 MHz
        assertEquals(1_500, s.usedMhz()[0], 1e-6);       // the limit
        assertEquals(250, s.readyPct()[0], 1e-6);        // 2.5 vCPUs waiting, summed over vCPUs (%RDY)
        assertEquals(62.5, s.stealPct()[0], 1e-6);       // averaged over its 4 vCPUs (st)
        assertEquals(250, s.limitedPct()[0], 1e-6);      // all of it because of the limit (%MLMTD)
        assertEquals(8_000, s.capacityMhz(), 1e-6);      // 8 cores × 1000 MHz
    }
}
