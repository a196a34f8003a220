package org.virtlab.ui.network;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.virtlab.ui.i18n.I18n;

/**
 * The reachability matrix as a heat map: rows from, columns to (numbered as the rows), each cell blue ✓ or
 * vermillion ✗ (Okabe and Ito's colour-blind-safe pair) or ↩ for a reply lost; the reason in its tooltip; a click
 * loads the pair into the sender.
 */
final class ReachView {
    private final NetworkViewModel vm;
    private final GridPane grid = new GridPane();
    private final Label title = new Label();
    private final ScrollPane root;

    ReachView(NetworkViewModel vm, I18n i18n) {
        this.vm = vm;
        grid.setId("networkReach");
        grid.getStyleClass().add("net-reach");
        grid.setHgap(2);
        grid.setVgap(2);
        title.getStyleClass().add("net-section");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label help = new Label(i18n.get("network.reach.help"));
        help.getStyleClass().add("net-note");
        help.setWrapText(true);
        HBox legend = new HBox(14, legend(i18n, ReachModel.Outcome.DELIVERED, "network.reach.legend.delivered"),
                legend(i18n, ReachModel.Outcome.DROPPED, "network.reach.legend.dropped"),
                legend(i18n, ReachModel.Outcome.REPLY_DROPPED, "network.reach.legend.replyDropped"));
        legend.setAlignment(Pos.CENTER_LEFT);
        Label computing = new Label(i18n.get("network.reach.computing"));
        computing.setId("networkReachComputing");
        computing.getStyleClass().add("net-note");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        HBox busy = new HBox(6, spinner, computing);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(vm.reach().computingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        grid.opacityProperty().bind(javafx.beans.binding.Bindings.when(vm.reach().computingProperty()).then(0.4).otherwise(1.0));
        VBox content = new VBox(8, title, busy, legend, grid, help);
        content.setPadding(new Insets(8));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        vm.reach().matrixProperty().addListener((obs, was, now) -> draw(now));
        draw(vm.reach().matrixProperty().get());
    }

    /** The heat map itself, whole even where it scrolls: what Copy image and Save as PNG take. */
    GridPane picture() {
        return grid;
    }

    ScrollPane root() {
        return root;
    }

    private static HBox legend(I18n i18n, ReachModel.Outcome o, String key) {
        Label swatch = new Label(o.glyph());
        swatch.getStyleClass().addAll("net-reach-cell", style(o));
        Label text = new Label(i18n.get(key));
        HBox box = new HBox(4, swatch, text);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static String style(ReachModel.Outcome o) {
        switch (o) {
            case DELIVERED:
                return "net-reach-delivered";
            case DROPPED:
                return "net-reach-dropped";
            default:
                return "net-reach-reply-dropped";
        }
    }

    private void draw(ReachModel.Matrix m) {
        grid.getChildren().clear();
        title.setText(m.title());
        int n = m.ids().size();
        for (int j = 0; j < n; j++) {
            Label head = new Label(String.valueOf(j + 1));
            head.getStyleClass().add("net-reach-head");
            head.setTooltip(new Tooltip(m.labels().get(j)));
            grid.add(head, 1 + j, 0);
            GridPane.setHalignment(head, HPos.CENTER);
        }
        for (int i = 0; i < n; i++) {
            Label row = new Label((i + 1) + "  " + m.labels().get(i));
            row.getStyleClass().add("net-reach-row");
            row.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(row, 0, 1 + i);
            for (int j = 0; j < n; j++) {
                ReachModel.Cell c = m.cells().get(i).get(j);
                Label cell = new Label(c.outcome().glyph());
                cell.getStyleClass().addAll("net-reach-cell", style(c.outcome()));
                cell.setId("networkReach-" + i + "-" + j);
                Tooltip tip = new Tooltip(c.tooltip());
                tip.setShowDelay(Duration.millis(200));
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                cell.setTooltip(tip);
                cell.setOnMouseClicked(e -> vm.choosePair(c.from(), c.to()));
                grid.add(cell, 1 + j, 1 + i);
            }
        }
    }
}
