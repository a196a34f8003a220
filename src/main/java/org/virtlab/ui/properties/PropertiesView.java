package org.virtlab.ui.properties;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * The right-hand panel: a ControlsFX property sheet of the selection, grouped by category, and under it
 * the editors of the selection (a VM's CPU QoS and workload, a host's CPU policy) in a scroll pane that
 * takes at most 60 % of the panel's height, so the sheet stays in view.
 */
public final class PropertiesView {
    private static final double EDITORS_SHARE = 0.6;
    private final BorderPane root = new BorderPane();
    private final VBox editors = new VBox();
    private final ScrollPane editorsScroll = new ScrollPane(editors);
    private Node qos;
    private Node workload;
    private Node hostPolicy;

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
        editorsScroll.setId("propertyEditors");
        editorsScroll.setFitToWidth(true);
        editorsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        editorsScroll.maxHeightProperty().bind(root.heightProperty().multiply(EDITORS_SHARE));
        viewModel.qosEditorProperty().addListener((obs, was, now) -> {
            qos = now == null ? null : new VmQosEditor(now, i18n).root();
            showEditors();
        });
        viewModel.workloadEditorProperty().addListener((obs, was, now) -> {
            workload = now == null ? null : new WorkloadEditor(now, i18n).root();
            showEditors();
        });
        viewModel.hostPolicyEditorProperty().addListener((obs, was, now) -> {
            hostPolicy = now == null ? null : new HostCpuPolicyEditor(now, i18n).root();
            showEditors();
        });
        root.getStyleClass().add("properties-panel");
        root.setMinWidth(300);
        root.setPrefWidth(300);
        root.setMaxWidth(300);
        root.setAccessibleText(i18n.get("props.panel"));
    }

    public BorderPane root() {
        return root;
    }

    /**
     * Puts the current editors in place, touching only those that changed: an editor kept across an edit
     * stays in the scene, so the field being typed in keeps the focus.
     */
    private void showEditors() {
        List<Node> wanted = Stream.of(qos, workload, hostPolicy).filter(Objects::nonNull).toList();
        List<Node> shown = editors.getChildren();
        shown.retainAll(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= shown.size() || shown.get(i) != wanted.get(i)) {
                shown.add(i, wanted.get(i));
            }
        }
        root.setBottom(wanted.isEmpty() ? null : editorsScroll);
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
