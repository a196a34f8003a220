package org.virtlab.ui.properties;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.virtlab.ui.i18n.I18n;

/** The pieces every editor form is made of: committing text fields, labels with help, error lines. */
final class FormControls {
    private FormControls() {
    }

    /** A text field bound to {@code text} that commits on Enter and when it loses the focus. */
    static TextField textField(String id, StringProperty text, Runnable commit) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(text);
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        f.setPrefColumnCount(6);
        return f;
    }

    /**
     * A text field for an edit that restarts the simulation: leaving it only checks what was typed (its
     * message shows at once), Enter applies the form, so moving between fields never restarts anything.
     */
    static TextField checkedField(String id, StringProperty text, Runnable check, Runnable apply) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(text);
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                check.run();
            }
        });
        f.setPrefColumnCount(6);
        return f;
    }

    /** A control's id from its bundle key: "memActivity.imagePercent" → "memActivityImagePercent". */
    static String idOf(String key) {
        int dot = key.indexOf('.');
        return key.substring(0, dot) + Character.toUpperCase(key.charAt(dot + 1)) + key.substring(dot + 2);
    }

    /** A muted, wrapping note from the bundle, e.g. what Apply does to the running simulation. */
    static Label note(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("tab-note");
        note.setWrapText(true);
        return note;
    }

    /** A label from the bundle, its help ({@code key + ".help"}) as tooltip; it never shrinks. */
    static Label label(I18n i18n, String key) {
        Label l = new Label(i18n.get(key));
        l.setTooltip(new Tooltip(i18n.get(key + ".help")));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The form's Apply button: commits all its fields at once. */
    static Button applyButton(I18n i18n, String id, Runnable commit) {
        Button apply = new Button(i18n.get("qos.apply"));
        apply.setId(id);
        apply.setOnAction(e -> commit.run());
        return apply;
    }

    /** A wrapping line bound to a result the model works out from the fields as typed (e.g. shares per MiB). */
    static Label result(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty()); // nothing to work out: no empty row
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A red line under a field, shown only while {@code message} is not empty. */
    static Label errorLine(ObservableStringValue message, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(message);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
