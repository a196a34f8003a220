package org.virtlab.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.charts.ChartExport;
import org.virtlab.ui.i18n.I18n;

/**
 * The context menu every chart shares, for handouts: Copy image; Save as PNG at 1×, 2× or 4× (the same layout
 * with two or four device pixels per pixel, for print); on a JFreeChart chart also Save as SVG and Save data as
 * CSV. A file is proposed under the chart's title in the window's language and written off the FX thread, as a
 * temporary file moved into place; a failure shows one line (file and reason) in an error dialog.
 *
 * <p>One instance for the window, built with it; install on a view with one line:
 * {@code menus.chart(viewer)} or {@code menus.canvas(region, () -> title)}.
 */
public final class ChartMenus {
    /** The scales offered for PNG. */
    public static final int[] SCALES = {1, 2, 4};
    /** The layout size of a chart saved before its viewer was ever laid out (the default window's chart area). */
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 720;

    private final I18n i18n;
    private FileDialogs dialogs;

    public ChartMenus(I18n i18n, FileDialogs dialogs) {
        this.i18n = i18n;
        this.dialogs = dialogs;
    }

    /** Where files are asked for from now on (tests answer without a native dialog). */
    public void setFileDialogs(FileDialogs dialogs) {
        this.dialogs = dialogs;
    }

    public FileDialogs fileDialogs() {
        return dialogs;
    }

    /** Installs the full menu on a chart viewer, in place of JFreeChart's own; returns it. */
    public ContextMenu chart(ChartViewer viewer) {
        Menu png = new Menu(i18n.get("chartMenu.png"));
        png.setId("chartMenu-png");
        for (int scale : SCALES) {
            png.getItems().add(item("chartMenu-png" + scale, scaleText(viewer, scale), null,
                    () -> saveChartPng(viewer, scale)));
        }
        ContextMenu menu = new ContextMenu(
                item("chartMenu-copy", i18n.get("chartMenu.copy"), "mdi2c-content-copy",
                        () -> copy(chartImage(viewer, 1))),
                new SeparatorMenuItem(),
                png,
                item("chartMenu-svg", i18n.get("chartMenu.svg"), null, () -> saveChartSvg(viewer)),
                item("chartMenu-csv", i18n.get("chartMenu.csv"), "mdi2t-table", () -> saveChartCsv(viewer)));
        png.setGraphic(new FontIcon("mdi2f-file-image-outline"));
        menu.setOnShowing(e -> updateScaleTexts(png, viewer));
        attach(viewer, menu);
        return menu;
    }

    /**
     * Installs Copy image and Save as PNG on a view drawn by JavaFX (a canvas, a panel of nodes); the picture is
     * a snapshot of the node, scaled for 2× and 4×.
     *
     * @param title the view's name as the user reads it now: the proposed file name
     */
    public ContextMenu canvas(Node node, Supplier<String> title) {
        Menu png = new Menu(i18n.get("chartMenu.png"));
        png.setId("chartMenu-png");
        png.setGraphic(new FontIcon("mdi2f-file-image-outline"));
        for (int scale : SCALES) {
            png.getItems().add(item("chartMenu-png" + scale, scaleText(node, scale), null,
                    () -> saveSnapshotPng(node, title.get(), scale)));
        }
        ContextMenu menu = new ContextMenu(
                item("chartMenu-copy", i18n.get("chartMenu.copy"), "mdi2c-content-copy",
                        () -> copy(snapshot(node, 1))),
                new SeparatorMenuItem(),
                png);
        menu.setOnShowing(e -> updateScaleTexts(png, node));
        attach(node, menu);
        return menu;
    }

    // ---- what the items do (public for the window's tests and File › Export) ----------------------------

