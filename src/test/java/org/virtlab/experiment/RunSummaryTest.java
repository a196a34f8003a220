package org.virtlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.ScenarioReader;

/** Observing every 100 ms where the capacity cannot change gives the summary that observing every tick gives. */
class RunSummaryTest {
    /** A hyper-threaded host (2 cores × 2 threads) under a load that rises and falls every 150 ms. */
    private static final String HT_VARYING = """
            {"format": "virtlab.scenario", "version": 1, "seed": 3,
             "hosts": [{"id": "h", "cpu": {"sockets": 1, "coresPerSocket": 2, "threadsPerCore": 2,
                        "mhzPerCore": 1000}, "memoryMib": 4096}],
             "vms": [{"id": "v", "host": "h", "vcpus": 4, "memoryMib": 512,
                      "workload": {"kind": "periodic", "minPercent": 10, "maxPercent": 100, "periodMillis": 150}}]}
            """;

    /** The summary of {@code micros} of the lesson: as attached, and observed every tick. */
    private static String[] bothWays(String lesson, long micros) throws Exception {
        Scenario scenario = lesson.startsWith("{") ? ScenarioReader.read(HT_VARYING, "ht.json")
                : ScenarioReader.read(Path.of("scenarios", lesson));
        Simulation a = Simulations.of(scenario);
        RunSummary attached = RunSummary.attach(a, scenario);
        a.runUntil(micros);
        Simulation b = Simulations.of(scenario);
        RunSummary everyTick = new RunSummary();
        b.addObserver(everyTick);
        b.runUntil(micros);
        return new String[] {attached.toJson(a), everyTick.toJson(b)};
    }

    @Test
    void withoutHyperThreadingEvery100MsIsExactEvenForARunEndingBetweenSamples() throws Exception {
        // default.json: 12 cores × 2 GHz, one thread per core: capacity 24 GHz whatever the load; 2.35 s ends
        // 50 ms after the last 100 ms observation, which the summary integrates at the capacity then
        String[] s = bothWays("default.json", 2_350_000);
        assertEquals(s[1], s[0]);
    }

    @Test
    void withHyperThreadingTheCapacityIsIntegratedEveryTick() throws Exception {
        // issue 3: two busy threads on a core deliver 1.3× one thread, so the capacity follows the load; a 150 ms
        // period is out of step with 100 ms samples, which would miss what happens between them
        String[] s = bothWays(HT_VARYING, 1_250_000);
        assertEquals(s[1], s[0]);
    }
}
