package org.virtlab.ui.cpu;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.common.VmTableColumns;
import org.virtlab.ui.i18n.I18n;

/**
 * The CPU tab: the usage chart on top; the time slices of the host in focus; the table of VMs beside the
 * derivation of how the host's CPU is shared now.
 */
public final class CpuView {
    private final BorderPane root = new BorderPane();

    public CpuView(CpuViewModel viewModel, I18n i18n, ChartMenus menus) {
        ChartViewer viewer = new ChartViewer(viewModel.chart().chart());
        viewer.setId("cpuUsageChart");
        menus.chart(viewer);

        GanttCanvas gantt = new GanttCanvas(i18n.get("cpu.gantt.cpu"));
        gantt.setId("cpuGantt");
        viewModel.ganttProperty().addListener((obs, was, now) -> gantt.show(now));
        viewModel.ganttMarkProperty().addListener((obs, was, now) -> gantt.mark(now));
        Label ganttTitle = new Label();
        ganttTitle.textProperty().bind(viewModel.focusHostProperty().map(h -> i18n.format("cpu.gantt.title", h)));
        ganttTitle.getStyleClass().add("section-title");
        VBox ganttBox = new VBox(2, ganttTitle, gantt);
        menus.canvas(ganttBox, () -> ganttTitle.getText().isEmpty() ? i18n.get("export.name.gantt") : ganttTitle.getText());
        VBox.setVgrow(gantt, Priority.ALWAYS);

        TableView<VmCpuRow> table = new TableView<>(viewModel.rows());
        table.setId("cpuTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(nameColumn(i18n));
        table.getColumns().add(column(i18n, GHZ_WIDTH, "cpu.col.demand", "cpu.col.demand.help", VmCpuRow::demandProperty));
        table.getColumns().add(column(i18n, GHZ_WIDTH, "cpu.col.entitlement", "cpu.col.entitlement.help", VmCpuRow::entitlementProperty));
        table.getColumns().add(column(i18n, GHZ_WIDTH, "cpu.col.used", "cpu.col.used.help", VmCpuRow::usedProperty));
        table.getColumns().add(column(i18n, PERCENT_WIDTH, "cpu.col.ready", "cpu.col.ready.help", VmCpuRow::readyProperty));
        table.getColumns().add(column(i18n, PERCENT_WIDTH, "cpu.col.steal", "cpu.col.steal.help", VmCpuRow::stealProperty));
        table.getColumns().add(column(i18n, PERCENT_WIDTH, "cpu.col.limited", "cpu.col.limited.help", VmCpuRow::limitedProperty));
        table.getColumns().add(column(i18n, STATE_WIDTH, "cpu.col.state", "cpu.col.state.help", VmCpuRow::stateProperty));
        VmTableColumns.explainHeaders(table, Tooltip::new);
        table.setPlaceholder(new Label(i18n.get("cpu.table.empty")));
        table.setFixedCellSize(30);

        TextArea derivation = new TextArea();
        derivation.setId("cpuDerivation");
        derivation.setEditable(false);
        derivation.setWrapText(true);
        derivation.textProperty().bind(viewModel.derivationProperty());
        derivation.getStyleClass().add("derivation");

        Tab slicesTab = new Tab(i18n.get("cpu.tab.slices"), ganttBox);
        slicesTab.setId("cpuSlicesTab");
        Tab explainTab = new Tab(i18n.get("cpu.tab.explain"), derivation);
        explainTab.setId("cpuExplainTab");
        TabPane details = new TabPane(explainTab, slicesTab);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.setId("cpuDetails");
        viewModel.ganttMarkProperty().addListener((obs, was, now) -> {
            if (now != null) {
                details.getSelectionModel().select(slicesTab); // a selected vCPU switch is shown in its slice
            }
        });
        SplitPane split = new SplitPane(viewer, table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38, 0.64);
        root.setCenter(split);
        root.setPadding(new Insets(4));
    }

    public BorderPane root() {
        return root;
    }

    private static TableColumn<VmCpuRow, String> nameColumn(I18n i18n) {
        TableColumn<VmCpuRow, String> c = VmTableColumns.name(i18n.get("cpu.col.vm"));
        c.setPrefWidth(110);
        return c;
    }

    /**
     * Column widths at 100 % (presenter mode widens them with the text): "13.26 GHz" needs more than "66.7 %", and
     * "On" less again; the last column takes what is left over.
     */
    private static final double GHZ_WIDTH = 92;
    private static final double PERCENT_WIDTH = 72;
    private static final double STATE_WIDTH = 60;

    private static TableColumn<VmCpuRow, String> column(I18n i18n, double minWidth, String key, String help,
            Function<VmCpuRow, ObservableValue<String>> value) {
        TableColumn<VmCpuRow, String> c = VmTableColumns.value(i18n.get(key), i18n.get(help), value);
        c.setMinWidth(minWidth);
        return c;
    }
}
