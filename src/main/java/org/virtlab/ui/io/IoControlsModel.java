package org.virtlab.ui.io;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.Input;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SetIoMode;
import org.virtlab.engine.io.SetQueueSize;
import org.virtlab.engine.io.SetRequestBytes;
import org.virtlab.engine.io.SetRequestsPerKick;
import org.virtlab.engine.io.SetSuppression;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * The I/O tab's live controls for the device in focus: its way of I/O virtualization, and for virtio the queue size,
 * the batch (requests per kick) and the notification suppression; the request size for any. Each change is one edit
 * of the scenario that the running simulation takes at the next tick through the engine's input for it
 * ({@link SetIoMode}, {@link SetQueueSize}, {@link SetRequestsPerKick}, {@link SetSuppression},
 * {@link SetRequestBytes}), without starting over; undo goes back the same way. A value the engine would refuse is
 * refused where it is typed, with what is allowed, and never sent.
 *
 * <p>Switching a device to another way and back gives it back the settings it had in that way; a way it never had
 * starts from the defaults ({@link ModeKind#defaults}).
 */
public final class IoControlsModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final ReadOnlyObjectWrapper<String> deviceId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModeKind> mode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Suppression> suppression = new ReadOnlyObjectWrapper<>(Suppression.EVENT_IDX);
    private final ReadOnlyBooleanWrapper virtio = new ReadOnlyBooleanWrapper();
    private final StringProperty queueSize = new SimpleStringProperty("");
    private final StringProperty requestsPerKick = new SimpleStringProperty("");
    private final StringProperty requestBytes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Per device, the settings it last had in each way, so a switch back restores them. */
    private final Map<String, Map<ModeKind, IoMode>> remembered = new HashMap<>();

    public IoControlsModel(I18n i18n, ScenarioEditor editor) {
        this.i18n = i18n;
        this.editor = editor;
    }

    /** The device the controls act on; null when the lesson has none. */
    public ReadOnlyObjectProperty<String> deviceIdProperty() {
        return deviceId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModeKind> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Suppression> suppressionProperty() {
        return suppression.getReadOnlyProperty();
    }

    /** Whether the device is virtio now: the queue, batch and suppression controls apply only then. */
    public ReadOnlyBooleanProperty virtioProperty() {
        return virtio.getReadOnlyProperty();
    }

    public StringProperty queueSizeProperty() {
        return queueSize;
    }

    public StringProperty requestsPerKickProperty() {
        return requestsPerKick;
    }

    public StringProperty requestBytesProperty() {
        return requestBytes;
    }

    /** Why the last change was refused, with what is allowed; empty after one that was taken. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows {@code id}'s settings in {@code s} (null for none); what was typed and not committed is dropped. */
    public void show(Scenario s, String id) {
        Optional<IoDeviceSpec> spec = id == null ? Optional.empty() : s.device(id);
        deviceId.set(spec.map(IoDeviceSpec::id).orElse(null));
        error.set("");
        if (spec.isEmpty()) {
            mode.set(null);
            virtio.set(false);
            queueSize.set("");
            requestsPerKick.set("");
            requestBytes.set("");
            return;
        }
        IoDeviceSpec d = spec.get();
        remembered.computeIfAbsent(d.id(), k -> new EnumMap<>(ModeKind.class)).put(ModeKind.of(d.mode()), d.mode());
        mode.set(ModeKind.of(d.mode()));
        requestBytes.set(Integer.toString(d.workload().requestBytes()));
        if (d.mode() instanceof IoMode.Virtio v) {
            virtio.set(true);
            queueSize.set(Integer.toString(v.queueSize()));
            requestsPerKick.set(Integer.toString(v.requestsPerKick()));
            suppression.set(v.suppression());
        } else {
            virtio.set(false);
            queueSize.set("");
            requestsPerKick.set("");
        }
    }

    /** Switches the device to another way of I/O virtualization; returns whether it was taken. */
    public boolean chooseMode(ModeKind kind) {
        Optional<IoDeviceSpec> d = device();
        if (d.isEmpty() || kind == null) {
            return false;
        }
        error.set("");
        if (ModeKind.of(d.get().mode()) == kind) {
            return true;
        }
        IoMode next = remembered.getOrDefault(d.get().id(), Map.of()).get(kind);
        if (next == null) {
            next = kind.defaults(d.get().workload().kind());
        }
        return change(d.get().withMode(next), new SetIoMode(d.get().id(), next));
    }

    /** virtio: another way of suppressing notifications (VIRTIO_F_EVENT_IDX on or off, or none at all). */
    public boolean chooseSuppression(Suppression s) {
        Optional<IoMode.Virtio> v = virtioMode();
        if (v.isEmpty() || s == null) {
            return false;
        }
        error.set("");
        if (v.get().suppression() == s) {
            return true;
        }
        return change(device().get().withMode(v.get().withSuppression(s)), new SetSuppression(deviceId.get(), s));
    }

    /**
     * virtio: the queue size as typed, a power of 2 from 1 to 32768 (virtio 1.1 §2.6), and long enough for a
     * request's chain unless descriptors are indirect (§2.6.5.3.1).
     */
    public boolean commitQueueSize() {
        Optional<IoMode.Virtio> v = virtioMode();
        if (v.isEmpty()) {
            return false;
        }
        error.set("");
        String typed = queueSize.get() == null ? "" : queueSize.get().strip();
        int size;
        try {
            size = Integer.parseInt(typed);
            SplitVirtqueue.checkSize(size);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            error.set(i18n.format("io.error.queueSize", typed));
            return false;
        }
        IoKind kind = device().get().workload().kind();
        if (!v.get().indirect() && size < kind.buffersPerRequest()) {
            error.set(i18n.format("io.error.queueChain", Integer.toString(kind.buffersPerRequest()),
                    Integer.toString(Integer.highestOneBit(kind.buffersPerRequest() * 2 - 1)), typed));
            return false;
        }
        if (size == v.get().queueSize()) {
            return true;
        }
        return change(device().get().withMode(v.get().withQueueSize(size)), new SetQueueSize(deviceId.get(), size));
    }

    /** virtio: the batch as typed, 1 to 32768 requests per kick. */
    public boolean commitRequestsPerKick() {
        Optional<IoMode.Virtio> v = virtioMode();
        if (v.isEmpty()) {
            return false;
        }
        error.set("");
        Optional<Integer> batch = whole(requestsPerKick.get(), 1, SplitVirtqueue.MAX_SIZE);
        if (batch.isEmpty()) {
            return false;
        }
        if (batch.get() == v.get().requestsPerKick()) {
            return true;
        }
        return change(device().get().withMode(v.get().withRequestsPerKick(batch.get())),
                new SetRequestsPerKick(deviceId.get(), batch.get()));
    }

    /** The request size as typed: 1 byte to 1 MiB for a disk, to 65535 for a packet. */
    public boolean commitRequestBytes() {
        Optional<IoDeviceSpec> d = device();
        if (d.isEmpty()) {
            return false;
        }
        error.set("");
        IoWorkload w = d.get().workload();
        int max = w.kind().network() ? IoWorkload.MAX_PACKET_BYTES : IoWorkload.MAX_BLOCK_BYTES;
        Optional<Integer> bytes = whole(requestBytes.get(), 1, max);
        if (bytes.isEmpty()) {
            return false;
        }
        if (bytes.get() == w.requestBytes()) {
            return true;
        }
        return change(d.get().withWorkload(w.withRequestBytes(bytes.get())),
                new SetRequestBytes(d.get().id(), bytes.get()));
    }

    private Optional<Integer> whole(String text, int min, int max) {
        String typed = text == null ? "" : text.strip();
        String range = String.format(Locale.ROOT, "%d–%d", min, max);
        try {
            int v = Integer.parseInt(typed);
            if (v >= min && v <= max) {
                return Optional.of(v);
            }
            error.set(i18n.format("qos.error.range", range, typed));
        } catch (NumberFormatException e) {
            error.set(i18n.format("qos.error.number", range, typed));
        }
        return Optional.empty();
    }

    private boolean change(IoDeviceSpec changed, Input input) {
        Scenario s = editor.scenario();
        List<IoDeviceSpec> devices = s.devices().stream().map(d -> d.id().equals(changed.id()) ? changed : d).toList();
        editor.apply(s.withDevices(devices), input);
        show(editor.scenario(), changed.id());
        return true;
    }

    private Optional<IoDeviceSpec> device() {
        return deviceId.get() == null ? Optional.empty() : editor.scenario().device(deviceId.get());
    }

    private Optional<IoMode.Virtio> virtioMode() {
        return device().map(IoDeviceSpec::mode).filter(IoMode.Virtio.class::isInstance).map(IoMode.Virtio.class::cast);
    }
}
