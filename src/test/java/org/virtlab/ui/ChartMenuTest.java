package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.charts.CpuUsageChart;
import org.virtlab.ui.common.FileDialogs;
import org.virtlab.ui.shell.ShellView;

/**
 * The charts' context menu on the real window (issue #8, Export and its tests): right-click a chart or a canvas,
 * pick an item; the file proposed is named after the chart and the file written is valid: a PNG of the view's size
 * times the scale, an SVG that parses as XML and holds the chart's title, a CSV with a header and a row per sample.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChartMenuTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;
    @TempDir
    Path dir;

    /** Answers every save dialog with a file in the test's folder, under the name the menu proposed. */
    private class Answers implements FileDialogs {
        final List<String> proposed = new ArrayList<>();
        final List<String> filters = new ArrayList<>();

        @Override
        public Optional<Path> saveFile(Window owner, String title, String name, String filterText, String extension) {
            proposed.add(name);
            filters.add(filterText);
            return Optional.of(dir.resolve(name));
        }

        @Override
        public Optional<Path> folder(Window owner, String title) {
            return Optional.of(dir);
        }
    }

    private Answers answers;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        answers = new Answers();
        robot.interact(() -> {
            app.shell().chartMenus().setFileDialogs(answers);
            app.shell().tabs().getSelectionModel().select(1); // CPU
        });
        // the default lesson plays on its own: let the chart gather two seconds of samples, then pause
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.runner().state().snapshot().nowMicros() > 2_000_000);
        robot.interact(() -> app.shell().viewModel().pause());
        assertTrue(app.runner().awaitIdle(5, TimeUnit.SECONDS));
        robot.interact(() -> app.shell().viewModel().refresh());
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /**
     * Asks for the node's context menu as the platform does on a right click (or the menu key): Monocle sends no
     * context-menu event for a secondary click, so the robot cannot; the menu that opens is the real one.
     */
    private void openContextMenu(Node node) throws Exception {
        robot.moveTo(node);
        robot.interact(() -> {
            javafx.geometry.Bounds b = node.getLayoutBounds();
            javafx.geometry.Point2D screen = node.localToScreen(b.getCenterX(), b.getCenterY());
            node.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, b.getCenterX(),
                    b.getCenterY(), screen.getX(), screen.getY(), false, null));
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                FxConditions.onFx(() -> robot.lookup("#chartMenu-copy").tryQuery().isPresent()));
    }

    /** Clicks a menu item of the open menu (a submenu's items may also be built once more, off screen). */
    private void clickItem(String query) throws Exception {
        Node item = showingItem(query);
        robot.clickOn(item);
    }

    /**
     * Clicks an item of the PNG submenu, going there as a person does: along the "Save as PNG" row into the submenu
     * first, then to the item; the straight line from the row could cross the next row, which closes the submenu.
     */
    private void clickScale(int scale) throws Exception {
        Node row = showingItem("#chartMenu-png");
        Node first = showingItem("#chartMenu-png1");
        javafx.geometry.Point2D[] across = new javafx.geometry.Point2D[1];
        robot.interact(() -> {
            javafx.geometry.Bounds r = row.localToScreen(row.getLayoutBounds());
            javafx.geometry.Bounds f = first.localToScreen(first.getLayoutBounds());
            across[0] = new javafx.geometry.Point2D(f.getCenterX(), r.getCenterY());
        });
        robot.moveTo(across[0]);
        robot.clickOn(showingItem("#chartMenu-png" + scale));
    }

    private Node showingItem(String query) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup(query)
                .match((Node n) -> n.getScene() != null && n.getScene().getWindow().isShowing()).tryQuery().isPresent()));
        Node[] item = new Node[1];
        robot.interact(() -> item[0] = robot.lookup(query)
                .match((Node n) -> n.getScene() != null && n.getScene().getWindow().isShowing()).query());
        return item[0];
    }

    private static Path waitForFile(Path file) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(file));
        return file;
    }

    @Test
    void pngAtTwiceTheScaleHasTwiceTheChartsSize() throws Exception {
        ChartViewer viewer = robot.lookup("#cpuUsageChart").queryAs(ChartViewer.class);
        openContextMenu(viewer);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#chartMenu-png").tryQuery().isPresent()));
        clickItem("#chartMenu-png");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#chartMenu-png2").tryQuery().isPresent()));
        Screenshots.writeWithPopups(robot, viewer.getScene(), "chart-menu");
        clickScale(2);

        String title = viewer.getChart().getTitle().getText(); // "CPU use by VM" (messages.properties cpu.chart.title)
        assertEquals(List.of(title + ".png"), answers.proposed);
        assertEquals(List.of("PNG image (*.png)"), answers.filters);
        BufferedImage png = ImageIO.read(waitForFile(dir.resolve(title + ".png")).toFile());
        int w = (int) Math.round(viewer.getWidth());
        int h = (int) Math.round(viewer.getHeight());
        assertTrue(w > 100 && h > 100, "the viewer is laid out: " + w + "×" + h);
        assertEquals(2 * w, png.getWidth()); // 2×: two device pixels per layout pixel each way
        assertEquals(2 * h, png.getHeight());
    }

    @Test
    void svgParsesAndHoldsTheTitleAndCsvHasARowPerSample() throws Exception {
        ChartViewer viewer = robot.lookup("#cpuUsageChart").queryAs(ChartViewer.class);
        String title = viewer.getChart().getTitle().getText();

        openContextMenu(viewer);
        clickItem("#chartMenu-svg");
        Path svg = waitForFile(dir.resolve(title + ".svg"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        var document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(document.getDocumentElement().getTextContent().contains(title), "the SVG holds the title as text");

        openContextMenu(viewer);
        clickItem("#chartMenu-csv");
        Path csv = waitForFile(dir.resolve(title + ".csv"));
        List<String> lines = List.of(Files.readString(csv, StandardCharsets.UTF_8).split("\r\n"));
        // header: time axis label, then per VM "name (GHz)" (the lesson's three VMs), its entitlement, demand, capacity
        assertEquals("Simulated time (s)", lines.get(0).split(",")[0]);
        assertTrue(lines.get(0).contains("(GHz)"), lines.get(0));
        int[] samples = new int[1];
        CpuUsageChart chart = app.shell().viewModel().cpu().chart();
        robot.interact(() -> samples[0] = chart.pointCount());
        assertTrue(samples[0] >= 20, "two seconds of 100 ms samples: " + samples[0]);
        assertEquals(1 + samples[0], lines.size());
    }

    @Test
    void aCanvasSavesItsSnapshotAtFourTimesItsSize() throws Exception {
        robot.clickOn("Time slices"); // the CPU tab's lower pane (messages.properties cpu.tab.slices)
        Node gantt = robot.lookup("#cpuGantt").query();
        Node box = gantt.getParent(); // the menu covers the slices' title and canvas
        openContextMenu(gantt);
        clickItem("#chartMenu-png");
        clickScale(4);
        assertEquals(1, answers.proposed.size());
        assertTrue(answers.proposed.get(0).startsWith("Time slices on "), answers.proposed.get(0));
        BufferedImage png = ImageIO.read(waitForFile(dir.resolve(answers.proposed.get(0))).toFile());
        assertEquals(4 * Math.round(box.getLayoutBounds().getWidth()), png.getWidth());
        assertEquals(4 * Math.round(box.getLayoutBounds().getHeight()), png.getHeight());
    }

    @Test
    void theNetworkPathDiagramSavesItsWholePicture() throws Exception {
        var lesson = org.virtlab.scenario.Lessons.load("network-models");
        robot.interact(() -> app.shell().openLessonForTest(lesson));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().network().endpoints().contains("web1:nic0"));
        var network = app.shell().viewModel().network();
        robot.interact(() -> {
            app.shell().viewModel().pause();
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("network"));
            network.choosePair("web1:nic0", "internet");
            network.send();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        Node path = robot.lookup("#networkPath").query();
        openContextMenu(path);
        clickItem("#chartMenu-png");
        clickScale(2);
        assertEquals(1, answers.proposed.size());
        // the file is named after the view (messages.properties network.path)
        assertTrue(answers.proposed.get(0).startsWith("Path and hops"), answers.proposed.get(0));
        BufferedImage png = ImageIO.read(waitForFile(dir.resolve(answers.proposed.get(0))).toFile());
        // the whole diagram at twice its size, even the part scrolled out of sight
        assertEquals(2 * Math.round(path.getLayoutBounds().getWidth()), png.getWidth());
        assertEquals(2 * Math.round(path.getLayoutBounds().getHeight()), png.getHeight());
    }

    @Test
    void copyImagePutsThePictureOnTheClipboard() throws Exception {
        ChartViewer viewer = robot.lookup("#cpuUsageChart").queryAs(ChartViewer.class);
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        openContextMenu(viewer);
        clickItem("#chartMenu-copy");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> Clipboard.getSystemClipboard().hasImage()));
        double[] width = new double[1];
        robot.interact(() -> width[0] = Clipboard.getSystemClipboard().getImage().getWidth());
        assertEquals(Math.round(viewer.getWidth()), Math.round(width[0]));
    }

    @Test
    void aFileThatCannotBeWrittenShowsOneLineNotACrash() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        robot.interact(() -> app.shell().chartMenus().setFileDialogs(new Answers() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String name, String filter, String ext) {
                return Optional.of(blocker.resolve(name));
            }
        }));
        ChartViewer viewer = robot.lookup("#cpuUsageChart").queryAs(ChartViewer.class);
        openContextMenu(viewer);
        clickItem("#chartMenu-csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#exportError").tryQuery().isPresent()));
        String[] text = new String[1];
        robot.interact(() -> text[0] = robot.lookup("#exportError").queryAs(javafx.scene.control.DialogPane.class).getContentText());
        assertTrue(text[0].startsWith("Could not export " + blocker.resolve("CPU use by VM.csv")), text[0]);
        assertFalse(text[0].contains("\n"), text[0]);
        assertTrue(((Stage) viewer.getScene().getWindow()).isShowing());
    }
}
