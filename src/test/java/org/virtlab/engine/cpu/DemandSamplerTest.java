package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.TestScenarios;

class DemandSamplerTest {
    private static final long WINDOW_MICROS = 100_000;

    private static List<DemandSampler.Sample> sample(Simulation sim) {
        List<DemandSampler.Sample> samples = new ArrayList<>();
        sim.addObserver(new DemandSampler(WINDOW_MICROS, samples::add));
        return samples;
    }

    @Test
    void constantWorkloadsGiveOneSampleEveryWindowWithExactlyTheirDemand() {
        Simulation sim = Simulations.of(TestScenarios.scenario(1, List.of(
                TestScenarios.vm("db", 8, new Workload.Constant(70)),
                TestScenarios.vm("app", 4, new Workload.Constant(25)),
                TestScenarios.vm("idle", 2, new Workload.Idle(5)))));
        List<DemandSampler.Sample> samples = sample(sim);
        sim.runUntil(1_000_000);

        // 1 s / 100 ms window = 10 samples, at 100 ms, 200 ms, … 1 s
        assertEquals(10, samples.size());
        for (int k = 0; k < samples.size(); k++) {
            DemandSampler.Sample s = samples.get(k);
            assertEquals((k + 1) * WINDOW_MICROS, s.endMicros());
            assertArrayEquals(new String[] {"db", "app", "idle"}, s.vmIds());
            // 8 × 70 % × 2000 = 11 200; 4 × 25 % × 2000 = 2000; 2 × 5 % × 2000 = 200 MHz
            assertArrayEquals(new double[] {11_200, 2_000, 200}, s.demandMhz());
        }
    }

    @Test
    void sampleTimesAndValuesDoNotDependOnChunking() {
        Simulation whole = Simulations.of(TestScenarios.mixed());
        List<DemandSampler.Sample> a = sample(whole);
        whole.runUntil(3_000_000);

        Simulation chunked = Simulations.of(TestScenarios.mixed());
        List<DemandSampler.Sample> b = sample(chunked);
        long[] chunks = {7_000, 333_333, 1_000, 99_999, 150_001};
        for (int i = 0; chunked.nowMicros() < 3_000_000; i++) {
            chunked.runUntil(Math.min(3_000_000, chunked.nowMicros() + chunks[i % chunks.length]));
            if (i % 2 == 0 && chunked.nowMicros() < 3_000_000) {
                chunked.step();
            }
        }

        assertEquals(30, a.size()); // 3 s / 100 ms
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).endMicros(), b.get(i).endMicros());
            assertArrayEquals(a.get(i).demandMhz(), b.get(i).demandMhz());
        }
    }

    @Test
    void samplesCannotBeChangedThroughTheirArrays() {
        DemandSampler.Sample s = new DemandSampler.Sample(1, new String[] {"a"}, new double[] {1});
        s.demandMhz()[0] = 99;
        s.vmIds()[0] = "b";
        assertEquals(1, s.demandMhz()[0]);
        assertEquals("a", s.vmIds()[0]);
    }

    @Test
    void restartAtBeginsANewWindowAfterARewind() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        List<DemandSampler.Sample> samples = new ArrayList<>();
        DemandSampler sampler = new DemandSampler(WINDOW_MICROS, samples::add);
        sim.addObserver(sampler);
        sim.runUntil(550_000);
        sim.rewindTo(230_000);
        sampler.restartAt(sim.nowMicros());
        samples.clear();
        sim.runUntil(500_000);
        // next window boundaries after 230 ms: 300, 400, 500 ms
        assertEquals(List.of(300_000L, 400_000L, 500_000L), samples.stream().map(DemandSampler.Sample::endMicros).toList());
    }

    @Test
    void aNonPositiveWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DemandSampler(0, s -> { }));
    }
}
