package org.virtlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.model.Scenario;
import org.virtlab.experiment.RunSummary;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.properties.VmQosEditorModel;

/** The Compare window's state without a screen: editing B, refusing bad input, and A and B run in lockstep. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompareViewModelTest {
    /** Stands in for the FX thread: the test drains it. */
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final I18n i18n = new I18n(Locale.ENGLISH);

    private CompareViewModel compare(String lesson) throws Exception {
        return new CompareViewModel(i18n, Lessons.load(lesson).scenario(), null, fx::add);
    }

    /** Runs the queued FX work until {@code done} completes. */
    private void await(CompletableFuture<Void> done) throws Exception {
        while (!done.isDone()) {
            Runnable r = fx.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    /** B's VM2 QoS editor, as the property panel offers it once VM2 is chosen in the list. */
    private static VmQosEditorModel qosOfVm2(CompareViewModel vm) {
        vm.show(vm.elements().stream().filter(e -> "vm2".equals(e.id())).findFirst().orElseThrow());
        return vm.properties().qosEditorProperty().get();
    }

    /** The run {@code virtlab run} makes of a scenario (RunCommand: Simulations.of, RunSummary.attach, runUntil). */
    private static String separateRun(Scenario scenario, long micros) {
        Simulation simulation = Simulations.of(scenario);
        RunSummary summary = RunSummary.attach(simulation, scenario);
        simulation.runUntil(micros);
        return summary.toJson(simulation);
    }

    @Test
    void bStartsAsACopyAndThePanelsEditsChangeOnlyB() throws Exception {
        CompareViewModel vm = compare("cpu-shares");
        // messages.properties compare.diff.none
        assertEquals(i18n.get("compare.diff.none"), vm.changesProperty().get());
        // the list: the lesson, Host 1, its three VMs (scenarios/cpu-shares.json)
        assertEquals(List.of("Lesson", "Host 1", "VM1", "VM2", "VM3"),
                vm.elements().stream().map(CompareViewModel.Element::label).toList());
        VmQosEditorModel qos = qosOfVm2(vm);
        qos.customSharesProperty().set("4000");
        assertTrue(qos.commit());
        assertEquals(4000, vm.scenarioB().vm("vm2").orElseThrow().cpuQos().shares().custom());
        // A is the lesson as loaded: VM2 holds 2000 shares (scenarios/cpu-shares.json)
        assertEquals(2000, vm.scenarioA().vm("vm2").orElseThrow().cpuQos().shares().custom());
        // messages.properties: compare.diff.some, compare.diff.change, qos.shares=Shares
        assertEquals("B differs from A: VM2 · Shares: 2000 → 4000", vm.changesProperty().get());
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void doubledSharesGiveVm2MoreAndTheTableHoldsExactlyTheSeparateRunsDifference() throws Exception {
        CompareViewModel vm = compare("cpu-shares");
        VmQosEditorModel qos = qosOfVm2(vm);
        qos.customSharesProperty().set("4000");
        assertTrue(qos.commit());
        vm.secondsProperty().set("10");
        await(vm.run());
        assertEquals(i18n.format("compare.status.done", "10"), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());

        // the same scenarios run headless, separately, for the same 10 s
        Map<String, BigDecimal> a = SummaryDiff.numbers(separateRun(vm.scenarioA(), 10_000_000));
        Map<String, BigDecimal> b = SummaryDiff.numbers(separateRun(vm.scenarioB(), 10_000_000));
        assertEquals(a.keySet().size(), vm.rows().size());
        for (SummaryDiff.Row row : vm.rows()) { // lockstep equals separate runs, number for number
            assertEquals(a.get(row.pointer()), row.a(), row.pointer());
            assertEquals(b.get(row.pointer()), row.b(), row.pointer());
            assertEquals(b.get(row.pointer()).subtract(a.get(row.pointer())), row.delta(), row.pointer());
        }
        SummaryDiff.Row vm2 = vm.rows().stream().filter(r -> r.pointer().equals("/vms/vm2/cpu/avgGhz"))
                .findFirst().orElseThrow();
        // virtualization.md §1 example 1: 24 GHz by shares 1000:2000:3000 → VM2 gets 8 GHz; with 4000 shares
        // (computed by hand) 24 × 4000 / (1000 + 4000 + 3000) = 12 GHz
        assertEquals(8.0, vm2.a().doubleValue(), 0.01);
        assertEquals(12.0, vm2.b().doubleValue(), 0.01);
        assertTrue(vm2.b().compareTo(vm2.a()) > 0);
        assertEquals("VM2", vm2.element());
        assertEquals("Average CPU (GHz)", vm2.metric()); // messages.properties sweep.metric.vm.cpu.avgGhz
        // differing rows come first; the host's capacity (24 GHz in both) does not differ
        int firstSame = 0;
        while (firstSame < vm.rows().size() && vm.rows().get(firstSame).differs()) {
            firstSame++;
        }
        for (int i = firstSame; i < vm.rows().size(); i++) {
            assertFalse(vm.rows().get(i).differs(), vm.rows().get(i).pointer());
        }
        SummaryDiff.Row capacity = vm.rows().stream().filter(r -> r.pointer().equals("/hosts/host1/cpu/capacityGhz"))
                .findFirst().orElseThrow();
        assertFalse(capacity.differs());
        assertEquals(vm.rows().size(), vm.shownRows().size());
        vm.onlyDifferencesProperty().set(true);
        assertEquals(firstSame, vm.shownRows().size());
        assertTrue(vm.shownRows().contains(vm2));
        assertFalse(vm.shownRows().contains(capacity));

        // the CPU chart: per VM a solid A line and a dashed B line; one point per 100 ms sample over 10 s
        // (RunRecorder.SAMPLE_MICROS; 10 s is under LockstepRun.MAX_POINTS samples, so no averaging)
        assertEquals(6, vm.cpuChart().seriesCount());
        assertEquals("VM2 (A)", vm.cpuChart().seriesName(2));
        assertEquals("VM2 (B)", vm.cpuChart().seriesName(3));
        assertNull(((BasicStroke) vm.cpuChart().stroke(2)).getDashArray());
        assertNotNull(((BasicStroke) vm.cpuChart().stroke(3)).getDashArray());
        assertEquals(vm.cpuChart().paint(2), vm.cpuChart().paint(3));
        assertEquals(100, vm.cpuChart().pointCount(3));
        assertEquals(12.0, vm.cpuChart().value(3, 99), 0.01); // computed by hand above
        assertEquals(100, vm.memoryChart().pointCount(0));
    }

    @Test
    void aLessonWithDevicesComparesEachDevicesNumbersByName() throws Exception {
        CompareViewModel vm = compare("io-emulation-vs-virtio");
        vm.secondsProperty().set("1");
        await(vm.run());
        Scenario a = vm.scenarioA();
        String vmId = a.devices().get(0).vmId();
        String deviceId = a.devices().get(0).id();
        SummaryDiff.Row requests = vm.rows().stream()
                .filter(r -> r.pointer().equals("/vms/" + vmId + "/io/" + deviceId + "/requests")).findFirst()
                .orElseThrow(() -> new AssertionError(vm.rows().stream().map(SummaryDiff.Row::pointer).toList()));
        assertEquals(a.vm(vmId).orElseThrow().name() + " · " + deviceId, requests.element());
        assertEquals("Requests completed", requests.metric()); // messages.properties sweep.metric.vm.io.requests
        assertFalse(requests.differs()); // B is A, run from the same seed
        assertEquals(BigDecimal.ZERO, requests.delta().stripTrailingZeros());

        // The I/O chart: per device an A line and a B line of requests per second (thousands), one point per 100 ms
        // sample over the 1 s; their mean is the run's requests over its second, as summary.json counts them.
        assertTrue(vm.hasDevices());
        var io = vm.ioChart();
        assertEquals(2 * a.devices().size(), io.seriesCount());
        assertEquals(deviceId + " — " + a.vm(vmId).orElseThrow().name() + " (A)", io.seriesName(0));
        assertEquals(10, io.pointCount(0));
        double sum = 0;
        for (int i = 0; i < io.pointCount(0); i++) {
            sum += io.value(0, i);
            assertEquals(io.value(0, i), io.value(1, i), 0.0, "B is A");
        }
        assertEquals(requests.a().doubleValue() / 1000.0, sum / io.pointCount(0), 1e-9);
    }

    @Test
    void refusesADurationOutsideItsRangeWithTheRange() throws Exception {
        CompareViewModel vm = compare("cpu-shares");
        // scenarios/cpu-shares.json: durationSeconds 60
        assertEquals("60", vm.secondsProperty().get());
        for (String bad : List.of("0", "3601", "abc", "1.5")) {
            vm.secondsProperty().set(bad);
            // CompareViewModel.MIN_SECONDS..MAX_SECONDS
            assertTrue(vm.secondsErrorProperty().get().contains("from 1 to 3600"), vm.secondsErrorProperty().get());
            assertFalse(vm.canRunProperty().get(), bad);
            assertTrue(vm.runBlockedProperty().get().contains("3600"), vm.runBlockedProperty().get());
        }
        vm.secondsProperty().set("3600");
        assertEquals("", vm.secondsErrorProperty().get());
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void aReservationAboveItsHostIsRefusedWithWhyAndNothingRuns() throws Exception {
        CompareViewModel vm = compare("cpu-shares");
        VmQosEditorModel qos = qosOfVm2(vm);
        qos.reservationProperty().set("30000");
        assertTrue(qos.commit()); // the panel takes it, as the main window's does (CpuQos.MAX_MHZ)
        // Host 1: 24 cores × 1000 MHz = 24000 MHz (scenarios/cpu-shares.json); admission control refuses a
        // reservation the host's cores × clock cannot cover (virtualization.md §1)
        assertEquals(i18n.format("compare.blocked", i18n.format("compare.invalid.cpuReservation", "VM2", "30000",
                "Host 1", "24000")), vm.runBlockedProperty().get());
        assertFalse(vm.canRunProperty().get());
        CompletableFuture<Void> refused = vm.run();
        assertTrue(refused.isDone());
        assertFalse(vm.runningProperty().get());
        assertEquals(0, vm.cpuChart().seriesCount());
        qos.reservationProperty().set("0");
        assertTrue(qos.commit());
        assertEquals("", vm.runBlockedProperty().get());
    }

    @Test
    void stopEndsBothRunsAndTheTableComparesThemSoFar() throws Exception {
        CompareViewModel vm = compare("cpu-shares");
        vm.secondsProperty().set("3600");
        CompletableFuture<Void> done = vm.run();
        while (vm.cpuChart().pointCount(0) == 0) { // the charts grow while it runs
            Runnable r = fx.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        vm.stop();
        await(done);
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Stopped at "), vm.statusProperty().get());
        assertTrue(vm.progressProperty().get() < 1);
        assertFalse(vm.rows().isEmpty());
        assertTrue(vm.rows().stream().noneMatch(SummaryDiff.Row::differs)); // B is A: no row differs
        assertTrue(vm.canRunProperty().get());
    }
}
