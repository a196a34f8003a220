package org.virtlab.ui.properties;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The right-hand panel: the selection's properties grouped by category, and under them the editors of
 * the selection (a VM's CPU QoS, workload, name and size, pinning; a host's CPU policy, name and
 * hardware), all in one scroll pane.
 */
public final class PropertiesView {
    private final BorderPane root = new BorderPane();
    private final VBox editors = new VBox();
    private final ScrollPane editorsScroll = new ScrollPane();
    private Node qos;
    private Node workload;
    private Node size;
    private Node hostPolicy;
    private Node pinning;
    private Node hardware;

    public PropertiesView(PropertiesViewModel viewModel, I18n i18n) {
        Label heading = new Label();
        heading.textProperty().bind(viewModel.headingProperty());
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        PropertyGrid grid = new PropertyGrid();
        viewModel.rows().addListener((ListChangeListener<PropertyRow>) c -> grid.show(List.copyOf(viewModel.rows())));
        grid.show(List.copyOf(viewModel.rows()));
        VBox content = new VBox(8, grid.root(), editors);
        content.setPadding(new javafx.geometry.Insets(0, 8, 8, 8));
        editorsScroll.setContent(content);
        editorsScroll.setId("propertyEditors");
        editorsScroll.setFitToWidth(true);
        editorsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setTop(heading);
        root.setCenter(editorsScroll);
        viewModel.qosEditorProperty().addListener((obs, was, now) -> {
            qos = now == null ? null : new VmQosEditor(now, i18n).root();
            showEditors();
        });
        viewModel.sizeEditorProperty().addListener((obs, was, now) -> {
            size = now == null ? null : new VmSizeEditor(now, i18n).root();
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
        viewModel.pinningEditorProperty().addListener((obs, was, now) -> {
            pinning = now == null ? null : new PinningEditor(now, i18n).root();
            showEditors();
        });
        viewModel.hardwareEditorProperty().addListener((obs, was, now) -> {
            hardware = now == null ? null : new HostHardwareEditor(now, i18n).root();
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
        List<Node> wanted = Stream.of(qos, workload, size, pinning, hostPolicy, hardware).filter(Objects::nonNull).toList();
        List<Node> shown = editors.getChildren();
        shown.retainAll(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= shown.size() || shown.get(i) != wanted.get(i)) {
                shown.add(i, wanted.get(i));
            }
        }

    }
}
