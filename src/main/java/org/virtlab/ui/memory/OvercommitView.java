package org.virtlab.ui.memory;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.ui.common.VmTableColumns;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.i18n.I18n;

/**
 * The overcommit view of the Memory tab: the host in focus with its state and gauge on top; the VMs' memory
 * charts and their table in the middle; what the selected VM can be made to do at the bottom. Builds and binds;
 * the state is {@link OvercommitViewModel}'s.
 */
public final class OvercommitView {
    private final BorderPane root = new BorderPane();

    public OvercommitView(OvercommitViewModel vm, I18n i18n, ChartMenus menus) {
        root.getStyleClass().add("overcommit-view");
        root.setId("overcommitView");

        Label title = new Label();
        title.setId("overcommitHost");
        title.getStyleClass().add("memory-section-title");
        title.textProperty().bind(vm.focusHostProperty().map(h -> i18n.get("overcommit.gauge.title") + ": " + h));
        title.setTooltip(tip(i18n.get("overcommit.gauge.title.help")));
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label();
        state.setId("overcommitState");
        state.getStyleClass().add("overcommit-state");
        state.textProperty().bind(vm.stateTextProperty());
        Tooltip stateTip = tip("");
        stateTip.textProperty().bind(vm.stateHelpProperty());
        state.setTooltip(stateTip);
        HBox heading = new HBox(16, title, state);
        heading.setAlignment(Pos.BASELINE_LEFT);

        HostGauge gauge = new HostGauge(i18n);
        gauge.setId("overcommitGauge");
        gauge.show(vm.gaugeProperty().get());
        vm.gaugeProperty().addListener((obs, was, now) -> gauge.show(now));
        gauge.usedLabel().textProperty().bind(vm.usedTextProperty());
        gauge.usedLabel().setTooltip(tip(i18n.get("overcommit.gauge.used.help")));
        menus.canvas(gauge, () -> i18n.get("export.name.gauge") + " " + vm.focusHostProperty().get());

        Label ratio = info("overcommitRatio", vm.ratioTextProperty(), i18n.get("overcommit.gauge.ratio.help"));
        Label saved = info("overcommitSaved", vm.savedTextProperty(), i18n.get("overcommit.gauge.saved.help"));
        FlowPane facts = new FlowPane(24, 2, ratio, saved);
        Label reclaim = new Label();
        reclaim.setId("overcommitReclamation");
        reclaim.getStyleClass().add("overcommit-reclaim");
        reclaim.textProperty().bind(vm.reclamationTextProperty());
        reclaim.setWrapText(true);
        reclaim.setMinHeight(Region.USE_PREF_SIZE);
        Label note = ViewParts.errorLine(vm.noteProperty(), "overcommitNote");
        note.getStyleClass().setAll("label", "overcommit-note");

        VBox top = new VBox(4, heading, gauge, facts, reclaim, note);
        top.setPadding(new Insets(6, 8, 4, 8));
        top.getStyleClass().add("memory-controls");

        ChartViewer viewer = new ChartViewer(vm.chart().chart());
        viewer.setId("overcommitChart");
        menus.chart(viewer);
        viewer.setMinHeight(160);

        TableView<VmMemoryRow> table = new TableView<>(vm.rows());
        table.setId("overcommitTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(nameColumn(i18n));
        table.getColumns().add(column(i18n, "configured", VmMemoryRow::configuredProperty));
        table.getColumns().add(column(i18n, "touched", VmMemoryRow::touchedProperty));
        table.getColumns().add(column(i18n, "consumed", VmMemoryRow::consumedProperty));
        table.getColumns().add(column(i18n, "shared", VmMemoryRow::sharedProperty));
        table.getColumns().add(column(i18n, "ballooned", VmMemoryRow::balloonedProperty));
        table.getColumns().add(column(i18n, "swapped", VmMemoryRow::swappedProperty));
        table.getColumns().add(column(i18n, "granted", VmMemoryRow::grantedProperty));
        table.getColumns().add(column(i18n, "cowFaults", VmMemoryRow::cowFaultsProperty));
        table.getColumns().add(column(i18n, "swapIns", VmMemoryRow::swapInsProperty));
        VmTableColumns.explainHeaders(table, OvercommitView::tip);
        table.setPlaceholder(new Label(i18n.get("overcommit.table.empty")));
        table.setFixedCellSize(30);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                vm.selectVm(now.vmId());
            }
        });

        // The table shows every VM of the host (up to five rows, then it scrolls); the chart takes the rest.
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 48 + 30.0 * Math.max(1, Math.min(5, vm.rows().size())), vm.rows()));
        table.setMinHeight(Region.USE_PREF_SIZE);
        VBox middle = new VBox(4, viewer, table);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        middle.setPadding(new Insets(0, 4, 0, 4));

        root.setTop(top);
        root.setCenter(middle);
        root.setBottom(actions(vm, i18n));
    }

    public Parent root() {
        return root;
    }

    private static VBox actions(OvercommitViewModel vm, I18n i18n) {
        Label target = new Label();
        target.setId("overcommitTarget");
        target.getStyleClass().add("memory-label");
        target.textProperty().bind(vm.targetTextProperty());
        target.setMinWidth(Region.USE_PREF_SIZE);
        TextField amount = new TextField();
        amount.setId("overcommitAmount");
        amount.setPrefColumnCount(6);
        amount.textProperty().bindBidirectional(vm.amountTextProperty());
        amount.setTooltip(tip(i18n.get("overcommit.amount.help")));
        HBox amountBox = MemoryView.labelled(i18n, "overcommit.amount", amount);
        HBox row = new HBox(8, target, amountBox);
        row.setAlignment(Pos.CENTER_LEFT);
        for (OvercommitViewModel.Action a : OvercommitViewModel.Action.values()) {
            String key = "overcommit.action." + a.name();
            Button b = new Button(i18n.get(key));
            b.setId("overcommit" + a.name().charAt(0) + a.name().substring(1).toLowerCase());
            b.setTooltip(tip(i18n.get(key + ".help")));
            b.setFocusTraversable(false); // Space belongs to the simulation's play/pause
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.disableProperty().bind(vm.enabledActionsProperty().map(list -> !list.contains(a)));
            b.setOnAction(e -> vm.submit(a));
            row.getChildren().add(b);
        }
        Label done = new Label();
        done.setId("overcommitLastAction");
        done.getStyleClass().add("overcommit-done");
        done.textProperty().bind(vm.lastActionProperty());
        done.setMinWidth(0);
        HBox.setHgrow(done, Priority.ALWAYS);
        row.getChildren().add(done);

        Label error = ViewParts.errorLine(vm.amountErrorProperty(), "overcommitAmountError");
        Label reason = ViewParts.errorLine(vm.reasonProperty(), "overcommitReason");
        reason.getStyleClass().setAll("label", "overcommit-reason");
        VBox box = new VBox(2, row, error, reason);
        box.setPadding(new Insets(6, 8, 6, 8));
        box.getStyleClass().add("overcommit-actions");
        return box;
    }

    private static Label info(String id, ObservableValue<String> text, String help) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("overcommit-fact");
        l.textProperty().bind(text);
        l.setTooltip(tip(help));
        return l;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(480);
        t.setShowDelay(Duration.millis(300));
        t.getStyleClass().add("walk-tooltip");
        return t;
    }

    private static TableColumn<VmMemoryRow, String> nameColumn(I18n i18n) {
        TableColumn<VmMemoryRow, String> c = VmTableColumns.name(i18n.get("overcommit.col.vm"));
        c.setPrefWidth(80);
        c.setMinWidth(70);
        return c;
    }

    /** A column of numbers, as narrow as its header in 12 px bold (memory.css): ten fit a projected window. */
    private static TableColumn<VmMemoryRow, String> column(I18n i18n, String name,
            Function<VmMemoryRow, ObservableValue<String>> value) {
        TableColumn<VmMemoryRow, String> c = VmTableColumns.value(i18n.get("overcommit.col." + name),
                i18n.get("overcommit.col." + name + ".help"), value);
        c.setId("overcommitCol-" + name);
        c.setMinWidth(VmTableColumns.headerWidth(c.getText()));
        c.setPrefWidth(c.getMinWidth());
        return c;
    }
}
