package org.virtlab.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEventType;
import org.jfree.chart.event.ChartChangeListener;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.charts.ChartStyle;

/**
 * Applies a window's {@link Presentation} to its scene: the theme as AtlantaFX's user-agent stylesheet, and in
 * presenter mode a stylesheet made from the app's own ones with every font size and stroke width scaled, larger
 * root text and muted colours made full strength; charts get their {@link ChartStyle.Look}. Canvases follow the
 * look themselves ({@link Presentation#follow}).
 */
public final class PresentationStyler {
    /** The style class the scene's root has in presenter mode. */
    public static final String PRESENTER_CLASS = "presenter";
    /** Primer's root font size (atlantafx-base 2.0.1, primer-light.css: {@code .root { -fx-font-size: 14px }}). */
    public static final double BASE_FONT_PX = 14;
    /** How the presenter sheet, made at run time, is named: a data URI of its text. */
    private static final String DATA_URI = "data:text/css;base64,";
    /** The app's own stylesheets, whose sizes presenter mode scales. */
    private static final List<String> SHEETS = List.of("shell/shell.css", "shell/help.css", "network/network.css",
            "memory/memory.css", "io/io.css");
    /**
     * The topology's cards have a fixed geometry (the canvas zooms them as a whole: its zoom buttons and Fit), so
     * only its line widths are scaled: wires, bars and outlines thicken, the cards' text stays inside them.
     */
    private static final String TOPOLOGY_SHEET = "topology/topology.css";
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern SIZE = Pattern.compile("(-fx-[a-z-]+)\\s*:\\s*([0-9.]+)(px)?\\s*;");
    /** What presenter mode scales: text and lines. */
    private static final Set<String> SIZES = Set.of("-fx-font-size", "-fx-stroke-width", "-fx-border-width");
    private static final Set<String> LINES = Set.of("-fx-stroke-width", "-fx-border-width");

    private final Scene scene;
    private final Presentation presentation;
    /** The charts already followed (by identity: a chart's hash code changes with its fonts). */
    private final List<WeakReference<JFreeChart>> followed = new ArrayList<>();
    private final String sources;
    private final String topology;
    /** Rules for presenter mode only (shell/presenter.css), added as they are. */
    private final String presenterOnly;
    private String sheet;
    private boolean restyling;

    public PresentationStyler(Scene scene, Presentation presentation) {
        this.scene = scene;
        this.presentation = presentation;
        this.sources = readSheets(SHEETS);
        this.topology = readSheets(List.of(TOPOLOGY_SHEET));
        this.presenterOnly = readSheets(List.of("shell/presenter.css"));
        presentation.install(scene);
        presentation.lookProperty().addListener((obs, was, now) -> apply());
        scene.rootProperty().addListener((obs, was, now) -> apply());
        apply();
    }

    /**
     * A second window (Sweep, Compare, Exercise) looks like the main one and follows it: the owner's style sheets
     * (not its presenter sheet, which this window makes for itself), and its presenter mode, scale and theme as they
     * change.
     */
    public static void styleLikeOwner(Scene scene, javafx.stage.Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        scene.getStylesheets().setAll(owner.getScene().getStylesheets().stream()
                .filter(sheet -> !sheet.startsWith(DATA_URI)).toList());
        Presentation presentation = Presentation.of(owner.getScene());
        if (presentation != null) {
            new PresentationStyler(scene, presentation);
        }
    }

    /** Styles everything shown now: call after the scene's content was rebuilt. */
    public void apply() {
        Presentation.Look look = presentation.look();
        String agent = look.dark() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (!agent.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(agent);
        }
        String wanted = look.scale() > 1 || look.highContrast() ? dataUri(presenterCss(sources, look.scale())
                + scaledRules(topology, look.scale(), LINES) + presenterOnly) : null;
        if (sheet != null && !sheet.equals(wanted)) {
            scene.getStylesheets().remove(sheet);
        }
        if (wanted != null && !scene.getStylesheets().contains(wanted)) {
            scene.getStylesheets().add(wanted);
        }
        sheet = wanted;
        Parent root = scene.getRoot();
        if (root != null) {
            root.getStyleClass().remove(PRESENTER_CLASS);
            if (wanted != null) {
                root.getStyleClass().add(PRESENTER_CLASS);
            }
            charts(root);
        }
    }

