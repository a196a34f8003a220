package org.virtlab.ui.memory;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.virtlab.engine.memory.host.MemoryState;
import org.virtlab.ui.i18n.I18n;

/**
 * A host's memory as two bars. On top, used against capacity, filled in the colour of the host's state, with the
 * text inside. Below, the bar's last part magnified (free memory from twice the high threshold down to 0 %), cut
 * into the states' zones by the thresholds (high, the band between soft and high where the host keeps its state,
 * soft, hard, low), each named and explained in its tooltip, with a marker where free memory is now. A bracket
 * under the top bar shows which part is magnified.
 */
final class HostGauge extends Region {
    private static final double BAR_HEIGHT = 30;
    private static final double STRIP_HEIGHT = 30;
    private static final double GAP = 8;

    private final Region track = new Region();
    private final Region used = new Region();
    private final Label usedLabel = new Label();
    private final Region bracket = new Region();
    private final Label[] zones = new Label[5];
    private final Region marker = new Region();
    private final Label zoomLabel = new Label();
    private final I18n i18n;
    private HostGaugeData data = HostGaugeData.EMPTY;

    HostGauge(I18n i18n) {
        this.i18n = i18n;
        getStyleClass().add("host-gauge");
        track.getStyleClass().add("gauge-track");
        used.getStyleClass().add("gauge-used");
        usedLabel.getStyleClass().add("gauge-text");
        usedLabel.setId("overcommitGaugeText");
        bracket.getStyleClass().add("gauge-bracket");
        zoomLabel.getStyleClass().add("gauge-zoom-label");
        marker.getStyleClass().add("gauge-marker");
        marker.setId("overcommitGaugeMarker");
        String[] names = {"high", "between", "soft", "hard", "low"};
        for (int z = 0; z < zones.length; z++) {
            Label l = new Label();
            l.getStyleClass().addAll("gauge-zone", "gauge-zone-" + names[z]);
            l.setAlignment(Pos.CENTER);
            l.setId("overcommitZone-" + names[z]);
            l.setMinWidth(0);
            Tooltip tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(460);
            tip.setShowDelay(Duration.millis(300));
            tip.getStyleClass().add("walk-tooltip");
            l.setTooltip(tip);
            zones[z] = l;
        }
        getChildren().addAll(track, used, usedLabel, bracket, zoomLabel);
        getChildren().addAll(List.of(zones));
        getChildren().add(marker);
        show(HostGaugeData.EMPTY);
    }

    /** Draws the host as the data says. */
    void show(HostGaugeData next) {
        data = next;
        for (MemoryState s : MemoryState.values()) {
            used.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()),
                    s == next.state());
        }
        String high = num(next.highPercent());
        String soft = num(next.softPercent());
        String hard = num(next.hardPercent());
        String low = num(next.lowPercent());
        zones[0].setText(i18n.get("overcommit.state.HIGH"));
        zones[0].getTooltip().setText(i18n.format("overcommit.state.HIGH.help", high, soft, hard, low));
        zones[1].setText("");
        zones[1].getTooltip().setText(i18n.format("overcommit.zone.between.help", soft, high));
        zones[2].setText(i18n.get("overcommit.state.SOFT"));
        zones[2].getTooltip().setText(i18n.format("overcommit.state.SOFT.help", high, soft, hard, low));
        zones[3].setText(i18n.get("overcommit.state.HARD"));
        zones[3].getTooltip().setText(i18n.format("overcommit.state.HARD.help", high, soft, hard, low));
        zones[4].setText(i18n.get("overcommit.state.LOW"));
        zones[4].getTooltip().setText(i18n.format("overcommit.state.LOW.help", high, soft, hard, low));
        zoomLabel.setText(i18n.format("overcommit.gauge.zoom", num(zoomPercent())));
        requestLayout();
    }

    /** The text inside the top bar. */
    Label usedLabel() {
        return usedLabel;
    }

    /** Free memory at the left end of the magnified strip, in percent. */
    private double zoomPercent() {
        return Math.min(100, 2 * data.highPercent());
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + BAR_HEIGHT + GAP + 18 + STRIP_HEIGHT + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }

    @Override
    protected void layoutChildren() {
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double usedFraction = Math.max(0, Math.min(1, data.usedPercent() / 100));
        track.resizeRelocate(x0, y0, w, BAR_HEIGHT);
        used.resizeRelocate(x0, y0, snapSizeX(w * usedFraction), BAR_HEIGHT);
        usedLabel.resizeRelocate(x0 + 8, y0, w - 16, BAR_HEIGHT);

        double zoom = zoomPercent();
        double bracketX = x0 + w * (100 - zoom) / 100;
        double y1 = y0 + BAR_HEIGHT + 2;
        bracket.resizeRelocate(bracketX, y1, x0 + w - bracketX, 6);
        double labelY = y1 + 4;
        zoomLabel.resizeRelocate(x0, labelY, Math.max(0, bracketX - x0 - 8), 16);
        zoomLabel.setAlignment(Pos.CENTER_RIGHT);

        double stripY = y0 + BAR_HEIGHT + GAP + 18;
        // free percent → x in the strip: zoom % free at the left, 0 % free at the right
        double[] edges = {zoom, data.highPercent(), data.softPercent(), data.hardPercent(), data.lowPercent(), 0};
        for (int z = 0; z < zones.length; z++) {
            double left = x(x0, w, zoom, edges[z]);
            double right = x(x0, w, zoom, edges[z + 1]);
            zones[z].resizeRelocate(left, stripY, Math.max(0, right - left), STRIP_HEIGHT);
        }
        double free = Math.max(0, Math.min(zoom, data.freePercent()));
        double mx = x(x0, w, zoom, free);
        marker.resizeRelocate(mx - 2, stripY - 6, 4, STRIP_HEIGHT + 12);
    }

    private static double x(double x0, double w, double zoom, double freePercent) {
        return x0 + w * (zoom - freePercent) / zoom;
    }

    private static String num(double p) {
        return java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
