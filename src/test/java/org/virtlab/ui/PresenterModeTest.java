package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.common.PresentationStyler;

/** View › Presenter mode scales text and charts in one action and back; View › Theme switches and is remembered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PresenterModeTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void presenterModeScalesTheWindowsTextAndTheChartsInOneActionAndBack() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        JFreeChart chart = app.shell().viewModel().cpu().chart().chart();
        double[] before = onFx(() -> new double[] {statusFont(), tabFont()});
        WaitForAsyncUtils.waitForFxEvents(3); // the table has its headers, widened where their text needs it
        double[] columns = onFx(this::cpuColumnWidths);
        double zoom = app.shell().viewModel().topology().zoomProperty().get();
        // ChartStyle.TITLE_FONT: 18 px
        assertEquals(18f, onFx(() -> (double) chart.getTitle().getFont().getSize2D()), 1e-6);

        robot.clickOn("View").clickOn("Presenter mode");
        WaitForAsyncUtils.waitForFxEvents(3);
        // The default presenter scale is 150 % (Presentation.DEFAULT_SCALE_PERCENT); charts take half of it
        // (PresentationStyler.chartScale): 18 × 1.25 = 22.5.
        assertTrue(app.presentation().presenterProperty().get());
        assertEquals(22.5f, onFx(() -> (double) chart.getTitle().getFont().getSize2D()), 1e-6);
        assertEquals(before[0] * 1.5, onFx(this::statusFont), 0.05);
        assertEquals(before[1] * 1.5, onFx(this::tabFont), 0.05);
        assertTrue(onFx(() -> app.shell().root().getStyleClass().contains(PresentationStyler.PRESENTER_CLASS)));
        // the CPU table's text takes the charts' share too (125 %), and so do its columns: "13.26 GHz" stays whole
        // the topology's canvas zooms by as much, so the cards' text grows too
        assertEquals(zoom * 1.25, app.shell().viewModel().topology().zoomProperty().get(), 1e-9);
        double[] wider = onFx(this::cpuColumnWidths);
        for (int i = 0; i < columns.length; i++) {
            assertEquals(columns[i] * 1.25, wider[i], 0.01, "column " + i);
        }

        robot.clickOn("View").clickOn("Presenter mode");
        WaitForAsyncUtils.waitForFxEvents(3);
        assertFalse(app.presentation().presenterProperty().get());
        assertEquals(18f, onFx(() -> (double) chart.getTitle().getFont().getSize2D()), 1e-6);
        assertEquals(before[0], onFx(this::statusFont), 0.05);
        assertEquals(before[1], onFx(this::tabFont), 0.05);
        assertArrayEquals(columns, onFx(this::cpuColumnWidths), 0.01);
        assertEquals(zoom, app.shell().viewModel().topology().zoomProperty().get(), 1e-9);
    }

    /** The minimum widths of the CPU tab's table of VMs. */
    private double[] cpuColumnWidths() {
        javafx.scene.control.TableView<?> table = robot.lookup("#cpuTable").queryAs(javafx.scene.control.TableView.class);
        return table.getColumns().stream().mapToDouble(javafx.scene.control.TableColumn::getMinWidth).toArray();
    }

    @Test
    void themeAndLanguageChosenInTheMenusAreRemembered() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        assertEquals(new PrimerLight().getUserAgentStylesheet(), onFx(Application::getUserAgentStylesheet));

        robot.interact(() -> item("menu.view.theme.dark").fire());
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(new PrimerDark().getUserAgentStylesheet(), onFx(Application::getUserAgentStylesheet));
        JFreeChart chart = app.shell().viewModel().cpu().chart().chart();
        assertEquals(org.virtlab.charts.ChartStyle.DARK_BACKGROUND, onFx(chart::getBackgroundPaint));
        Presentation next = new Presentation();
        app.preferences().restore(next);
        assertEquals(Presentation.Theme.DARK, next.themeProperty().get());

        // The menu item itself (a robot's second trip into View finds the closed popup's stale labels).
        robot.interact(() -> item("language-zh").fire());
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), app.preferences().language());
        assertEquals(Presentation.Theme.DARK, app.presentation().themeProperty().get(), "the rebuilt window keeps it");
        robot.interact(() -> app.presentation().themeProperty().set(Presentation.Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(new PrimerLight().getUserAgentStylesheet(), onFx(Application::getUserAgentStylesheet));
        app.preferences().restore(next);
        assertEquals(Presentation.Theme.LIGHT, next.themeProperty().get());
    }

    @Test
    void theOtherWindowsAndTheDialogsArePresentedToo() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        robot.interact(() -> app.presentation().presenterProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents(3);
        // Simulation › Sweep… opens its own window: its text at 150 % of Primer's 14 px, as in the main window
        robot.interact(() -> item("menu.sim.sweep").fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(
                () -> robot.lookup("#sweepRun").tryQuery().isPresent()));
        javafx.scene.Node run = robot.lookup("#sweepRun").query();
        assertEquals(PresentationStyler.BASE_FONT_PX * 1.5, onFx(() -> ((Labeled) run).getFont().getSize()), 0.05);
        assertTrue(onFx(() -> run.getScene().getRoot().getStyleClass().contains(PresentationStyler.PRESENTER_CLASS)));
        // and it follows: presenter mode off in the main window, off in the sweep window
        robot.interact(() -> app.presentation().presenterProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(PresentationStyler.BASE_FONT_PX, onFx(() -> ((Labeled) run).getFont().getSize()), 0.05);
        robot.interact(() -> ((javafx.stage.Stage) run.getScene().getWindow()).close());

        double plain = aboutNoteFont();
        robot.interact(() -> app.presentation().presenterProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents(3);
        // Help › About takes the window's presenter mode: its text 150 % of what it is without
        assertEquals(plain * 1.5, aboutNoteFont(), 0.05);
    }

    /** The font size of a paragraph of Help › About, opened and closed again. */
    private double aboutNoteFont() throws Exception {
        javafx.scene.control.Dialog<?>[] about = new javafx.scene.control.Dialog<?>[1];
        robot.interact(() -> about[0] = app.shell().showAbout());
        WaitForAsyncUtils.waitForFxEvents(3);
        double size = onFx(() -> ((Labeled) about[0].getDialogPane().lookup("#aboutGplNote")).getFont().getSize());
        robot.interact(() -> about[0].close());
        WaitForAsyncUtils.waitForFxEvents(3);
        return size;
    }

    private javafx.scene.control.MenuItem item(String id) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .flatMap(i -> i instanceof javafx.scene.control.Menu m ? m.getItems().stream() : java.util.stream.Stream.of(i))
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private double statusFont() {
        return robot.lookup("#simTime").queryAs(Labeled.class).getFont().getSize();
    }

    private double tabFont() {
        return robot.lookup(".tab-label").queryAs(Labeled.class).getFont().getSize();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
