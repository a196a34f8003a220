package org.virtlab.ui.properties;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.io.Coalescing;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.io.VirtioBackend;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.ModeKind;

/**
 * Editing the I/O devices of a VM, one at a time (the fields scenarios/README.md documents for "devices"): what its
 * guest asks (the kind of requests, a closed loop at a queue depth or an open loop at a rate, the request size), the
 * way of I/O virtualization with that way's settings, and interrupt coalescing. {@link #commit()} checks every field
 * shown against the model's ranges and rules and only then hands the new device to the editor as one edit:
 * {@link org.virtlab.ui.common.ScenarioDiff} decides whether the running simulation follows by inputs (a new mode or
 * workload of the same kind) or starts again (another kind of requests, coalescing). {@link #add} and {@link #remove}
 * add a device of a {@link DeviceTemplate} to the VM or take the one shown away, each one edit that restarts it.
 */
public final class DeviceEditorModel {
    /** The guest's loop. */
    public enum Loop { CLOSED, OPEN }

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final ObservableList<String> deviceIds = FXCollections.observableArrayList();
    private final BooleanBinding hasDevices = Bindings.isNotEmpty(deviceIds);
    private final StringBinding removeText;
    private List<IoDeviceSpec> shown;

    private final ObjectProperty<String> device = new SimpleObjectProperty<>();
    private final ObjectProperty<IoKind> requests = new SimpleObjectProperty<>();
    private final ObjectProperty<Loop> loop = new SimpleObjectProperty<>();
    private final NumberField queueDepth = new NumberField("device.queueDepth");
    private final NumberField rate = new NumberField("device.rate");
    private final NumberField requestBytes = new NumberField("device.requestBytes");
    private final ObjectProperty<ModeKind> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<EmulatedModel> model = new SimpleObjectProperty<>();
    private final NumberField accessesPerRequest = new NumberField("device.accessesPerRequest");
    private final NumberField accessesPerInterrupt = new NumberField("device.accessesPerInterrupt");
    private final NumberField queueSize = new NumberField("device.queueSize");
    private final NumberField requestsPerKick = new NumberField("device.requestsPerKick");
    private final ObjectProperty<Suppression> suppression = new SimpleObjectProperty<>();
    private final BooleanProperty indirect = new SimpleBooleanProperty();
    private final ObjectProperty<VirtioBackend> backend = new SimpleObjectProperty<>();
    private final BooleanProperty posted = new SimpleBooleanProperty();
    private final NumberField iotlbEntries = new NumberField("device.iotlbEntries");
    private final NumberField coalesceCompletions = new NumberField("device.coalesceCompletions");
    private final NumberField coalesceDelay = new NumberField("device.coalesceDelay");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    // each false while the VM has no device: the form shows none of its rows then
    private final BooleanBinding closed = loop.isEqualTo(Loop.CLOSED).and(hasDevices);
    private final BooleanBinding emulated = mode.isEqualTo(ModeKind.EMULATED).and(hasDevices);
    private final BooleanBinding virtio = mode.isEqualTo(ModeKind.VIRTIO).and(hasDevices);
    private final BooleanBinding passthrough = mode.isEqualTo(ModeKind.PASSTHROUGH).and(hasDevices);
    private final BooleanBinding open = loop.isEqualTo(Loop.OPEN).and(hasDevices);
    /** The settings of the device's ways it did not have, while the form is open: so a switch back restores them. */
    private IoMode lastEmulated;
    private IoMode.Virtio lastVirtio;
    private IoMode.Passthrough lastPassthrough;

