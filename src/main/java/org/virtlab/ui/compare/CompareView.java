package org.virtlab.ui.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.charts.CompareChart;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.properties.PropertiesView;

/**
 * The Compare window: on top what B changes of A, the duration, Run and Stop with a progress bar; on the left B's
 * elements and the property panel that edits B; in the middle the overlay charts (CPU, memory) in tabs, and under
 * them the table of summary differences with "Only differences". Its own window beside the main one; closing it
 * stops a run. Builds and binds; the work is in {@link CompareViewModel}.
 */
public final class CompareView {
    private static final double ROW_HEIGHT = 28;

    private final CompareViewModel viewModel;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();

    public CompareView(CompareViewModel viewModel, I18n i18n, ChartMenus chartMenus) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        root.setId("compareRoot");
        root.getStyleClass().add("compare");
        root.getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());
        root.setTop(top());
        root.setLeft(editorOfB());
        root.setCenter(results(chartMenus));
    }

    public BorderPane root() {
        return root;
    }

    /** Shows the window beside {@code owner}; closing it stops a run still going. */
    public Stage show(Window owner) {
        return ViewParts.window(owner, i18n.get("compare.title"), root, 1280, 720,
                viewModel::stop);
    }

    private VBox top() {
        Label changes = new Label();
        changes.setId("compareChanges");
        changes.getStyleClass().add("compare-changes");
        changes.textProperty().bind(viewModel.changesProperty());
        changes.setMaxWidth(Double.MAX_VALUE);
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(viewModel.changesDetailProperty());
        changes.setTooltip(detail);

        TextField seconds = new TextField();
        seconds.setId("compareSeconds");
        seconds.setPrefColumnCount(5);
        seconds.textProperty().bindBidirectional(viewModel.secondsProperty());
        Label secondsLabel = new Label(i18n.get("compare.seconds"));
        secondsLabel.setMinWidth(Region.USE_PREF_SIZE);
        secondsLabel.setLabelFor(seconds);
        Button run = ViewParts.button("compareRun", "mdi2p-play", i18n.get("compare.run"), i18n.get("compare.run.help"),
                viewModel::run);
        run.disableProperty().bind(viewModel.canRunProperty().not());
        Button stop = ViewParts.button("compareStop", "mdi2s-stop", i18n.get("compare.stop"),
                i18n.get("compare.stop.help"), viewModel::stop);
        stop.disableProperty().bind(viewModel.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("compareProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(200);
        bar.setMinWidth(120);
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMinWidth(0);
        viewModel.failedProperty().addListener((obs, was, now) -> {
            if (now) {
                status.getStyleClass().add("field-error");
            } else {
                status.getStyleClass().remove("field-error");
            }
        });
        HBox controls = new HBox(10, secondsLabel, seconds, run, stop, bar, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label blocked = ViewParts.errorLine(viewModel.runBlockedProperty(), "compareRunBlocked");
        VBox top = new VBox(6, changes, controls, blocked);
        top.setPadding(new Insets(10, 12, 8, 12));
        return top;
    }

    private VBox editorOfB() {
        Label heading = new Label(i18n.format("compare.editB")); // a MessageFormat text: '' is an apostrophe
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        ListView<CompareViewModel.Element> list = new ListView<>(viewModel.elements());
        list.setId("compareElements");
        // every element in view up to eight rows (a lesson has a handful); the property panel takes the rest
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(8, Math.max(1, viewModel.elements().size())) * ROW_HEIGHT + 4, viewModel.elements()));
        list.setMinHeight(Region.USE_PREF_SIZE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CompareViewModel.Element item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setPadding(new Insets(2, 6, 2, 6 + 16 * (empty || item == null ? 0 : item.depth())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.show(now);
            }
        });
        // the list is rebuilt after an edit (a new name): keep the element shown selected
        viewModel.elements().addListener((javafx.collections.ListChangeListener<CompareViewModel.Element>) c -> {
            String id = viewModel.selection().selectedId().orElse(null);
            viewModel.elements().stream().filter(e -> java.util.Objects.equals(e.id(), id)).findFirst()
                    .ifPresent(e -> list.getSelectionModel().select(e));
        });
        PropertiesView properties = new PropertiesView(viewModel.properties(), i18n);
        VBox.setVgrow(properties.root(), Priority.ALWAYS);
        VBox left = new VBox(6, heading, list, properties.root());
        left.setId("compareEditor");
        left.getStyleClass().add("compare-editor");
        left.setPadding(new Insets(0, 0, 8, 8));
        left.setPrefWidth(310);
        left.setMinWidth(310);
        left.setMaxWidth(310);
        return left;
    }

    private SplitPane results(ChartMenus chartMenus) {
        TabPane charts = new TabPane(
                chartTab("compareCpuTab", "compare.tab.cpu", "compareCpuChart", viewModel.cpuChart(), chartMenus),
                chartTab("compareMemoryTab", "compare.tab.memory", "compareMemoryChart", viewModel.memoryChart(),
                        chartMenus));
        if (viewModel.hasDevices()) {
            charts.getTabs().add(chartTab("compareIoTab", "compare.tab.io", "compareIoChart", viewModel.ioChart(),
                    chartMenus));
        }
        charts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        charts.setId("compareCharts");

        Label tableHeading = new Label(i18n.get("compare.table.title"));
        tableHeading.getStyleClass().add("panel-heading");
        CheckBox only = new CheckBox(i18n.get("compare.onlyDifferences"));
        only.setId("compareOnlyDifferences");
        only.selectedProperty().bindBidirectional(viewModel.onlyDifferencesProperty());
        HBox header = new HBox(16, tableHeading, only);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox table = new VBox(4, header, table());
        VBox.setVgrow(table.getChildren().get(1), Priority.ALWAYS);
        table.setPadding(new Insets(6, 12, 8, 8));

        SplitPane split = new SplitPane(charts, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        return split;
    }

    private Tab chartTab(String tabId, String key, String viewerId, CompareChart chart, ChartMenus chartMenus) {
        ChartViewer viewer = new ChartViewer(chart.chart());
        viewer.setId(viewerId);
        chartMenus.chart(viewer);
        Tab tab = new Tab(i18n.get(key), viewer);
        tab.setId(tabId);
        return tab;
    }

    private TableView<SummaryDiff.Row> table() {
        TableView<SummaryDiff.Row> table = new TableView<>(viewModel.shownRows());
        table.setId("compareTable");
        table.setFixedCellSize(32); // a few more rows in view on a 720-pixel-high projector
        table.setPlaceholder(new Label(i18n.get("compare.table.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("compare.col.element", 140, SummaryDiff.Row::element));
        table.getColumns().add(column("compare.col.metric", 240, SummaryDiff.Row::metric));
        table.getColumns().add(number("compare.col.a", r -> shown(r.a(), false)));
        table.getColumns().add(number("compare.col.b", r -> shown(r.b(), false)));
        table.getColumns().add(number("compare.col.delta", r -> shown(r.delta(), true)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SummaryDiff.Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("compare-differs");
                if (!empty && item != null && item.differs()) {
                    getStyleClass().add("compare-differs");
                }
            }
        });
        return table;
    }

    private TableColumn<SummaryDiff.Row, String> column(String key, double width,
                                                        Function<SummaryDiff.Row, String> text) {
        TableColumn<SummaryDiff.Row, String> c = new TableColumn<>(i18n.get(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> constant(text.apply(f.getValue())));
        return c;
    }

    private TableColumn<SummaryDiff.Row, String> number(String key, Function<SummaryDiff.Row, String> text) {
        TableColumn<SummaryDiff.Row, String> c = column(key, 110, text);
        c.getStyleClass().add("compare-number");
        return c;
    }

    private static ObservableValue<String> constant(String text) {
        return new ReadOnlyStringWrapper(text).getReadOnlyProperty();
    }

    /** Three decimals at most (summary.json keeps six), a sign on a difference; "–" where a run has no value. */
    static String shown(BigDecimal value, boolean signed) {
        if (value == null) {
            return "–";
        }
        BigDecimal rounded = value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        String text = rounded.toPlainString();
        return signed && rounded.signum() > 0 ? "+" + text : text;
    }
}
