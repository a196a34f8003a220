package org.virtlab.ui.properties;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** The selected wire's one action: Disconnect, which unplugs its NIC. */
final class WireEditor {
    private final VBox root = new VBox(6);

    WireEditor(WireEditorModel model, I18n i18n) {
        Button disconnect = new Button(i18n.get("wire.disconnect"));
        disconnect.setId("wireDisconnect");
        disconnect.setTooltip(new Tooltip(i18n.get("wire.disconnect.help")));
        disconnect.setDisable(!model.connected());
        disconnect.setOnAction(e -> model.disconnect());
        root.getChildren().addAll(disconnect, FormControls.note(i18n.get("wire.disconnect.help")));
        root.setId("wireEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }
}
