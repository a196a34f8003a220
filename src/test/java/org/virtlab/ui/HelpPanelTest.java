package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.shell.ShellView;

/**
 * The help panel of each tab opens with the ? button and with F1 (Help › This tab), shows the lesson's own "Try
 * this" where it has one, and fits the window. Screenshots: help-panel-&lt;tab&gt;(-zh).png for every tab.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HelpPanelTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private Stage open(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
        return stage;
    }

    private boolean panelShowing() {
        return robot.lookup("#helpPanel").query().isVisible();
    }

    private String text(String id) {
        return ((Labeled) robot.lookup("#" + id).query()).getText();
    }

    @Test
    void theButtonAndF1OpenAndCloseThePanelAndItStartsClosed() throws Exception {
        open("en");
        assertFalse(panelShowing(), "closed at start: the tabs keep their room");
        robot.clickOn("#helpToggle");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(this::panelShowing));
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> !panelShowing()));
        robot.clickOn("Help").clickOn("This Tab"); // menu.help.thisTab
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(this::panelShowing));
        robot.clickOn("#helpClose");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> !panelShowing()));
    }

    @Test
    void theMigrationLessonsOwnTextShowsOnTheTopologyTabInEnglish() throws Exception {
        gallery("en", "", "Try this in");
    }

    @Test
    void theMigrationLessonsOwnTextShowsOnTheTopologyTabInChinese() throws Exception {
        gallery("zh", "-zh", "在“");
    }

    /** Opens the migration lesson, opens the panel and writes it on every tab; the panel stays open across tabs. */
    private void gallery(String lang, String suffix, String lessonHeading) throws Exception {
        Stage stage = open(lang);
        var lesson = Lessons.load("migration-precopy");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#host-host2").tryQuery().isPresent()));
        robot.interact(() -> app.shell().helpPanel().openProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents(3);
        for (int i = 0; i < ShellView.TABS.size(); i++) {
            int index = i;
            String tab = ShellView.TABS.get(i);
            robot.interact(() -> app.shell().tabs().getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents(3);
            assertTrue(panelShowing(), tab);
            String expected = "topology".equals(tab)
                    ? lesson.scenario().help().forTab("topology").orElseThrow().in(app.shell().viewModel().i18n().locale())
                    : app.shell().viewModel().i18n().get("help.try." + tab);
            assertEquals(expected, text("helpTry"), tab);
            // help.panel.tryLesson names the lesson (its title, scenarios/migration-precopy.json); help.panel.try does not
            assertEquals("topology".equals(tab), text("helpTryHeading").startsWith(lessonHeading)
                    && text("helpTryHeading").contains(lesson.title().in(app.shell().viewModel().i18n().locale())), tab);
            assertWhollyInside(stage, "#helpSeeing");
            assertWhollyInside(stage, "#helpTry");
            Screenshots.write(robot, stage.getScene(), "help-panel-" + tab + suffix);
        }
    }

    /** The text's label is inside the window and tall enough for its wrapped lines (nothing cut off). */
    private void assertWhollyInside(Stage stage, String id) {
        robot.interact(() -> {
            Node n = robot.lookup(id).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertTrue(b.getMaxY() <= stage.getScene().getHeight() && b.getMaxX() <= stage.getScene().getWidth(),
                    id + " at " + b);
            Labeled l = (Labeled) n;
            assertTrue(l.getHeight() + 0.5 >= l.prefHeight(l.getWidth()), id + " is cut: " + l.getHeight()
                    + " < " + l.prefHeight(l.getWidth()));
        });
    }
}
