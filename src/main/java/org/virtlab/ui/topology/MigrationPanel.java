package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;

/**
 * Below the canvas while there are live migrations to show: each with a progress bar, what moves where,
 * its phase with the numbers (round, sent, left, threshold, ρ; downtime when done), its rounds, and Cancel
 * while it is under way. Hidden when there are none.
 */
final class MigrationPanel extends VBox {
    private final TopologyViewModel viewModel;
    private final I18n i18n;

    MigrationPanel(TopologyViewModel viewModel, I18n i18n) {
        super(4);
        this.viewModel = viewModel;
        this.i18n = i18n;
        getStyleClass().add("migration-panel");
        setId("migrationPanel");
        viewModel.migrations().addListener((ListChangeListener<TopologyViewModel.MigrationItem>) c -> show());
        viewModel.markedMigrationProperty().addListener((obs, was, now) -> show());
        show();
    }

    private void show() {
        List<Node> rows = new ArrayList<>();
        if (!viewModel.migrations().isEmpty()) {
            Label heading = new Label(i18n.get("migration.heading"), new FontIcon("mdi2t-truck-fast"));
            heading.getStyleClass().add("section-title");
            rows.add(heading);
        }
        for (TopologyViewModel.MigrationItem m : viewModel.migrations()) {
            rows.add(row(m));
        }
        getChildren().setAll(rows);
        setVisible(!rows.isEmpty());
        setManaged(!rows.isEmpty());
    }

    private HBox row(TopologyViewModel.MigrationItem m) {
        ProgressBar progress = new ProgressBar(m.underWay() ? m.progress() : m.failed() ? 0 : 1);
        progress.setPrefWidth(120);
        progress.setMinWidth(120);
        Label title = new Label(m.title());
        title.getStyleClass().add("migration-title");
        Label status = new Label(m.status());
        status.setWrapText(true);
        VBox text = new VBox(1, title, status);
        if (!m.rounds().isEmpty()) {
            Label rounds = new Label(m.rounds());
            rounds.getStyleClass().add("migration-rounds");
            rounds.setWrapText(true);
            text.getChildren().add(rounds);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, progress, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("migration-" + m.serial());
        if (m.failed()) {
            row.getStyleClass().add("migration-failed");
        }
        if (m.vmId().equals(viewModel.markedMigrationProperty().get())) {
            row.getStyleClass().add("migration-marked"); // the selected event's migration
        }
        if (m.underWay()) {
            Button cancel = new Button(i18n.get("migration.cancel"), new FontIcon("mdi2c-close"));
            cancel.setTooltip(new Tooltip(i18n.get("migration.cancel.tip")));
            cancel.setOnAction(e -> viewModel.cancelMigration(m.vmId()));
            cancel.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(cancel);
        }
        return row;
    }
}
