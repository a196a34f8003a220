package org.virtlab.ui.properties;

import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.virtlab.ui.i18n.I18n;

/** The right-hand panel: a ControlsFX property sheet of the selection, grouped by category. */
public final class PropertiesView {
    private final BorderPane root = new BorderPane();

    public PropertiesView(PropertiesViewModel viewModel, I18n i18n) {
        Label heading = new Label();
        heading.textProperty().bind(viewModel.headingProperty());
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        PropertySheet sheet = new PropertySheet();
        sheet.setId("propertySheet");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(item -> new ReadOnlyEditor(item));
        viewModel.rows().addListener((ListChangeListener<PropertyRow>) c ->
                sheet.getItems().setAll(viewModel.rows().stream().map(Item::new).toList()));
        sheet.getItems().setAll(viewModel.rows().stream().map(Item::new).toList());
        root.setTop(heading);
        root.setCenter(sheet);
        viewModel.qosEditorProperty().addListener((obs, was, now) ->
                root.setBottom(now == null ? null : new VmQosEditor(now, i18n).root()));
        root.getStyleClass().add("properties-panel");
        root.setMinWidth(300);
        root.setPrefWidth(300);
        root.setMaxWidth(300);
        root.setAccessibleText(i18n.get("props.panel"));
    }

    public BorderPane root() {
        return root;
    }

    private record Item(PropertyRow row) implements PropertySheet.Item {
        @Override
        public Class<?> getType() {
            return String.class;
        }

        @Override
        public String getCategory() {
            return row.category();
        }

        @Override
        public String getName() {
            return row.name();
        }

        @Override
        public String getDescription() {
            return row.description();
        }

        @Override
        public Object getValue() {
            return row.value();
        }

        @Override
        public void setValue(Object value) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public Optional<javafx.beans.value.ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }

        /** True so that the sheet doesn't grey the value out; the editor is a label and never writes. */
        @Override
        public boolean isEditable() {
            return true;
        }
    }

    /** Shows the value as wrapping text (long goals stay readable), never editable. */
    private static final class ReadOnlyEditor implements PropertyEditor<Object> {
        private final Label label = new Label();

        ReadOnlyEditor(PropertySheet.Item item) {
            label.setWrapText(true);
            label.setText(String.valueOf(item.getValue()));
        }

        @Override
        public javafx.scene.Node getEditor() {
            return label;
        }

        @Override
        public Object getValue() {
            return label.getText();
        }

        @Override
        public void setValue(Object value) {
            label.setText(String.valueOf(value));
        }
    }
}
