package org.virtlab.engine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.virtlab.engine.SimRandom;

/** The workload shapes, evaluated tick by tick as the CPU demand subsystem does. */
class WorkloadStateTest {
    private static final double EPS = 1e-9;

    private static double at(Workload w, long nowMicros) {
        return new WorkloadState(1).percent(0, w, nowMicros, new SimRandom(1));
    }

    @Test
    void constantAndIdleGiveExactlyTheirPercentAtAnyTime() {
        for (long t : new long[] {0, 1_000, 123_456_789, 3_600_000_000L}) {
            assertEquals(70.0, at(new Workload.Constant(70), t));
            assertEquals(3.0, at(new Workload.Idle(3), t));
        }
    }

    @Test
    void periodicIsASineThatPeaksAtAQuarterPeriodAndBottomsAtThreeQuarters() {
        Workload.Periodic p = new Workload.Periodic(10, 90, 4_000); // 4 s period, mid 50, amplitude 40
        // sin(0) = 0 → mid; sin(π/2) = 1 → max at 1 s; sin(π) = 0 → mid at 2 s; sin(3π/2) = −1 → min at 3 s
        assertEquals(50, at(p, 0), EPS);
        assertEquals(90, at(p, 1_000_000), EPS);
        assertEquals(50, at(p, 2_000_000), EPS);
        assertEquals(10, at(p, 3_000_000), EPS);
        // periodic: one period later, the same values
        assertEquals(90, at(p, 5_000_000), EPS);
        assertEquals(10, at(p, 7_000_000), EPS);
    }

    @Test
    void periodicStaysBetweenItsMinimumAndMaximum() {
        Workload.Periodic p = new Workload.Periodic(10, 90, 4_000);
        for (long t = 0; t < 8_000_000; t += 1_000) {
            double v = at(p, t);
            assertTrue(v >= 10 - EPS && v <= 90 + EPS, "at " + t + ": " + v);
        }
    }

    @Test
    void rampIsLinearOverItsDurationThenFlat() {
        Workload.Ramp r = new Workload.Ramp(20, 80, 5_000); // +60 points over 5 s = 12 points per second
        assertEquals(20, at(r, 0), EPS);
        assertEquals(32, at(r, 1_000_000), EPS);
        assertEquals(50, at(r, 2_500_000), EPS);
        assertEquals(80, at(r, 5_000_000), EPS);
        assertEquals(80, at(r, 60_000_000), EPS);
    }

    @Test
    void aDownwardRampGoesDown() {
        Workload.Ramp r = new Workload.Ramp(100, 0, 1_000);
        assertEquals(75, at(r, 250_000), EPS);
        assertEquals(0, at(r, 2_000_000), EPS);
    }

    @Test
    void burstyLongRunOnFractionIsMeanOnOverMeanOnPlusMeanOff() {
        Workload.Bursty b = new Workload.Bursty(90, 10, 50, 150);
        WorkloadState state = new WorkloadState(1);
        SimRandom random = new SimRandom(2014);
        long tenMinutesMicros = 600_000_000;
        long ticks = 0;
        long onTicks = 0;
        for (long t = 0; t < tenMinutesMicros; t += 1_000) {
            double v = state.percent(0, b, t, random);
            assertTrue(v == 90 || v == 10, "only the on and off levels, got " + v);
            ticks++;
            if (v == 90) {
                onTicks++;
            }
        }
        // two-state on/off source: on-fraction = 50 / (50 + 150) = 0.25; about 3000 on/off cycles in 10 min,
        // so the sample fraction's standard error is about 2 % of 0.25; allow 5 %
        double fraction = (double) onTicks / ticks;
        assertEquals(0.25, fraction, 0.25 * 0.05);
    }

    @Test
    void burstyIsReproducibleFromACopiedState() {
        Workload.Bursty b = new Workload.Bursty(90, 10, 20, 30);
        WorkloadState state = new WorkloadState(1);
        SimRandom random = new SimRandom(3);
        for (long t = 0; t < 1_000_000; t += 1_000) {
            state.percent(0, b, t, random);
        }
        WorkloadState copy = state.copy();
        long savedRandom = random.state();
        double[] expected = new double[1_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = state.percent(0, b, 1_000_000 + i * 1_000L, random);
        }
        random.restore(savedRandom);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], copy.percent(0, b, 1_000_000 + i * 1_000L, random));
        }
    }

    @Test
    void workloadRecordsRefuseOutOfRangeValues() {
        assertThrows(IllegalArgumentException.class, () -> new Workload.Constant(101));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Idle(-1));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Periodic(60, 40, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Bursty(90, 10, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new Workload.Ramp(0, 100, 0));
    }
}
