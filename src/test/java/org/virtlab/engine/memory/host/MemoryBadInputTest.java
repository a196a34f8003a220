package org.virtlab.engine.memory.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.model.VmSpec;

/** Wrong sizes, rates and thresholds are refused with the value and the range allowed. */
class MemoryBadInputTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void negativeSizesAreRefusedWithTheirRange() {
        assertEquals("pages must be between 0 and 1073741824, was -1", refused(() -> new TouchMemory("vm", -1)));
        assertEquals("demandMib must be between 0 and 4194304, was -5",
                refused(() -> MemoryActivity.DEFAULT.withDemandMib(-5)));
        assertEquals("reservationMib must be between 0 and 4194304, was -1",
                refused(() -> new MemoryQos(Shares.NORMAL, MemoryQos.NO_LIMIT, -1)));
        assertEquals("limitMib must be between 1024 and 4194304, was 512",
                refused(() -> new MemoryQos(Shares.NORMAL, 512, 1024)));
        assertEquals("touchMibPerSecond must be between 0.0 and 100000.0, was -1.0",
                refused(() -> MemoryActivity.DEFAULT.withTouchMibPerSecond(-1)));
    }

    @Test
    void aGuestBeyondTheSimulatorsBoundIsRefused() {
        // 4 TiB, the largest guest the model and the page arrays (one int index per 4 KiB page) allow
        assertEquals("memoryMib must be between 16 and 4194304, was 4194305",
                refused(() -> MemoryScenarios.vm("vm", "host", VmSpec.MAX_MEMORY_MIB + 1, MemoryActivity.DEFAULT,
                        MemoryQos.DEFAULT)));
        assertEquals("demandMib must be between 0 and 2048, was 4096",
                refused(() -> MemoryScenarios.vm("vm", "host", 2048, MemoryActivity.unique(4096), MemoryQos.DEFAULT)));
        assertEquals("reservationMib must be between 0 and 2048, was 3000",
                refused(() -> MemoryScenarios.vm("vm", "host", 2048, MemoryActivity.DEFAULT,
                        new MemoryQos(Shares.NORMAL, MemoryQos.NO_LIMIT, 3000))));
        assertEquals("imagePercent must be between 0.0 and 40.0, was 70.0",
                refused(() -> MemoryActivity.DEFAULT.withContent(60, 70, "img")));
    }

    @Test
    void thresholdsOutOfOrderAreRefusedNamingTheRange() {
        assertEquals("softPercent must be below highPercent (6.0) and above hardPercent (2.0), was 7.0",
                refused(() -> HostMemoryPolicy.DEFAULT.withThresholds(6, 7, 2, 1)));
        assertEquals("hardPercent must be below softPercent (4.0) and above lowPercent (3.0), was 2.0",
                refused(() -> HostMemoryPolicy.DEFAULT.withThresholds(6, 4, 2, 3)));
        assertEquals("highPercent must be between 0.1 and 50.0, was 60.0",
                refused(() -> HostMemoryPolicy.DEFAULT.withThresholds(60, 4, 2, 1)));
        assertEquals("idleTaxPercent must be between 0.0 and 99.0, was 100.0",
                refused(() -> HostMemoryPolicy.DEFAULT.withIdleTaxPercent(100)));
    }

    @Test
    void inputsBeyondTheGuestAreRefusedAndNothingChanges() {
        Simulation sim = Simulations.of(MemoryScenarios.scenario(
                List.of(MemoryScenarios.host("host", 4096, HostMemoryPolicy.DEFAULT)),
                List.of(MemoryScenarios.vm("vm", "host", 1024, MemoryActivity.DEFAULT, MemoryQos.DEFAULT))));
        sim.submit(new SetMemoryActivity("vm", MemoryActivity.unique(2048)));
        assertEquals("demandMib must be between 0 and 1024 (VM vm's memory), was 2048",
                refused(sim::step));
        sim.submit(new SetMemoryActivity("vm", MemoryActivity.unique(10).withContent(0, 50, "other")));
        assertEquals("VM vm was booted from image default; a running VM's image cannot become other",
                refused(sim::step));
        sim.submit(new SetMemoryQos("vm", new MemoryQos(Shares.NORMAL, MemoryQos.NO_LIMIT, 2000)));
        assertEquals("reservationMib must be between 0 and 1024 (VM vm's memory), was 2000", refused(sim::step));
        sim.submit(new SetHostMemoryPolicy("host", new HostMemoryPolicy(6, 4, 2, 1, SharingMode.ALWAYS, 100, 20, 512,
                256, 65, 128, 100, 75)));
        assertEquals("maxPageSharing of host host is fixed while the simulation runs (256); was asked to become 512",
                refused(sim::step));
        sim.submit(new TouchMemory("nobody", 1));
        assertEquals("no VM nobody", refused(sim::step));
        assertEquals(List.of(), sim.inputLog());
    }
}
