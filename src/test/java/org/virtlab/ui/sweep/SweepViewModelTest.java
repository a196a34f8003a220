package org.virtlab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.virtlab.experiment.SweepScenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.scenario.ScenarioWriter;
import org.virtlab.ui.i18n.I18n;

/** The Sweep dialog's state without a screen: what it offers, what it refuses as typed, and a run to its end. */
class SweepViewModelTest {
    /** Stands in for the FX thread: the test drains it. */
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();

    private SweepViewModel dialog(String lesson, String selected) throws Exception {
        String json = ScenarioWriter.toJson(Lessons.load(lesson).scenario());
        return new SweepViewModel(new I18n(Locale.ENGLISH), json, SweepScenario.of(json, lesson, null), selected,
                fx::add);
    }

    @Test
    void offersTheSelectedVmsFieldsWithThePanelsLabelsAndItsAverage() throws Exception {
        SweepViewModel vm = dialog("cpu-shares", "vm2");
        // messages.properties: qos.shares=Shares, props.vcpus=vCPUs; props.heading.lesson=Lesson, props.seed=Seed
        assertEquals(new SweepChoice("VM2 · Shares", "/vms/vm2/cpuQos/shares"), vm.parameterProperty().get());
        List<String> labels = vm.parameters().stream().map(SweepChoice::label).toList();
        assertTrue(labels.contains("VM2 · vCPUs"), labels.toString());
        assertTrue(labels.contains("Lesson · Seed"), labels.toString());
        assertEquals(new SweepChoice("VM2 · Average CPU (GHz)", "/vms/vm2/cpu/avgGhz"), vm.metricProperty().get());
        // VM2 holds 2000 shares (scenarios/cpu-shares.json): the range offered is half to twice that
        assertEquals(List.of("1000", "4000", "1000"),
                List.of(vm.fromProperty().get(), vm.toProperty().get(), vm.stepProperty().get()));
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void refusesEndsTheCheckerRefusesWithTheAllowedRange() throws Exception {
        SweepViewModel vm = dialog("cpu-shares", "vm2");
        vm.fromProperty().set("0");
        // scenarios/README.md: custom shares are an int 1–1000000
        assertTrue(vm.fromErrorProperty().get().contains("1000000"), vm.fromErrorProperty().get());
        assertFalse(vm.canRunProperty().get());
        vm.fromProperty().set("abc");
        assertTrue(vm.fromErrorProperty().get().contains("abc"), vm.fromErrorProperty().get());
        vm.fromProperty().set("5000");
        assertEquals("", vm.fromErrorProperty().get());
        assertTrue(vm.stepErrorProperty().get().contains("above"), vm.stepErrorProperty().get()); // 5000 > 4000
        vm.toProperty().set("6000");
        vm.stepProperty().set("0");
        assertFalse(vm.stepErrorProperty().get().isEmpty());
        vm.stepProperty().set("500");
        vm.secondsProperty().set("-1");
        assertFalse(vm.secondsErrorProperty().get().isEmpty());
        vm.secondsProperty().set("2");
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void aRunPlotsOnePointPerValue() throws Exception {
        SweepViewModel vm = dialog("cpu-shares", "vm2");
        vm.secondsProperty().set("1");
        vm.run();
        assertTrue(vm.runningProperty().get());
        while (vm.runningProperty().get()) {
            Runnable next = fx.poll(30, TimeUnit.SECONDS);
            assertTrue(next != null, "the sweep reports back");
            next.run();
        }
        assertEquals("4 runs done", vm.statusProperty().get());
        assertEquals(4, vm.chart().size());
        // virtualization.md §1: 24 GHz by shares 1000 : s : 3000 → VM2 gets 24 s / (4000 + s): 4.8 at 1000, 8 at 2000
        assertEquals(4.8, vm.points().get(0).metric(), 1e-6);
        assertEquals(8.0, vm.points().get(1).metric(), 1e-6);
        assertTrue(vm.hasPointsProperty().get());
    }

    @Test
    void aHostOffersItsHardwareAndPolicy() throws Exception {
        SweepViewModel vm = dialog("default", "host1");
        List<String> pointers = vm.parameters().stream().map(SweepChoice::pointer).toList();
        assertTrue(pointers.containsAll(List.of("/hosts/host1/cpu/mhzPerCore", "/hosts/host1/cpuPolicy/htFactor",
                "/tickMicros")), pointers.toString());
    }
}
