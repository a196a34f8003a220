package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtlab.engine.memory.host.MemoryScenarios.memory;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.Scenario;

/**
 * The idle memory tax (Waldspurger, "Memory Resource Management in VMware ESX Server", OSDI 2002, §5.2):
 * reclaim from the VM with the lowest ρ = S / (P (f + k (1 − f))), k = 1 / (1 − τ), τ = 0.75 by default, f the
 * active fraction. An idle VM's pages cost it k = 4 times as much, so it can lose memory before a busy VM with
 * fewer shares.
 */
class IdleMemoryTaxTest {
    private static final double IDLE_ACTIVE = 0.10;

    /** An idle VM with 2000 shares and a busy one with 1000, both writing 1 GiB on a 2 GiB host. */
    private static Scenario idleRichAndBusyPoor(double taxPercent) {
        MemoryActivity writesGib = MemoryActivity.unique(1024);
        HostMemoryPolicy policy = HostMemoryPolicy.DEFAULT.withIdleTaxPercent(taxPercent);
        return MemoryScenarios.scenario(List.of(MemoryScenarios.host("host", 2048, policy)), List.of(
                MemoryScenarios.vm("idle", "host", 1536, writesGib.withActivePercent(100 * IDLE_ACTIVE),
                        new MemoryQos(Shares.custom(2000), MemoryQos.NO_LIMIT, 0)),
                MemoryScenarios.vm("busy", "host", 1536, writesGib,
                        new MemoryQos(Shares.custom(1000), MemoryQos.NO_LIMIT, 0))));
    }

    private static long reclaimed(MemorySnapshot.VmMemory vm) {
        return vm.balloonedPages() + vm.swappedPages();
    }

    @Test
    void withTheTaxAnIdleVmWithMoreSharesLosesMemoryBeforeABusyVmWithFewer() {
        Simulation sim = Simulations.of(idleRichAndBusyPoor(75));
        MemorySnapshot[] before = new MemorySnapshot[1];
        Reclamation[] first = new Reclamation[1];
        MemorySnapshot[] beforeFirst = new MemorySnapshot[1];
        sim.addObserver(snap -> {
            MemorySnapshot m = memory(snap);
            if (first[0] == null && m.host("host").lastReclamation().atMicros() >= 0) {
                first[0] = m.host("host").lastReclamation();
                beforeFirst[0] = before[0];
            }
            before[0] = m;
            assertEquals(0, reclaimed(m.vm("busy")), "the busy VM keeps all it wrote");
        });
        sim.runUntil(10_000_000);

        assertNotNull(first[0]);
        Reclamation.Action action = first[0].actions().get(0);
        assertEquals("idle", action.vmId());
        // ρ = S / (P (f + k (1 − f))) with S = 2000, f = 0.1, k = 1 / (1 − 0.75) = 4: f + k (1 − f) = 3.7
        double p = beforeFirst[0].vm("idle").consumedPages();
        assertEquals(2000 / (p * (IDLE_ACTIVE + 4 * (1 - IDLE_ACTIVE))), action.sharesPerPage(), 1e-12);
        double busyRho = 1000 / beforeFirst[0].vm("busy").consumedPages();
        assertTrue(action.sharesPerPage() < busyRho, action.sharesPerPage() + " < " + busyRho);

        MemorySnapshot m = memory(sim);
        assertTrue(reclaimed(m.vm("idle")) > 0);
        assertTrue(m.vm("idle").sharesPerPage() < m.vm("busy").sharesPerPage());
    }

    @Test
    void withoutTheTaxTheVmWithFewerSharesLosesMemoryFirst() {
        Simulation sim = MemoryScenarios.run(idleRichAndBusyPoor(0), 10);
        MemorySnapshot m = memory(sim);
        // τ = 0: k = 1, ρ = S / P; the busy VM has half the shares per page
        assertEquals(0, reclaimed(m.vm("idle")));
        assertTrue(reclaimed(m.vm("busy")) > 0);
        assertEquals("busy", m.host("host").lastReclamation().actions().get(0).vmId());
    }
}
