package org.virtlab.ui.palette;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.i18n.I18n;

/**
 * The palette of things a lesson is built from. Shown disabled, with a one-line note: dragging them onto
 * the canvas comes with the topology editor, and nothing here pretends otherwise.
 */
public final class PaletteView {
    private final VBox root = new VBox(6);

    public PaletteView(I18n i18n) {
        Label heading = new Label(i18n.get("palette.heading"));
        heading.getStyleClass().add("panel-heading");
        root.getChildren().add(heading);
        item(i18n, "palette.host", "mdi2s-server");
        item(i18n, "palette.vm", "mdi2m-monitor");
        item(i18n, "palette.net.isolated", "mdi2l-lan-disconnect");
        item(i18n, "palette.net.nat", "mdi2s-swap-horizontal");
        item(i18n, "palette.net.routed", "mdi2r-router-network");
        item(i18n, "palette.net.bridged", "mdi2b-bridge");
        Label note = new Label(i18n.get("palette.note.notYet"));
        note.setWrapText(true);
        note.getStyleClass().add("tab-note");
        root.getChildren().add(note);
        root.setPadding(new Insets(8));
        root.setPrefWidth(180);
        root.setMinWidth(180);
        root.setMaxWidth(180);
        root.getStyleClass().add("palette");
    }

    private void item(I18n i18n, String key, String icon) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(22);
        Label label = new Label(i18n.get(key), glyph);
        label.getStyleClass().add("palette-item");
        label.setDisable(true);
        label.setMaxWidth(Double.MAX_VALUE);
        Tooltip.install(label, new Tooltip(i18n.get(key + ".tip")));
        root.getChildren().add(label);
    }

    public VBox root() {
        return root;
    }
}
