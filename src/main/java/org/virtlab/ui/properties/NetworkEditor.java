package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;

/**
 * The network's form: name, mode (each with its one-line explanation in the list, the chosen one's under
 * it with libvirt's element), subnet (hidden for bridged networks) and bridge, each with its error line.
 * Leaving a field checks it; Enter or Apply applies the form.
 */
final class NetworkEditor {
    private final VBox root = new VBox(6);

    NetworkEditor(NetworkEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        TextField name = FormControls.checkedField("networkName", model.nameProperty(), model::check, model::commit);
        form.field("network.name", name, model.nameErrorProperty(), "networkNameError");

        ComboBox<NetworkMode> mode = new ComboBox<>();
        mode.setId("networkMode");
        mode.getItems().setAll(NetworkMode.values());
        mode.setCellFactory(list -> new ExplainedCell<>(model::modeLabel, model::modeExplanation));
        mode.setButtonCell(new TextCell<>(model::modeLabel));
        mode.setVisibleRowCount(NetworkMode.values().length);
        mode.valueProperty().bindBidirectional(model.modeProperty());
        form.stacked("network.mode", mode);
        Label explained = new Label();
        explained.setId("networkModeExplanation");
        explained.textProperty().bind(model.chosenModeExplanation());
        explained.getStyleClass().add("tab-note");
        explained.setWrapText(true);
        form.wide(explained);

        TextField subnet = FormControls.checkedField("networkSubnet", model.subnetProperty(), model::check, model::commit);
        subnet.setPromptText("192.168.122.0/24");
        form.field("network.subnet", subnet, model.subnetErrorProperty(), "networkSubnetError", model.subnetNeeded());
        TextField bridge = FormControls.checkedField("networkBridge", model.bridgeProperty(), model::check, model::commit);
        form.field("network.bridge", bridge, model.bridgeErrorProperty(), "networkBridgeError");

        Button apply = FormControls.applyButton(i18n, "networkApply", model::commit);
        root.getChildren().addAll(EditorForm.heading(i18n.get("network.heading")), form.grid(),
                FormControls.note(i18n.get("network.note")), apply);
        root.setId("networkEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
