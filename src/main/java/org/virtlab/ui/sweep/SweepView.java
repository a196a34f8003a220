package org.virtlab.ui.sweep;

import java.io.File;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;

/**
 * The Sweep window: parameter, range and metric on top, Run and Cancel with a progress bar, the chart of metric
 * against parameter, and Save PNG / SVG / CSV. Its own window beside the main one, which stays usable while a
 * sweep runs. Builds and binds; the work is in {@link SweepViewModel}.
 */
public final class SweepView {
    private final SweepViewModel viewModel;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final ChartViewer viewer;

    public SweepView(SweepViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        root.setId("sweepRoot");
        root.getStyleClass().add("sweep");

        ComboBox<SweepChoice> parameter = combo("sweepParameter", viewModel.parameters());
        parameter.valueProperty().bindBidirectional(viewModel.parameterProperty());
        ComboBox<SweepChoice> metric = combo("sweepMetric", viewModel.metrics());
        metric.valueProperty().bindBidirectional(viewModel.metricProperty());
        TextField from = field("sweepFrom", viewModel.fromProperty());
        TextField to = field("sweepTo", viewModel.toProperty());
        TextField step = field("sweepStep", viewModel.stepProperty());
        TextField seconds = field("sweepSeconds", viewModel.secondsProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, grow);
        form.addRow(0, label("sweep.parameter"), parameter);
        HBox range = new HBox(8, label("sweep.from"), from, label("sweep.to"), to, label("sweep.step"), step,
                label("sweep.seconds"), seconds);
        range.setAlignment(Pos.CENTER_LEFT);
        form.addRow(1, label("sweep.range"), range);
        VBox errors = new VBox(2, error(viewModel.fromErrorProperty(), "sweepFromError", "sweep.from"),
                error(viewModel.toErrorProperty(), "sweepToError", "sweep.to"),
                error(viewModel.stepErrorProperty(), "sweepStepError", "sweep.step"),
                error(viewModel.secondsErrorProperty(), "sweepSecondsError", "sweep.seconds"));
        form.add(errors, 1, 2);
        form.addRow(3, label("sweep.metric"), metric);

        Button run = ViewParts.button("sweepRun", "mdi2p-play", i18n.get("sweep.run"), i18n.get("sweep.run.help"),
                viewModel::run);
        run.disableProperty().bind(viewModel.canRunProperty().not());
        Button cancel = ViewParts.button("sweepCancel", "mdi2s-stop", i18n.get("sweep.cancel"),
                i18n.get("sweep.cancel.help"), viewModel::cancel);
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("sweepProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(220);
        Label status = new Label();
        status.setId("sweepStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        viewModel.failedProperty().addListener((obs, was, now) -> {
            if (now) {
                status.getStyleClass().add("field-error");
            } else {
                status.getStyleClass().remove("field-error");
            }
        });
        HBox controls = new HBox(10, run, cancel, bar, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        VBox top = new VBox(10, form, controls);
        top.setPadding(new Insets(12));
        root.setTop(top);

        viewer = new ChartViewer(viewModel.chart().chart());
        viewer.setId("sweepChart");
        root.setCenter(viewer);

        Button png = save("sweepSavePng", "sweep.savePng", "*.png", "filter.png", "sweep.png", viewModel::savePng);
        Button svg = save("sweepSaveSvg", "sweep.saveSvg", "*.svg", "sweep.filter.svg", "sweep.svg",
                viewModel::saveSvg);
        Button csv = save("sweepSaveCsv", "sweep.saveCsv", "*.csv", "sweep.filter.csv", "sweep.csv",
                viewModel::saveCsv);
        HBox saves = new HBox(10, png, svg, csv);
        saves.setAlignment(Pos.CENTER_RIGHT);
        saves.setPadding(new Insets(8, 12, 12, 12));
        root.setBottom(saves);
    }

    public BorderPane root() {
        return root;
    }

    /** Shows the dialog in its own window beside {@code owner}; closing it cancels a sweep still running. */
    public Stage show(Window owner) {
        return ViewParts.window(owner, i18n.get("sweep.title"), root, 1000, 680, viewModel::cancel);
    }

    private Label label(String key) {
        Label l = new Label(i18n.get(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> ComboBox<T> combo(String id, javafx.collections.ObservableList<T> items) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setVisibleRowCount(14);
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        f.textProperty().bindBidirectional(text);
        return f;
    }

    private Label error(ObservableStringValue message, String id, String fieldKey) {
        ObservableStringValue shown = javafx.beans.binding.Bindings.createStringBinding(
                () -> message.get().isEmpty() ? "" : i18n.format("sweep.fieldError", i18n.get(fieldKey), message.get()),
                message);
        return ViewParts.errorLine(shown, id);
    }

    private Button save(String id, String key, String pattern, String filterKey, String initial,
                        Function<java.nio.file.Path, Optional<String>> action) {
        Button b = ViewParts.button(id, "mdi2c-content-save-outline", i18n.get(key), i18n.get(key), () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get(key));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get(filterKey), pattern));
            chooser.setInitialFileName(initial);
            File chosen = chooser.showSaveDialog(root.getScene().getWindow());
            if (chosen != null) {
                action.apply(chosen.toPath()).ifPresent(this::showError);
            }
        });
        b.disableProperty().bind(viewModel.hasPointsProperty().not().or(viewModel.runningProperty()));
        return b;
    }

    private void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(root.getScene().getWindow());
        alert.setHeaderText(null);
        alert.show();
    }
}
