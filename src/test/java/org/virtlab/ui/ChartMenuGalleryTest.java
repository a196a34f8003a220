package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The charts' context menu in Chinese, open over the CPU chart with its PNG submenu: chart-menu-zh.png (ChartMenuTest
 * writes the English chart-menu.png while it drives the menu).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChartMenuGalleryTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void writesTheChartMenuInChinese() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=zh", "--no-recovery");
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(1)); // CPU
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.runner().state().snapshot().nowMicros() > 2_000_000);
        robot.interact(() -> app.shell().viewModel().pause());
        assertTrue(app.runner().awaitIdle(5, TimeUnit.SECONDS));
        robot.interact(() -> app.shell().viewModel().refresh());
        ChartViewer viewer = robot.lookup("#cpuUsageChart").queryAs(ChartViewer.class);
        // as ChartMenuTest does: Monocle sends no context-menu event for a secondary click
        robot.moveTo(viewer);
        robot.interact(() -> {
            javafx.geometry.Bounds b = viewer.getLayoutBounds();
            javafx.geometry.Point2D screen = viewer.localToScreen(b.getCenterX(), b.getCenterY());
            viewer.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getCenterX(),
                    b.getCenterY(), screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> showing("#chartMenu-png") != null));
        robot.clickOn(showing("#chartMenu-png"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> showing("#chartMenu-png2") != null));
        // messages_zh.properties: the menu's texts are Chinese (the copy item, for one)
        String copy = app.shell().viewModel().i18n().get("chartMenu.copy");
        assertTrue(copy.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), copy);
        Screenshots.writeWithPopups(robot, viewer.getScene(), "chart-menu-zh");
        // Close the menu while its window lives: left open, it hides itself as the window is destroyed and its
        // submenu asks for focus in a closed view, an error TestFX hands to whichever test runs next.
        robot.interact(() -> new java.util.ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).forEach(javafx.stage.Window::hide));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    private Node showing(String query) {
        return robot.lookup(query).match((Node n) -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .tryQuery().orElse(null);
    }
}
