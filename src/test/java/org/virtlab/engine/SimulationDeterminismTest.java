package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;

class SimulationDeterminismTest {
    private static final long TEN_SECONDS_MICROS = 10_000_000;

    private static byte[] transcript(Scenario scenario, long seed) {
        Simulation sim = Simulations.of(scenario, seed);
        StringBuilder out = new StringBuilder();
        sim.addObserver(s -> out.append(s).append('\n'));
        sim.runUntil(TEN_SECONDS_MICROS);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sameScenarioAndSeedGiveTheSameBytes() {
        byte[] first = transcript(TestScenarios.mixed(), 42);
        byte[] second = transcript(TestScenarios.mixed(), 42);
        assertArrayEquals(first, second);
        // 10 s / 1 ms tick = 10 000 snapshots, one line each
        assertEquals(10_000, new String(first, StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void anotherSeedGivesOtherBytesBecauseTheBurstyVmDrawsOnTheGenerator() {
        byte[] a = transcript(TestScenarios.mixed(), 42);
        byte[] b = transcript(TestScenarios.mixed(), 43);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void oneLongRunAndManyUnevenChunksPublishTheSameSnapshots() {
        Simulation whole = Simulations.of(TestScenarios.mixed());
        List<SimulationSnapshot> wholeSeen = TestScenarios.record(whole);
        whole.runUntil(TEN_SECONDS_MICROS);

        Simulation chunked = Simulations.of(TestScenarios.mixed());
        List<SimulationSnapshot> chunkedSeen = TestScenarios.record(chunked);
        long[] unevenStepsMicros = {1, 999, 1_001, 17_333, 250_000, 3, 1_234_567, 40_000};
        int i = 0;
        while (chunked.nowMicros() < TEN_SECONDS_MICROS) {
            long target = Math.min(TEN_SECONDS_MICROS, chunked.nowMicros() + unevenStepsMicros[i % unevenStepsMicros.length]);
            chunked.runUntil(target);
            if (i % 3 == 0 && chunked.nowMicros() < TEN_SECONDS_MICROS) {
                chunked.step();
            }
            i++;
        }

        assertEquals(10_000, wholeSeen.size()); // 10 s at a 1 ms tick
        TestScenarios.assertSameSnapshots(wholeSeen, chunkedSeen);
    }
}
