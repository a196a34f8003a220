package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The right-hand panel: the selection's properties grouped by category, and under them the editors of
 * the selection (a VM's CPU QoS, workload, memory QoS, memory activity, name and size, pinning, network
 * adapters, dirty rate and I/O devices; a host's CPU policy, name and hardware, memory policy; a network's, switch's or port group's form; a wire's Disconnect;
 * the lesson's migration settings), all in one scroll pane.
 */
public final class PropertiesView {
    private final BorderPane root = new BorderPane();
    private final VBox editors = new VBox();
    private final ScrollPane editorsScroll = new ScrollPane();
    /** The editors' nodes, one slot per editor in the order they are shown; null where there is none. */
    private final List<Node> slots = new ArrayList<>();

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
        slot(viewModel.qosEditorProperty(), m -> new VmQosEditor(m, i18n).root());
        slot(viewModel.workloadEditorProperty(), m -> new WorkloadEditor(m, i18n).root());
        slot(viewModel.memoryQosEditorProperty(), m -> new VmMemoryQosEditor(m, i18n).root());
        slot(viewModel.memoryActivityEditorProperty(), m -> new MemoryActivityEditor(m, i18n).root());
        slot(viewModel.sizeEditorProperty(), m -> new VmSizeEditor(m, i18n).root());
        slot(viewModel.pinningEditorProperty(), m -> new PinningEditor(m, i18n).root());
        slot(viewModel.nicEditorProperty(), m -> new NicListEditor(m, i18n).root());
        slot(viewModel.dirtyRateEditorProperty(), m -> new DirtyRateEditor(m, i18n).root());
        slot(viewModel.deviceEditorProperty(), m -> new DeviceEditor(m, i18n).root());
        slot(viewModel.hostPolicyEditorProperty(), m -> new HostCpuPolicyEditor(m, i18n).root());
        slot(viewModel.hardwareEditorProperty(), m -> new HostHardwareEditor(m, i18n).root());
        slot(viewModel.hostMemoryEditorProperty(), m -> new HostMemoryPolicyEditor(m, i18n).root());
        slot(viewModel.networkEditorProperty(), m -> new NetworkEditor(m, i18n).root());
        slot(viewModel.switchEditorProperty(), m -> new SwitchEditor(m, i18n).root());
        slot(viewModel.portGroupEditorProperty(), m -> new PortGroupEditor(m, i18n).root());
        slot(viewModel.wireEditorProperty(), m -> new WireEditor(m, i18n).root());
        slot(viewModel.migrationEditorProperty(), m -> new MigrationSettingsEditor(m, i18n).root());
        showEditors();
        root.getStyleClass().add("properties-panel");
        root.setMinWidth(300);
        root.setPrefWidth(300);
        root.setMaxWidth(300);
        root.setAccessibleText(i18n.get("props.panel"));
    }

    public BorderPane root() {
        return root;
    }

    /** The next slot shows the view {@code build} makes of the editor {@code model} holds, while it holds one. */
    private <M> void slot(ReadOnlyObjectProperty<M> model, Function<M, Node> build) {
        int index = slots.size();
        slots.add(model.get() == null ? null : build.apply(model.get()));
        model.addListener((obs, was, now) -> {
            slots.set(index, now == null ? null : build.apply(now));
            showEditors();
        });
    }

    /**
     * Puts the current editors in place, touching only those that changed: an editor kept across an edit
     * stays in the scene, so the field being typed in keeps the focus.
     */
    private void showEditors() {
        List<Node> wanted = slots.stream().filter(Objects::nonNull).toList();
        List<Node> shown = editors.getChildren();
        shown.retainAll(wanted);
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= shown.size() || shown.get(i) != wanted.get(i)) {
                shown.add(i, wanted.get(i));
            }
        }
    }
}