    /** A snapshot of the node at {@code scale} device pixels per layout pixel, on white. Call on the FX thread. */
    public static WritableImage snapshot(Node node, int scale) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(Transform.scale(scale, scale));
        return node.snapshot(parameters, null);
    }

    /** The chart as its viewer shows it, at {@code scale}. */
    static BufferedImage chartImage(ChartViewer viewer, int scale) {
        return ChartExport.image(viewer.getChart(), width(viewer), height(viewer), scale);
    }

    private void saveChartPng(ChartViewer viewer, int scale) {
        JFreeChart chart = viewer.getChart();
        ask(viewer, "chartMenu.png", title(chart), "filter.png", "png").ifPresent(path -> {
            BufferedImage image = chartImage(viewer, scale);
            write(viewer, path, () -> ChartExport.png(image, path));
        });
    }

    private void saveChartSvg(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        ask(viewer, "chartMenu.svg", title(chart), "filter.svg", "svg").ifPresent(path -> {
            String document = ChartExport.svgDocument(chart, width(viewer), height(viewer));
            write(viewer, path, () -> ChartExport.text(document, path));
        });
    }

    private void saveChartCsv(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        ask(viewer, "chartMenu.csv", title(chart), "filter.csv", "csv").ifPresent(path -> {
            String table = ChartExport.csv(chart);
            write(viewer, path, () -> ChartExport.text(table, path));
        });
    }

    private void saveSnapshotPng(Node node, String title, int scale) {
        ask(node, "chartMenu.png", title, "filter.png", "png").ifPresent(path -> {
            BufferedImage image = SwingFXUtils.fromFXImage(snapshot(node, scale), null);
            write(node, path, () -> ChartExport.png(image, path));
        });
    }

    private static void copy(BufferedImage image) {
        copy(SwingFXUtils.toFXImage(image, null));
    }

    private static void copy(Image image) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(image);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private Optional<Path> ask(Node node, String titleKey, String name, String filterKey, String extension) {
        String title = i18n.get(titleKey).replace("…", "").replace("...", "").trim();
        return dialogs.saveFile(window(node), title, fileName(name, extension), i18n.get(filterKey), extension)
                .map(p -> FileDialogs.withExtension(p, extension));
    }

    private interface Job {
        void run() throws IOException;
    }

    /** Writes off the FX thread (a 4× PNG takes a moment to encode); a failure comes back as a dialog. */
    private void write(Node node, Path path, Job job) {
        Thread writer = new Thread(() -> {
            try {
                job.run();
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> showError(window(node), ExportErrors.line(i18n, path, e)));
            }
        }, "virtlab-export");
        writer.setDaemon(true);
        writer.start();
    }

    /** One line in an error dialog: which file, and why. */
    public void showError(Window owner, String line) {
        Alert alert = new Alert(Alert.AlertType.ERROR, line);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(i18n.get("chartMenu.error.title"));
        alert.setHeaderText(null);
        alert.getDialogPane().setId("exportError");
        alert.show();
    }

    /** A file name from a title: characters no file system takes become dashes. */
    public static String fileName(String title, String extension) {
        return safeName(title) + "." + extension;
    }

    /**
     * A title made fit for a file or folder name: without the characters Windows, macOS or Linux refuse, not
     * hidden (no leading dot), at most 80 characters; "chart" when nothing is left.
     */
    public static String safeName(String title) {
        String base = title == null ? "" : title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "-").trim();
        base = base.replaceAll("^[.\\-\\s]+", "");
        if (base.length() > 80) {
            base = base.substring(0, 80).trim();
        }
        return base.isEmpty() ? "chart" : base;
    }

    private static String title(JFreeChart chart) {
        return chart.getTitle() == null ? "" : chart.getTitle().getText();
    }

    private String scaleText(Node node, int scale) {
        return i18n.format("chartMenu.png.scale", scale, width(node) * scale, height(node) * scale);
    }

    private void updateScaleTexts(Menu png, Node node) {
        for (int i = 0; i < SCALES.length; i++) {
            png.getItems().get(i).setText(scaleText(node, SCALES[i]));
        }
    }

    private static int width(Node node) {
        int w = (int) Math.round(node.getLayoutBounds().getWidth());
        return w > 0 ? w : DEFAULT_WIDTH;
    }

    private static int height(Node node) {
        int h = (int) Math.round(node.getLayoutBounds().getHeight());
        return h > 0 ? h : DEFAULT_HEIGHT;
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    private static void attach(Node node, ContextMenu menu) {
        menu.setId("chartMenu");
        node.setOnContextMenuRequested(e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static MenuItem item(String id, String text, String icon, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setMnemonicParsing(false);
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