    public DeviceEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.shown = editor.scenario().devicesOf(vm.id());
        deviceIds.setAll(shown.stream().map(IoDeviceSpec::id).toList());
        removeText = Bindings.createStringBinding(() -> device.get() == null ? i18n.get("device.remove.none")
                : i18n.format("device.remove", device.get()), device);
        device.addListener((obs, was, now) -> load());
        mode.addListener((obs, was, now) -> modeChosen(now));
        device.set(deviceIds.isEmpty() ? null : deviceIds.get(0));
    }

    /** Whether this editor still shows {@code vm}'s devices as they are (so the panel can keep it, and its focus). */
    boolean isFor(VmSpec vm, Scenario s) {
        return vm.id().equals(vmId) && s.devicesOf(vmId).equals(shown);
    }

    /** The VM's devices' ids, in scenario order; empty when it has none (only Add device is offered then). */
    public ObservableList<String> deviceIds() {
        return deviceIds;
    }

    /** Whether the VM has a device to edit. */
    public BooleanBinding hasDevices() {
        return hasDevices;
    }

    /** "Remove vda": the Remove button's text for the device in the form. */
    public StringBinding removeText() {
        return removeText;
    }

    /** The kinds of device {@link #add} offers, in the menu's order. */
    public List<DeviceTemplate> templates() {
        return List.of(DeviceTemplate.values());
    }

    /**
     * Adds a device of that kind to the VM as one edit (a new device restarts the simulation at 0 s:
     * {@link org.virtlab.ui.common.ScenarioDiff}) and shows it in the form. Returns its id.
     */
    public String add(DeviceTemplate kind) {
        Scenario s = editor.scenario();
        IoDeviceSpec added = kind.create(s, vmId);
        List<IoDeviceSpec> all = new java.util.ArrayList<>(s.devices());
        all.add(insertionPoint(s), added);
        Scenario next = s.withDevices(all);
        shown = next.devicesOf(vmId); // this editor stays the VM's across the edit, showing the new device
        editor.restructure(next);
        deviceIds.setAll(shown.stream().map(IoDeviceSpec::id).toList());
        device.set(added.id());
        return added.id();
    }

    /** After the devices of this VM and of the VMs before it: the I/O tab lists the devices in the VMs' order. */
    private int insertionPoint(Scenario s) {
        List<String> vms = s.vms().stream().map(VmSpec::id).toList();
        int mine = vms.indexOf(vmId);
        int at = 0;
        for (int i = 0; i < s.devices().size(); i++) {
            if (vms.indexOf(s.devices().get(i).vmId()) <= mine) {
                at = i + 1;
            }
        }
        return at;
    }

    /** Removes the device in the form as one edit (restarting the simulation); the form shows the VM's next one. */
    public boolean remove() {
        String id = device.get();
        if (id == null || editor.scenario().device(id).isEmpty()) {
            return false;
        }
        Scenario next = editor.scenario().without(id);
        shown = next.devicesOf(vmId);
        editor.restructure(next);
        int at = Math.max(0, deviceIds.indexOf(id) - 1);
        deviceIds.setAll(shown.stream().map(IoDeviceSpec::id).toList());
        error.set("");
        device.set(deviceIds.isEmpty() ? null : deviceIds.get(Math.min(at, deviceIds.size() - 1)));
        return true;
    }

    public ObjectProperty<String> deviceProperty() {
        return device;
    }

    public ObjectProperty<IoKind> requestsProperty() {
        return requests;
    }

    public ObjectProperty<Loop> loopProperty() {
        return loop;
    }

    public ObjectProperty<ModeKind> modeProperty() {
        return mode;
    }

    public ObjectProperty<EmulatedModel> modelProperty() {
        return model;
    }

    public ObjectProperty<Suppression> suppressionProperty() {
        return suppression;
    }

    public BooleanProperty indirectProperty() {
        return indirect;
    }

    public ObjectProperty<VirtioBackend> backendProperty() {
        return backend;
    }

    public BooleanProperty postedProperty() {
        return posted;
    }

    public NumberField queueDepth() {
        return queueDepth;
    }

    public NumberField rate() {
        return rate;
    }

    public NumberField requestBytes() {
        return requestBytes;
    }

    public NumberField accessesPerRequest() {
        return accessesPerRequest;
    }

    public NumberField accessesPerInterrupt() {
        return accessesPerInterrupt;
    }

    public NumberField queueSize() {
        return queueSize;
    }

    public NumberField requestsPerKick() {
        return requestsPerKick;
    }

    public NumberField iotlbEntries() {
        return iotlbEntries;
    }

    public NumberField coalesceCompletions() {
        return coalesceCompletions;
    }

    public NumberField coalesceDelay() {
        return coalesceDelay;
    }

    /** A problem that is not one field's: a queue size that is no power of 2, a chain longer than the queue, ... */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding closedLoop() {
        return closed;
    }

    public BooleanBinding openLoop() {
        return open;
    }

    public BooleanBinding emulatedMode() {
        return emulated;
    }

    public BooleanBinding virtioMode() {
        return virtio;
    }

    public BooleanBinding passthroughMode() {
        return passthrough;
    }

    /** The label of a choice, from the bundle: "device.requests.block_read", "io.mode.virtio", ... */
    public String label(Object choice) {
        if (choice instanceof DeviceTemplate t) {
            return i18n.get(t.key());
        }
        if (choice instanceof ModeKind m) {
            return i18n.get(m.key());
        }
        if (choice instanceof EmulatedModel m) {
            return i18n.get("device.model." + m.name().toLowerCase(Locale.ROOT));
        }
        String prefix = choice instanceof IoKind ? "device.requests." : choice instanceof Loop ? "device.loop."
                : choice instanceof Suppression ? "io.suppression." : "device.backend.";
        return i18n.get(prefix + ((Enum<?>) choice).name().toLowerCase(Locale.ROOT));
    }

    private void load() {
        IoDeviceSpec d = spec().orElse(null);
        if (d == null) {
            return;
        }
        error.set("");
        requests.set(d.workload().kind());
        requestBytes.set(d.workload().requestBytes());
        if (d.workload() instanceof IoWorkload.ClosedLoop c) {
            loop.set(Loop.CLOSED);
            queueDepth.set(c.queueDepth());
            rate.set(10_000);
        } else {
            IoWorkload.OpenLoop o = (IoWorkload.OpenLoop) d.workload();
            loop.set(Loop.OPEN);
            rate.set(o.requestsPerSecond());
            queueDepth.set(1);
        }
        lastEmulated = ModeKind.EMULATED.defaults(d.workload().kind());
        lastVirtio = IoMode.Virtio.DEFAULT;
        lastPassthrough = IoMode.Passthrough.DEFAULT;
        if (d.mode() instanceof IoMode.Emulated e) {
            lastEmulated = e;
        } else if (d.mode() instanceof IoMode.Virtio v) {
            lastVirtio = v;
        } else {
            lastPassthrough = (IoMode.Passthrough) d.mode();
        }
        showMode(lastEmulated);
        showMode(lastVirtio);
        showMode(lastPassthrough);
        mode.set(ModeKind.of(d.mode()));
        coalesceCompletions.set(d.coalescing().maxCompletions());
        coalesceDelay.set(d.coalescing().maxDelayMicros());
    }

    /** A new way chosen: the model an emulated device needs follows the kind of requests. */
    private void modeChosen(ModeKind kind) {
        if (kind == ModeKind.EMULATED && model.get() != null && requests.get() != null
                && !model.get().serves(requests.get())) {
            showMode(ModeKind.EMULATED.defaults(requests.get()));
        }
    }

    private void showMode(IoMode m) {
        if (m instanceof IoMode.Emulated e) {
            model.set(e.model());
            accessesPerRequest.set(e.accessesPerRequest());
            accessesPerInterrupt.set(e.accessesPerInterrupt());
        } else if (m instanceof IoMode.Virtio v) {
            queueSize.set(v.queueSize());
            requestsPerKick.set(v.requestsPerKick());
            suppression.set(v.suppression());
            indirect.set(v.indirect());
            backend.set(v.backend());
        } else if (m instanceof IoMode.Passthrough p) {
            posted.set(p.postedInterrupts());
            iotlbEntries.set(p.iotlbEntries());
        }
    }

    /** Checks the fields shown; if all are valid and something changed, applies the device as one edit. */
    public boolean commit() {
        error.set("");
        Optional<IoDeviceSpec> was = spec();
        if (was.isEmpty()) {
            return false;
        }
        IoKind kind = requests.get();
        int maxBytes = kind.network() ? IoWorkload.MAX_PACKET_BYTES : IoWorkload.MAX_BLOCK_BYTES;
        Optional<Long> bytes = requestBytes.whole(i18n, 1, maxBytes);
        Optional<Long> depth = closed.get() ? queueDepth.whole(i18n, 1, IoWorkload.MAX_QUEUE_DEPTH) : Optional.of(1L);
        Optional<Long> perSecond = open.get() ? rate.whole(i18n, 1, IoWorkload.MAX_REQUESTS_PER_SECOND)
                : Optional.of(1L);
        Optional<IoMode> newMode = mode();
        Optional<Long> completions = coalesceCompletions.whole(i18n, 1, Coalescing.MAX_COMPLETIONS);
        Optional<Long> delay = coalesceDelay.whole(i18n, 0, Coalescing.MAX_DELAY_MICROS);
        if (bytes.isEmpty() || depth.isEmpty() || perSecond.isEmpty() || newMode.isEmpty() || completions.isEmpty()
                || delay.isEmpty()) {
            return false;
        }
        IoDeviceSpec d = was.get();
        IoDeviceSpec next;
        try {
            IoWorkload w = closed.get()
                    ? new IoWorkload.ClosedLoop(kind, bytes.get().intValue(), depth.get().intValue(),
                            d.workload().requestLimit())
                    : new IoWorkload.OpenLoop(kind, bytes.get().intValue(), perSecond.get(),
                            d.workload().requestLimit());
            Coalescing c = new Coalescing(completions.get().intValue(), delay.get());
            next = new IoDeviceSpec(d.id(), d.vmId(), w, newMode.get(), c, d.physical());
        } catch (IllegalArgumentException e) {
            error.set(problem(e));
            return false;
        }
        if (next.equals(d)) {
            return true;
        }
        Scenario s = editor.scenario();
        shown = s.devicesOf(vmId).stream().map(x -> x.id().equals(next.id()) ? next : x).toList();
        editor.restructure(s.withDevices(s.devices().stream().map(x -> x.id().equals(next.id()) ? next : x).toList()));
        return true;
    }

    /** The mode the fields shown describe, or empty with the reason shown. */
    private Optional<IoMode> mode() {
        switch (mode.get()) {
            case EMULATED: {
                Optional<Long> issue = accessesPerRequest.whole(i18n, 1, IoMode.MAX_ACCESSES);
                Optional<Long> ack = accessesPerInterrupt.whole(i18n, 0, IoMode.MAX_ACCESSES);
                if (issue.isEmpty() || ack.isEmpty()) {
                    return Optional.empty();
                }
                lastEmulated = new IoMode.Emulated(model.get(), issue.get().intValue(), ack.get().intValue());
                return Optional.of(lastEmulated);
            }
            case VIRTIO: {
                Optional<Long> size = queueSize.whole(i18n, 1, SplitVirtqueue.MAX_SIZE);
                Optional<Long> batch = requestsPerKick.whole(i18n, 1, SplitVirtqueue.MAX_SIZE);
                if (size.isEmpty() || batch.isEmpty()) {
                    return Optional.empty();
                }
                if (Long.bitCount(size.get()) != 1) {
                    error.set(i18n.format("io.error.queueSize", queueSize.textProperty().get().strip()));
                    return Optional.empty();
                }
                lastVirtio = lastVirtio.withQueueSize(size.get().intValue()).withRequestsPerKick(batch.get().intValue())
                        .withSuppression(suppression.get()).withIndirect(indirect.get()).withBackend(backend.get());
                return Optional.of(lastVirtio);
            }
            default: {
                Optional<Long> entries = iotlbEntries.whole(i18n, 1, IoMode.MAX_IOTLB_ENTRIES);
                if (entries.isEmpty()) {
                    return Optional.empty();
                }
                lastPassthrough = new IoMode.Passthrough(posted.get(), entries.get().intValue(),
                        lastPassthrough.queueEntries());
                return Optional.of(lastPassthrough);
            }
        }
    }

    /** A rule across fields the model refused, said in the window's language. */
    private String problem(IllegalArgumentException e) {
        IoKind kind = requests.get();
        if (mode.get() == ModeKind.EMULATED && !model.get().serves(kind)) {
            return i18n.format("device.error.model", label(model.get()), label(kind));
        }
        if (mode.get() == ModeKind.VIRTIO && !indirect.get() && lastVirtio.queueSize() < kind.buffersPerRequest()) {
            // virtio 1.1 §2.6.5.3.1: no chain longer than the queue
            return i18n.format("io.error.queueChain", Integer.toString(kind.buffersPerRequest()),
                    Integer.toString(Integer.highestOneBit(kind.buffersPerRequest() * 2 - 1)),
                    queueSize.textProperty().get().strip());
        }
        if (!"1".equals(coalesceCompletions.textProperty().get().strip())
                && "0".equals(coalesceDelay.textProperty().get().strip())) {
            return i18n.format("device.error.coalescing", Long.toString(Coalescing.MAX_DELAY_MICROS));
        }
        return e.getMessage();
    }

    private Optional<IoDeviceSpec> spec() {
        return device.get() == null ? Optional.empty() : editor.scenario().device(device.get());
    }
}
