package org.virtlab.ui.properties;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.io.VirtioBackend;
import org.virtlab.ui.common.TextCell;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.ModeKind;

/**
 * The VM's I/O devices form: which device, what its guest asks of it, its way of I/O virtualization with that way's
 * settings (only those of the way chosen are shown), and interrupt coalescing. Apply or Enter commits; a wrong value
 * shows in red under its field with the allowed range and is never applied.
 */
final class DeviceEditor {
    private final VBox root = new VBox(6);

    DeviceEditor(DeviceEditorModel model, I18n i18n) {
        EditorForm form = new EditorForm(i18n);
        ComboBox<String> device = combo("deviceId", model.deviceIds(), s -> s, model.deviceProperty());
        form.field("device.device", device, null, null);
        form.field("device.requests", combo("deviceRequests", List.of(IoKind.values()), model::label,
                model.requestsProperty()), null, null);
        form.field("device.loop", combo("deviceLoop", List.of(DeviceEditorModel.Loop.values()), model::label,
                model.loopProperty()), null, null);
        number(form, model, model.queueDepth(), "deviceQueueDepth", model.closedLoop());
        number(form, model, model.rate(), "deviceRate", model.openLoop());
        number(form, model, model.requestBytes(), "deviceRequestBytes", null);
        form.field("device.mode", combo("deviceMode", List.of(ModeKind.values()), model::label, model.modeProperty()),
                null, null);
        form.field("device.model", combo("deviceModel", List.of(EmulatedModel.values()), model::label,
                model.modelProperty()), null, null, model.emulatedMode());
        number(form, model, model.accessesPerRequest(), "deviceAccessesPerRequest", model.emulatedMode());
        number(form, model, model.accessesPerInterrupt(), "deviceAccessesPerInterrupt", model.emulatedMode());
        number(form, model, model.queueSize(), "deviceQueueSize", model.virtioMode());
        number(form, model, model.requestsPerKick(), "deviceRequestsPerKick", model.virtioMode());
        form.field("device.suppression", combo("deviceSuppression", List.of(Suppression.values()), model::label,
                model.suppressionProperty()), null, null, model.virtioMode());
        form.field("device.indirect", check("deviceIndirect", model.indirectProperty()), null, null,
                model.virtioMode());
        form.field("device.backend", combo("deviceBackend", List.of(VirtioBackend.values()), model::label,
                model.backendProperty()), null, null, model.virtioMode());
        form.field("device.posted", check("devicePosted", model.postedProperty()), null, null,
                model.passthroughMode());
        number(form, model, model.iotlbEntries(), "deviceIotlbEntries", model.passthroughMode());
        number(form, model, model.coalesceCompletions(), "deviceCoalesceCompletions", null);
        number(form, model, model.coalesceDelay(), "deviceCoalesceDelay", null);
        form.wide(FormControls.errorLine(model.errorProperty(), "deviceError"));
        root.getChildren().addAll(EditorForm.heading(i18n.get("device.heading")), form.grid(),
                FormControls.note(i18n.get("device.note")), FormControls.applyButton(i18n, "deviceApply", model::commit));
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

    private static <T> ComboBox<T> combo(String id, List<T> items, java.util.function.Function<T, String> label,
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
