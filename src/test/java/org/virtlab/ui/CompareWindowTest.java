package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/**
 * Simulation › Compare… in the real window: B edited through its property panel, A and B run, the CPU chart shows
 * two lines per VM (B's dashed) and the table shows the differences; screenshots in English and Chinese.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CompareWindowTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    private void open(String lang) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
        var lesson = Lessons.load("cpu-shares");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Clicks the element named {@code name} in B's list, once its cell is shown. */
    private void chooseInB(String name) throws Exception {
        javafx.scene.Node[] cell = new javafx.scene.Node[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> {
            ListView<?> list = robot.lookup("#compareElements").queryAs(ListView.class);
            cell[0] = list.lookupAll(".list-cell").stream()
                    .filter(n -> name.equals(((javafx.scene.control.ListCell<?>) n).getText())).findFirst().orElse(null);
            return cell[0] != null;
        }));
        robot.clickOn(cell[0]);
    }

    @Test
    void compareShowsTwoOverlaidSeriesAndTheDifferences() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            open(lang);
            I18n i18n = new I18n(Locale.forLanguageTag(lang));
            robot.clickOn(i18n.get("menu.sim")).clickOn(i18n.get("menu.sim.compare"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    FxConditions.onFx(() -> robot.lookup("#compareRoot").tryQuery().isPresent()));
            Stage stage = (Stage) robot.lookup("#compareRoot").query().getScene().getWindow();
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
                stage.toFront();
            });
            WaitForAsyncUtils.waitForFxEvents();

            // choose VM2 in B's list, type 4000 shares into its panel, Enter
            chooseInB("VM2");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    robot.from(robot.lookup("#compareRoot").queryParent()).lookup("#qosCustomShares").tryQuery()
                            .isPresent()));
            TextField shares = robot.from(robot.lookup("#compareRoot").queryParent()).lookup("#qosCustomShares")
                    .queryAs(TextField.class);
            robot.interact(() -> PanelScroll.scrollTo(shares));
            robot.interact(() -> shares.setText("0"));
            robot.clickOn(shares).type(KeyCode.ENTER);
            // Shares.MIN_CUSTOM..MAX_CUSTOM: refused where typed, with the range, as in the main window
            Label sharesError = robot.from(robot.lookup("#compareRoot").queryParent()).lookup("#qosSharesError")
                    .queryAs(Label.class);
            assertTrue(sharesError.getText().contains("1000000"), sharesError.getText());
            robot.interact(() -> shares.setText("4000"));
            robot.clickOn(shares).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    robot.lookup("#compareChanges").queryLabeled().getText().contains("2000 → 4000")));
            // the main window's scenario is untouched: VM2 keeps 2000 shares (scenarios/cpu-shares.json)
            assertEquals(2000, app.shell().viewModel().scenario().vm("vm2").orElseThrow().cpuQos().shares().custom());

            robot.interact(() -> robot.lookup("#compareSeconds").queryAs(TextField.class).setText("20"));
            robot.clickOn("#compareRun");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    robot.lookup("#compareStatus").queryLabeled().getText()
                            .equals(i18n.format("compare.status.done", "20"))));

            ChartViewer viewer = robot.lookup("#compareCpuChart").queryAs(ChartViewer.class);
            JFreeChart chart = viewer.getChart();
            XYPlot plot = chart.getXYPlot();
            // cpu-shares has three VMs: two lines each, A then B
            assertEquals(6, plot.getDataset().getSeriesCount());
            assertEquals(i18n.format("compare.series", "VM2", "A"), plot.getDataset().getSeriesKey(2));
            assertEquals(i18n.format("compare.series", "VM2", "B"), plot.getDataset().getSeriesKey(3));
            XYItemRenderer renderer = plot.getRenderer();
            assertNull(((BasicStroke) renderer.getSeriesStroke(2)).getDashArray(), "A solid");
            assertNotNull(((BasicStroke) renderer.getSeriesStroke(3)).getDashArray(), "B dashed");
            assertEquals(renderer.getSeriesPaint(2), renderer.getSeriesPaint(3), "one colour per VM");
            // 20 s of 100 ms samples (RunRecorder.SAMPLE_MICROS)
            assertEquals(200, plot.getDataset().getItemCount(3));
            assertTrue(viewer.getContextMenu() != null, "the shared chart menu");

            @SuppressWarnings("unchecked")
            TableView<Object> table = robot.lookup("#compareTable").queryAs(TableView.class);
            assertFalse(table.getItems().isEmpty());
            assertTrue(robot.lookup(".compare-differs").tryQuery().isPresent(), "differing rows highlighted");
            int all = table.getItems().size();
            robot.clickOn("#compareOnlyDifferences");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> table.getItems().size() < all));
            // the VMs' CPU numbers differ; VM1 and VM3 as well (3 and 9 GHz instead of 4 and 12, computed by hand:
            // 24 GHz by 1000:4000:3000)
            assertTrue(table.getItems().size() >= 3, Integer.toString(table.getItems().size()));
            robot.clickOn("#compareOnlyDifferences");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> table.getItems().size() == all));

            // the memory chart overlays the runs the same way
            javafx.scene.control.TabPane tabs = robot.lookup("#compareCharts").queryAs(javafx.scene.control.TabPane.class);
            robot.interact(() -> tabs.getSelectionModel().select(1)); // "Memory" is a main window tab's name too
            XYPlot memory = robot.lookup("#compareMemoryChart").queryAs(ChartViewer.class).getChart().getXYPlot();
            assertEquals(6, memory.getDataset().getSeriesCount());
            assertEquals(200, memory.getDataset().getItemCount(5));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.write(robot, stage.getScene(), "compare-memory-" + lang);
            robot.interact(() -> tabs.getSelectionModel().select(0));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.write(robot, stage.getScene(), "compare-" + lang);
            close();
        }
    }

    @Test
    void aReservationAboveTheHostBlocksRunAndSaysWhy() throws Exception {
        open("en");
        robot.clickOn("Simulation").clickOn("Compare…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#compareRoot").tryQuery().isPresent()));
        robot.interact(() -> ((Stage) robot.lookup("#compareRoot").query().getScene().getWindow()).toFront());
        chooseInB("VM2");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.from(robot.lookup("#compareRoot").queryParent()).lookup("#qosReservation").tryQuery()
                        .isPresent()));
        TextField reservation = robot.from(robot.lookup("#compareRoot").queryParent()).lookup("#qosReservation")
                .queryAs(TextField.class);
        robot.interact(() -> PanelScroll.scrollTo(reservation));
        robot.interact(() -> reservation.setText("30000"));
        robot.clickOn(reservation).type(KeyCode.ENTER);
        // Host 1 has 24 × 1000 MHz (scenarios/cpu-shares.json): messages.properties compare.invalid.cpuReservation
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#compareRunBlocked").queryLabeled().getText().contains("30000 MHz")));
        assertTrue(robot.lookup("#compareRunBlocked").queryLabeled().getText().contains("24000 MHz"));
        assertTrue(robot.lookup("#compareRun").queryButton().isDisabled());
        Screenshots.write(robot, robot.lookup("#compareRoot").query().getScene(), "compare-blocked-en");
    }
}
