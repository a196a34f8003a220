package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.SharingMode;
import org.virtlab.scenario.Lessons;

/**
 * Editing a VM's memory QoS and a host's memory policy in the property panel changes the running simulation at
 * the next tick, without starting it again (simulated time goes on, the run is the same generation); a wrong
 * value is refused where it is typed, with the allowed range. On mem-qos's host 2 (scenarios/mem-qos.json).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryQosEditingTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private MemorySnapshot memory() {
        return app.runner().state().snapshot().find(MemorySnapshot.class).orElseThrow();
    }

    private long now() {
        return app.runner().state().snapshot().nowMicros();
    }

    private void stepTicks(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            app.runner().step();
        }
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
    }

    /** Scrolls the property panel to a field, types into it and presses Enter in it, as a person would. */
    private void type(String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#propertyEditors").queryAs(ScrollPane.class);
            scroll.layout();
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(f.localToScene(f.getBoundsInLocal()));
            double range = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(range <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 40) / range)));
            f.setText(text);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(f).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String error(String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        app.runner().load(Lessons.load("mem-qos").scenario());
        app.runner().runTo(1_000_000);
        assertTrue(app.runner().awaitIdle(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#simTime").queryLabeled().getText().equals("1.000 s")));
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    @Test
    void aNewMemoryLimitReachesTheRunningSimulationAndUndoTakesItBack() throws Exception {
        start();
        // virtualization.md §2, the article: VM 3 capped at 8 GiB gets 8, the other 16 GiB split 1:2
        assertEquals(8_192, memory().vm("vm3b").grantedMib(), 1e-6);
        long generation = app.runner().state().generation();

        // host 2's VMs lie right of the window's canvas: selected as a click on their card would
        robot.interact(() -> app.shell().viewModel().selection().select("vm3b"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#memQosLimit").tryQuery().isPresent()));
        type("#memQosLimit", "30000");
        // a limit is 1 (or the reservation) to the VM's 24576 MiB: refused where typed, with the range
        assertEquals("Allowed: 1–24576; was 30000", error("#memQosLimitError"));
        type("#memQosReservation", "-1");
        assertTrue(error("#memQosReservationError").contains("0–24576"), error("#memQosReservationError"));
        type("#memQosReservation", "0");
        assertEquals(8_192, app.runner().state().scenario().vm("vm3b").orElseThrow().memoryQos().limitMib(),
                "nothing wrong reached the scenario");

        long before = now();
        type("#memQosLimit", "");
        assertEquals("", error("#memQosLimitError"));
        stepTicks(1);
        // without the limit, shares 1:2:3 of 24 GiB → 4 / 8 / 12 GiB (virtualization.md §2)
        assertEquals(12_288, memory().vm("vm3b").grantedMib(), 1e-6);
        assertEquals(4_096, memory().vm("vm1b").grantedMib(), 1e-6);
        assertTrue(now() > before, "simulated time went on: " + now() + " after " + before);
        assertEquals(generation, app.runner().state().generation(), "the run was not started again");
        assertEquals(MemoryQos.NO_LIMIT, app.runner().state().scenario().vm("vm3b").orElseThrow().memoryQos()
                .limitMib());

        // Ctrl+Z (outside a text field, which has its own undo) takes the edit back in the running simulation
        robot.interact(() -> app.shell().tabs().requestFocus());
        robot.press(KeyCode.SHORTCUT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        before = now();
        stepTicks(1);
        assertEquals(8_192, memory().vm("vm3b").grantedMib(), 1e-6);
        assertTrue(now() > before);
        assertEquals(generation, app.runner().state().generation());
    }

    @Test
    void aHostsNewSharingModeReachesTheRunningSimulation() throws Exception {
        start();
        long generation = app.runner().state().generation();
        robot.interact(() -> app.shell().viewModel().selection().select("host2"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#memPolicyHigh").tryQuery().isPresent()));
        type("#memPolicySoft", "6");
        // soft must stay below high (6 %, HostMemoryPolicy.DEFAULT)
        assertEquals("Allowed: 0.1 to below 6, the threshold above it; was 6", error("#memPolicySoftError"));
        type("#memPolicySoft", "4");
        type("#memPolicyPagesToScan", "0");
        assertEquals("Allowed: 1–1000000; was 0", error("#memPolicyPagesToScanError"));
        type("#memPolicyPagesToScan", "100");

        stepTicks(20);
        long scanned = memory().host("host2").pagesScanned();
        assertTrue(scanned > 0, "KSM's scanner runs always by default");
        @SuppressWarnings("unchecked")
        ComboBox<SharingMode> sharing = robot.lookup("#memPolicySharing").queryAs(ComboBox.class);
        robot.interact(() -> sharing.setValue(SharingMode.OFF));
        long before = now();
        stepTicks(1);
        scanned = memory().host("host2").pagesScanned();
        stepTicks(100); // 100 ms: five wake-ups of the scanner at 20 ms, were it on
        assertEquals(scanned, memory().host("host2").pagesScanned(), "the scanner stopped");
        assertTrue(now() > before);
        assertEquals(generation, app.runner().state().generation(), "the run was not started again");
        assertEquals(SharingMode.OFF, app.runner().state().scenario().host("host2").orElseThrow().memoryPolicy()
                .sharing());
    }
}
