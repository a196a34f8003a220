package org.virtlab.ui.properties;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.io.VirtioBackend;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.ModeKind;

/**
 * The VM's I/O devices form: Add device (a menu of the kinds) and Remove for the device shown; which device, what its
 * guest asks of it, its way of I/O virtualization with that way's settings (only those of the way chosen are shown),
 * and interrupt coalescing. Apply or Enter commits; a wrong value shows in red under its field with the allowed
 * range and is never applied. The choices whose names are longer than half the panel (the load, the mode, the
 * back-end, ...) sit under their label across the panel, as the CPU QoS form's shares do, so each reads in full.
 */
final class DeviceEditor {
    private final VBox root = new VBox(6);

    DeviceEditor(DeviceEditorModel model, I18n i18n) {
        MenuButton add = new MenuButton(i18n.get("device.add"));
        add.setId("deviceAdd");
        add.setTooltip(new Tooltip(i18n.get("device.add.help")));
        for (DeviceTemplate t : model.templates()) {
            MenuItem item = new MenuItem(model.label(t));
            item.setId("deviceAdd-" + t.name());
            item.setOnAction(e -> model.add(t));
            add.getItems().add(item);
        }
        Button remove = new Button();
        remove.setId("deviceRemove");
        remove.textProperty().bind(model.removeText());
        remove.setTooltip(new Tooltip(i18n.get("device.remove.help")));
        remove.visibleProperty().bind(model.hasDevices()); // nothing to remove: only Add device shows
        remove.managedProperty().bind(model.hasDevices());
        remove.setOnAction(e -> model.remove());
        FlowPane actions = new FlowPane(8, 4, add, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label none = FormControls.note(i18n.get("device.none"));
        none.setId("deviceNone");
        none.visibleProperty().bind(model.hasDevices().not());
        none.managedProperty().bind(none.visibleProperty());

        EditorForm form = new EditorForm(i18n);
        ObservableBooleanValue any = model.hasDevices();
        ComboBox<String> device = combo("deviceId", List.of(), s -> s, model.deviceProperty());
        device.setItems(model.deviceIds());
        form.field("device.device", device, null, null, any);
        form.stacked("device.requests", combo("deviceRequests", List.of(IoKind.values()), model::label,
                model.requestsProperty()), any);
        form.stacked("device.loop", combo("deviceLoop", List.of(DeviceEditorModel.Loop.values()), model::label,
                model.loopProperty()), any);
        number(form, model, model.queueDepth(), "deviceQueueDepth", model.closedLoop());
        number(form, model, model.rate(), "deviceRate", model.openLoop());
        number(form, model, model.requestBytes(), "deviceRequestBytes", any);
        form.stacked("device.mode", combo("deviceMode", List.of(ModeKind.values()), model::label,
                model.modeProperty()), any);
        form.stacked("device.model", combo("deviceModel", List.of(EmulatedModel.values()), model::label,
                model.modelProperty()), model.emulatedMode());
        number(form, model, model.accessesPerRequest(), "deviceAccessesPerRequest", model.emulatedMode());
        number(form, model, model.accessesPerInterrupt(), "deviceAccessesPerInterrupt", model.emulatedMode());
        number(form, model, model.queueSize(), "deviceQueueSize", model.virtioMode());
        number(form, model, model.requestsPerKick(), "deviceRequestsPerKick", model.virtioMode());
        form.stacked("device.suppression", combo("deviceSuppression", List.of(Suppression.values()), model::label,
                model.suppressionProperty()), model.virtioMode());
        form.field("device.indirect", check("deviceIndirect", model.indirectProperty()), null, null,
                model.virtioMode());
        form.stacked("device.backend", combo("deviceBackend", List.of(VirtioBackend.values()), model::label,
                model.backendProperty()), model.virtioMode());
        form.field("device.posted", check("devicePosted", model.postedProperty()), null, null,
                model.passthroughMode());
        number(form, model, model.iotlbEntries(), "deviceIotlbEntries", model.passthroughMode());
        number(form, model, model.coalesceCompletions(), "deviceCoalesceCompletions", any);
        number(form, model, model.coalesceDelay(), "deviceCoalesceDelay", any);
        form.wide(FormControls.errorLine(model.errorProperty(), "deviceError"));
        Label note = FormControls.note(i18n.get("device.note"));
        Button apply = FormControls.applyButton(i18n, "deviceApply", model::commit);
        for (javafx.scene.Node n : new javafx.scene.Node[] {note, apply}) {
            n.visibleProperty().bind(model.hasDevices());
            n.managedProperty().bind(model.hasDevices());
        }
        root.getChildren().addAll(EditorForm.heading(i18n.get("device.heading")), none, actions, form.grid(), note,
                apply);
        root.setId("deviceEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    private static void number(EditorForm form, DeviceEditorModel model, NumberField field, String id,
                               ObservableBooleanValue shown) {
        TextField f = FormControls.checkedField(id, field.textProperty(), () -> { }, model::commit);
        form.field(field.key(), f, field.errorProperty(), id + "Error", shown);
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> label,
                                         ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setCellFactory(list -> new TextCell<>(label));
        box.setButtonCell(new TextCell<>(label));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static CheckBox check(String id, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox();
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }
}
