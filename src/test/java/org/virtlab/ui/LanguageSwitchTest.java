package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.ui.sim.SimulationRunner;

/** View › Language switches the whole window to Chinese and back while the same simulation runs on. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LanguageSwitchTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void switchingToChineseRelabelsTheWindowAndKeepsTheSimulation() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        SimulationRunner runner = app.runner();
        assertEquals("Topology", tabs().getTabs().get(0).getText());

        // Menus are not nodes: TestFX finds them by their text (messages.properties).
        robot.clickOn("View").clickOn("Language").clickOn("简体中文");
        WaitForAsyncUtils.waitForFxEvents();

        // messages_zh.properties: tab.topology=拓扑, menu.file=文件
        assertEquals("拓扑", tabs().getTabs().get(0).getText());
        assertEquals("文件", robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().get(0).getText());
        assertSame(runner, app.runner());
        long before = runner.state().snapshot().nowMicros();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runner.state().snapshot().nowMicros() > before);
    }

    private TabPane tabs() {
        return robot.lookup("#mainTabs").queryAs(TabPane.class);
    }
}
