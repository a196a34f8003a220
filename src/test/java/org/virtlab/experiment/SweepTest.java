package org.virtlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A sweep runs one checked simulation per value, the same on one thread or several, and stops when cancelled. */
class SweepTest {
    private static final Path SHARES = Path.of("scenarios/cpu-shares.json");

    private static List<BigDecimal> values(String range) throws SweepException {
        return SweepValues.range(range);
    }

    @Test
    void vm2sAverageRisesWithItsSharesAsTheArticleDividesTheHost() throws Exception {
        Sweep sweep = Sweep.prepare(SweepScenario.read(SHARES), "/vms/1/cpuQos/shares", values("1000:6000:1000"),
                "/vms/vm2/cpu/avgGhz", 2_000_000L, null);
        List<SweepPoint> points = sweep.run(2, (f, n, x) -> { }, () -> false);
        assertEquals(6, points.size());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).metric() > points.get(i - 1).metric(), "rises: " + points);
        }
        // virtualization.md §1: busy VMs divide the host's 24 GHz by their shares (VM1 1000, VM3 3000 fixed):
        // VM2 gets 24 × s / (1000 + s + 3000): 4.8 at 1000, 8 at 2000 (the article's 1 : 2 : 3), 14.4 at 6000.
        assertEquals(4.8, points.get(0).metric(), 1e-6);
        assertEquals(8.0, points.get(1).metric(), 1e-6);
        assertEquals(14.4, points.get(5).metric(), 1e-6);
        assertEquals(new BigDecimal("3000"), points.get(2).value());
    }

    @Test
    void parallelRunsGiveExactlyWhatSequentialRunsGive() throws Exception {
        // the default lesson has a bursty (random) workload, so the seed matters in every run
        Sweep sweep = Sweep.prepare(SweepScenario.read(Path.of("scenarios/default.json")), "/vms/0/vcpus",
                values("1:6:1"), "/vms/web/cpu/avgGhz", 3_000_000L, 7L);
        List<SweepPoint> sequential = sweep.run(1, (f, n, x) -> { }, () -> false);
        List<SweepPoint> parallel = sweep.run(3, (f, n, x) -> { }, () -> false);
        assertEquals(sequential, parallel);
    }

    @Test
    void progressReachesTheEndAndCountsEveryRun() throws Exception {
        Sweep sweep = Sweep.prepare(SweepScenario.read(SHARES), "/vms/1/cpuQos/shares", values("1000:3000:1000"),
                "/vms/1/cpu/avgGhz", 2_500_000L, null);
        AtomicInteger finished = new AtomicInteger();
        List<Double> fractions = java.util.Collections.synchronizedList(new ArrayList<>());
        sweep.run(2, (f, n, x) -> {
            finished.accumulateAndGet(f, Math::max);
            fractions.add(x);
        }, () -> false);
        assertEquals(3, finished.get());
        assertEquals(1.0, fractions.stream().mapToDouble(Double::doubleValue).max().orElse(0), 1e-9);
    }

    @Test
    void cancelStopsTheRunsWithinASimulatedSecond() throws Exception {
        Sweep sweep = Sweep.prepare(SweepScenario.read(SHARES), "/vms/1/cpuQos/shares", values("1000:4000:1000"),
                "/vms/1/cpu/avgGhz", 3_600_000_000L, null); // an hour each: far longer than the test may take
        AtomicBoolean cancel = new AtomicBoolean();
        long started = System.nanoTime();
        assertThrows(CancellationException.class, () -> sweep.run(2, (f, n, x) -> {
            if (x > 0) {
                cancel.set(true); // after the first simulated second of any run
            }
        }, cancel::get));
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "stopped long before the hour of runs");
    }

    @Test
    void aValueOutOfRangeIsRefusedWithThePointerAndTheCheckersRange() throws Exception {
        SweepException e = assertThrows(SweepException.class, () -> Sweep.prepare(SweepScenario.read(SHARES),
                "/vms/1/cpuQos/shares", values("0:2000:1000"), "/vms/1/cpu/avgGhz", 1_000_000L, null));
        assertEquals(SweepException.Kind.VALUE_INVALID, e.kind());
        List<String> args = e.args(Locale.ENGLISH);
        assertEquals("/vms/1/cpuQos/shares", args.get(0));
        assertEquals("0", args.get(1));
        assertEquals("/vms/1/cpuQos/shares", args.get(2));
        // scenarios/README.md, VM cpuQos: shares a preset or a custom total, int 1–1000000
        assertTrue(args.get(3).contains("1000000"), args.get(3));
    }

    @Test
    void anIdStandsForItsIndexInTheParameterToo() throws Exception {
        SweepScenario base = SweepScenario.read(SHARES);
        SweepPointer byId = SweepPointer.parse("/vms/vm2/cpuQos/shares");
        SweepPointer byIndex = SweepPointer.parse("/vms/1/cpuQos/shares");
        assertEquals(base.jsonWith(byIndex, new BigDecimal("2500")), base.jsonWith(byId, new BigDecimal("2500")));
    }

    @Test
    void anAbsentOptionalObjectIsCreatedForTheValue() throws Exception {
        // scenarios/default.json gives its VMs no cpuQos: their defaults apply until the sweep sets one
        SweepScenario base = SweepScenario.read(Path.of("scenarios/default.json"));
        var scenario = base.with(SweepPointer.parse("/vms/0/cpuQos/limitMhz"), new BigDecimal("1500"));
        assertEquals(1500, scenario.vms().get(0).cpuQos().limitMhz());
    }

    @Test
    void badPointersAndMetricsAreNamed() throws Exception {
        SweepScenario base = SweepScenario.read(SHARES);
        List<BigDecimal> one = List.of(BigDecimal.ONE);
        assertEquals(SweepException.Kind.PARAM_UNKNOWN, kind(base, "/vms/7/cpuQos/shares", one, "/vms/0/cpu/avgGhz"));
        assertEquals(SweepException.Kind.PARAM_UNKNOWN, kind(base, "/vms/0/cpuQos/sharez", one, "/vms/0/cpu/avgGhz"));
        assertEquals(SweepException.Kind.PARAM_NOT_NUMERIC, kind(base, "/vms/0/name", one, "/vms/0/cpu/avgGhz"));
        assertEquals(SweepException.Kind.PARAM_NOT_NUMERIC, kind(base, "/vms/0/cpuQos", one, "/vms/0/cpu/avgGhz"));
        assertEquals(SweepException.Kind.POINTER_SYNTAX, kind(base, "vms/0/vcpus", one, "/vms/0/cpu/avgGhz"));
        assertEquals(SweepException.Kind.METRIC_UNKNOWN, kind(base, "/vms/0/vcpus", one, "/vms/0/cpu/avgMhz"));
        assertEquals(SweepException.Kind.METRIC_UNKNOWN, kind(base, "/vms/0/vcpus", one, "/vms/vm9/cpu/avgGhz"));
        assertEquals(SweepException.Kind.METRIC_NOT_NUMERIC, kind(base, "/vms/0/vcpus", one, "/vms/0/id"));
    }

    private static SweepException.Kind kind(SweepScenario base, String param, List<BigDecimal> values, String metric) {
        return assertThrows(SweepException.class, () -> Sweep.prepare(base, param, values, metric, 1_000_000L, null))
                .kind();
    }

    @Test
    void rangesAreDecimalAndEmptyOnesAreRefused() throws Exception {
        // computed by hand: 0, 0.1, …, 1 is eleven values, exactly (no binary rounding)
        List<BigDecimal> tenths = SweepValues.range("0:1:0.1");
        assertEquals(11, tenths.size());
        assertEquals(0, new BigDecimal("0.7").compareTo(tenths.get(7)));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("3")), SweepValues.range("1:4:2"));
        assertEquals(SweepException.Kind.RANGE_BACKWARDS,
                assertThrows(SweepException.class, () -> SweepValues.range("5:1:1")).kind());
        assertEquals(SweepException.Kind.RANGE_STEP,
                assertThrows(SweepException.class, () -> SweepValues.range("1:5:0")).kind());
        assertEquals(SweepException.Kind.RANGE_SYNTAX,
                assertThrows(SweepException.class, () -> SweepValues.range("1:5")).kind());
        assertEquals(SweepException.Kind.VALUES_EMPTY,
                assertThrows(SweepException.class, () -> SweepValues.list(" ")).kind());
        assertEquals(SweepException.Kind.VALUE_NOT_NUMBER,
                assertThrows(SweepException.class, () -> SweepValues.list("1,x")).kind());
        assertEquals(SweepException.Kind.TOO_MANY_VALUES,
                assertThrows(SweepException.class, () -> SweepValues.range("1:100000:1")).kind());
    }

    @Test
    void theSummaryListsItsNumbersByElementId() throws Exception {
        List<String> metrics = SweepScenario.read(SHARES).metrics();
        assertTrue(metrics.contains("/vms/vm2/cpu/avgGhz"), metrics.toString());
        assertTrue(metrics.contains("/hosts/host1/cpu/usedGhz"), metrics.toString());
        assertTrue(metrics.stream().noneMatch(m -> m.contains("powerOnRefused") || m.equals("/seed")));
    }

    @Test
    void csvHasTheNamesAndOneRowPerValue() {
        String csv = SweepCsv.csv("/vms/1/cpuQos/shares", "/vms/1/cpu/avgGhz",
                List.of(new SweepPoint(new BigDecimal("1000"), 4.8), new SweepPoint(new BigDecimal("2000"), 8.0)));
        assertEquals("/vms/1/cpuQos/shares,/vms/1/cpu/avgGhz\r\n1000,4.8\r\n2000,8\r\n", csv);
    }
}