    /** Gives every chart under {@code node} the current look, and keeps it when the chart changes itself. */
    private void charts(Node node) {
        if (node instanceof ChartViewer viewer) {
            JFreeChart chart = viewer.getChart();
            if (chart != null) {
                follow(chart);
                restyle(chart);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                charts(child);
            }
        }
    }

    private void follow(JFreeChart chart) {
        followed.removeIf(r -> r.get() == null);
        if (followed.stream().anyMatch(r -> r.get() == chart)) {
            return;
        }
        followed.add(new WeakReference<>(chart));
        // A chart that restyles part of itself (new series, a new subplot) gets the look again; data updates don't.
        ChartChangeListener again = e -> {
            if (!restyling && e.getType() != ChartChangeEventType.DATASET_UPDATED) {
                restyle(chart);
            }
        };
        chart.addChangeListener(again);
    }

    private void restyle(JFreeChart chart) {
        Presentation.Look look = presentation.look();
        restyling = true;
        try {
            ChartStyle.apply(chart, new ChartStyle.Look(chartScale(look.scale()), look.dark()));
        } finally {
            restyling = false;
        }
    }

    /**
     * The charts' share of the scale: half of it (150 % gives 125 %, 200 % gives 150 %). Their fonts start at
     * projector sizes already (ChartStyle: 18/15/14 px) and their place in the window does not grow with the text:
     * at the full scale a 1280 × 720 window leaves a 200 % chart a plot a few pixels high (seen in
     * presenter-200-1280x720-en.png).
     */
    public static double chartScale(double scale) {
        return 1 + (scale - 1) / 2;
    }

    /**
     * The presenter stylesheet: the root's text {@code scale} times Primer's (tables' text {@link #chartScale}),
     * muted text and borders at full strength, and every font size, stroke and border width of {@code css} scaled, under selectors one class more
     * specific ({@code .presenter}) so that they win over the originals.
     */
    static String presenterCss(String css, double scale) {
        StringBuilder out = new StringBuilder();
        out.append(".root.").append(PRESENTER_CLASS).append(" {\n    -fx-font-size: ").append(px(BASE_FONT_PX * scale))
                .append(";\n    -color-fg-muted: -color-fg-default;\n    -color-fg-subtle: -color-fg-default;\n")
                .append("    -color-border-muted: -color-border-default;\n}\n");
        // a dialog (About, Shortcuts) takes the owner's sheets and class; its pane is not the scene's root
        out.append(".dialog-pane.").append(PRESENTER_CLASS).append(" {\n    -fx-font-size: ")
                .append(px(BASE_FONT_PX * scale)).append(";\n}\n");
        // Tables are dense like charts and their columns keep their widths: they take the charts' share.
        out.append(".").append(PRESENTER_CLASS).append(" .table-view {\n    -fx-font-size: ")
                .append(px(BASE_FONT_PX * chartScale(scale))).append(";\n}\n");
        return out.append(scaledRules(css, scale, SIZES)).toString();
    }

    /** The rules of {@code css} that set one of {@code properties} to a size, with it scaled, under .presenter. */
    static String scaledRules(String css, double scale, Set<String> properties) {
        StringBuilder out = new StringBuilder();
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            StringBuilder body = new StringBuilder();
            Matcher size = SIZE.matcher(rule.group(2));
            while (size.find()) {
                if (!properties.contains(size.group(1))) {
                    continue;
                }
                body.append("    ").append(size.group(1)).append(": ")
                        .append(px(Double.parseDouble(size.group(2)) * scale)).append(";\n");
            }
            if (body.length() > 0) {
                out.append(selectors(rule.group(1))).append(" {\n").append(body).append("}\n");
            }
        }
        return out.toString();
    }

    private static String selectors(String group) {
        StringBuilder out = new StringBuilder();
        for (String s : group.split(",")) {
            String sel = s.strip();
            if (sel.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(sel.startsWith(".root") ? ".root." + PRESENTER_CLASS + sel.substring(".root".length())
                    : "." + PRESENTER_CLASS + " " + sel);
        }
        return out.toString();
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1fpx", v);
    }

    private static String dataUri(String css) {
        return DATA_URI + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static String readSheets(List<String> names) {
        StringBuilder all = new StringBuilder();
        for (String name : names) {
            try (InputStream in = PresentationStyler.class.getResourceAsStream("/org/virtlab/ui/" + name)) {
                if (in != null) {
                    all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            } catch (IOException e) {
                // a sheet that can't be read keeps its own sizes
            }
        }
        return all.toString();
    }
}
