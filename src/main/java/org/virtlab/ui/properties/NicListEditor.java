package org.virtlab.ui.properties;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/**
 * The VM's network adapters: per NIC its name and a remove button, and under them what it is plugged into
 * (a drop-down of what it can reach); Add under them all. Every choice applies at once.
 */
final class NicListEditor {
    private final VBox root = new VBox(6);
    private final GridPane grid = new GridPane();
    private final NicListEditorModel model;
    private final I18n i18n;

    NicListEditor(NicListEditorModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        grid.setId("nicRows");
        grid.setVgap(2);
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        grid.getColumnConstraints().setAll(column);
        model.rows().addListener((ListChangeListener<NicListEditorModel.Row>) c -> showRows());
        showRows();
        Button add = new Button(i18n.get("nics.add"));
        add.setId("nicAdd");
        add.setTooltip(new Tooltip(i18n.format("nics.add.help", Integer.toString(org.virtlab.engine.model.VmSpec.MAX_NICS))));
        add.disableProperty().bind(model.canAddProperty().not());
        add.setOnAction(e -> model.add());
        root.getChildren().addAll(EditorForm.heading(i18n.get("nics.heading")), grid, add,
                FormControls.note(i18n.get("nics.note")));
        root.setId("nicEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    private void showRows() {
        grid.getChildren().clear();
        if (model.rows().isEmpty()) {
            grid.add(FormControls.note(i18n.get("nics.none")), 0, 0);
            return;
        }
        int r = 0;
        for (NicListEditorModel.Row row : model.rows()) {
            // the name and remove button on one line, the choice under them across the panel: the labels
            // ("backend (Isolated network)") need the width
            Label name = new Label(row.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            ComboBox<NicListEditorModel.Choice> choice = new ComboBox<>();
            choice.setId("nicChoice" + row.index());
            choice.getItems().setAll(model.choices());
            choice.setCellFactory(list -> new TextCell<>(NicListEditorModel.Choice::label));
            choice.setButtonCell(new TextCell<>(NicListEditorModel.Choice::label));
            choice.valueProperty().bindBidirectional(row.choiceProperty());
            choice.setMaxWidth(Double.MAX_VALUE);
            choice.setMinWidth(0);
            choice.setPrefWidth(60); // the panel's width, not the longest label's
            name.setLabelFor(choice);
            Button remove = new Button("✕");
            remove.setId("nicRemove" + row.index());
            remove.setTooltip(new Tooltip(i18n.format("nics.remove", row.name())));
            remove.setAccessibleText(i18n.format("nics.remove", row.name()));
            remove.setOnAction(e -> model.remove(row.index()));
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox head = new HBox(6, name, gap, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            GridPane.setHgrow(head, Priority.ALWAYS);
            GridPane.setHgrow(choice, Priority.ALWAYS);
            grid.add(head, 0, r++);
            grid.add(choice, 0, r++);
            grid.add(FormControls.errorLine(row.problemBinding(), "nicProblem" + row.index()), 0, r++);
        }
        grid.setAlignment(Pos.TOP_LEFT);
    }
}
