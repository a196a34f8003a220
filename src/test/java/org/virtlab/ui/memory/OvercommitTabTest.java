package org.virtlab.ui.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lesson;
import org.virtlab.ui.VirtLabApp;
import org.virtlab.ui.shell.ShellView;
import org.virtlab.ui.sim.Speed;

/**
 * The real window: the Memory tab's overcommit view follows the simulation as it plays (the chart grows, the
 * host's state changes), and its actions reach the running engine.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OvercommitTabTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Opens the scenario paused on the Memory tab, then clicks the overcommit view open. */
    private OvercommitViewModel open(Scenario scenario) throws Exception {
        robot.interact(() -> {
            app.shell().viewModel().openLesson(new Lesson("overcommit-test", scenario));
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("memory"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.runner().state().scenario().hosts().get(0).id().equals("host1"));
        robot.clickOn("#memorySubTab-overcommit");
        WaitForAsyncUtils.waitForFxEvents();
        return app.shell().viewModel().overcommit();
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private MemorySnapshot memory() {
        return app.runner().state().snapshot().find(MemorySnapshot.class).orElseThrow();
    }

    @Test
    void playingGrowsTheChartAndTheGaugeLeavesHighWhenThreeVmsWriteSixGibOnFour() throws Exception {
        OvercommitViewModel overcommit = open(OvercommitScenarios.threeVmsOnFourGib(OvercommitScenarios.VM_MIB));
        assertEquals("Host memory: Host 1", text("#overcommitHost"));
        assertTrue(text("#overcommitState").startsWith("State: high"), text("#overcommitState"));
        assertEquals(3, robot.lookup("#overcommitTable").queryAs(TableView.class).getItems().size());
        // every number explains itself: the column headers carry their help (messages.properties)
        javafx.scene.control.skin.TableColumnHeader ballooned = robot.lookup("#overcommitTable .column-header")
                .match((javafx.scene.control.skin.TableColumnHeader h) -> h.getTableColumn() != null
                        && "overcommitCol-ballooned".equals(h.getTableColumn().getId())).query();
        javafx.scene.control.Tooltip tip =
                (javafx.scene.control.Tooltip) ballooned.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip.getText().startsWith("Pages its balloon driver holds (MiB)"), tip.getText());

        // what the state line shows, as it changes (the host leaves high for a few simulated seconds only)
        List<String> shown = new CopyOnWriteArrayList<>();
        Label stateLine = robot.lookup("#overcommitState").queryAs(Label.class);
        robot.interact(() -> stateLine.textProperty().addListener((obs, was, now) -> shown.add(now)));
        robot.interact(() -> app.shell().viewModel().speedProperty().set(Speed.X2));
        robot.clickOn("#playButton");
        // 6 GiB wanted on a 4 GiB host at 3 × 512 MiB/s: free memory runs out after about 2.6 simulated seconds
        // and the host reclaims, falling below the hard threshold, where it swaps as well as balloons
        // (ArticleOvercommitTest: ballooning first, then swapping)
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS,
                () -> shown.stream().anyMatch(t -> t.startsWith("State: hard") || t.startsWith("State: low")));
        int points = overcommit.chart().pointCount();
        assertTrue(points >= 20, "at least 2 s of 100 ms samples, was " + points);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> overcommit.chart().pointCount() > points);
        robot.clickOn("#playButton");
        assertTrue(memory().vms().stream().mapToLong(MemorySnapshot.VmMemory::balloonedPages).sum() > 0,
                "the host ballooned");
    }

    @Test
    void clickingAVmAndTouchSendsTheInputAndItsMemoryGrowsLive() throws Exception {
        OvercommitViewModel overcommit = open(OvercommitScenarios.idle());
        Button touch = robot.lookup("#overcommitTouch").queryAs(Button.class);
        assertTrue(touch.isDisabled(), "no VM selected yet");
        assertTrue(text("#overcommitReason").startsWith("Select a VM"), text("#overcommitReason"));

        Node vm2Row = robot.lookup("#overcommitTable .table-row-cell").nth(1).query();
        robot.clickOn(vm2Row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("vm2", app.shell().viewModel().selection().selectedIdProperty().get());
        assertFalse(touch.isDisabled());
        assertTrue(robot.lookup("#overcommitWrite").queryAs(Button.class).isDisabled(), "VM 2 holds no data yet");

        TextField amount = robot.lookup("#overcommitAmount").queryAs(TextField.class);
        robot.interact(() -> amount.setText("5000"));
        robot.clickOn("#overcommitTouch");
        assertEquals("Touch: the amount must be in 1–2048 MiB (was \"5000\")", text("#overcommitAmountError"));

        robot.interact(() -> amount.setText("300"));
        robot.clickOn("#overcommitTouch");
        assertEquals("", overcommit.amountErrorProperty().get());
        robot.interact(() -> app.shell().viewModel().speedProperty().set(Speed.X10));
        robot.clickOn("#playButton");
        // 300 MiB at the default touch rate of 1024 MiB/s (MemoryActivity.DEFAULT): done within 0.3 s
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> memory().vm("vm2").touchedPages() == 300 * 256);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "300".equals(overcommit.rows().get(1).touchedProperty().get()));
        robot.clickOn("#playButton");
        assertEquals(0, memory().vm("vm1").touchedPages(), "the others still touch nothing");
        assertFalse(robot.lookup("#overcommitWrite").queryAs(Button.class).isDisabled(), "now it has data");
    }
}
