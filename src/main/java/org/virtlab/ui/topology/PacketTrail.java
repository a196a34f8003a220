package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Trace;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.network.HopRow;
import org.virtlab.ui.network.NetworkViewModel;

/**
 * The Network tab's last trace as the topology draws it: where on the canvas each hop is ({@link TracePlace}),
 * where the packet is now, a short caption, and the step commands. It holds no step of its own: the step, the
 * play state and the trace are the {@link NetworkViewModel}'s, so the two tabs always show the same hop.
 */
public final class PacketTrail {
    private final NetworkViewModel network;
    private final Supplier<Scenario> scenario;
    private final I18n i18n;
    private final ObservableList<TracePlace> places = FXCollections.observableArrayList();
    private final ObservableList<TracePlace> placesView = FXCollections.unmodifiableObservableList(places);
    private final ReadOnlyObjectWrapper<TracePlace> current = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding shown;
    private final StringBinding caption;

    /** @param scenario the scenario being edited, read when a trace arrives (its networks name the bridges) */
    public PacketTrail(NetworkViewModel network, Supplier<Scenario> scenario, I18n i18n) {
        this.network = network;
        this.scenario = scenario;
        this.i18n = i18n;
        shown = Bindings.isNotEmpty(network.hops());
        network.hops().addListener((ListChangeListener<HopRow>) c -> remap());
        network.stepProperty().addListener((obs, was, now) -> current.set(placeAt(now.intValue())));
        caption = Bindings.createStringBinding(this::captionText, network.stepProperty(), network.hops());
        remap();
    }

    private void remap() {
        Trace trace = network.traceProperty().get();
        List<TracePlace> next = trace == null || network.hops().isEmpty() ? List.of() : TracePlace.of(scenario.get(), trace);
        places.setAll(next);
        current.set(placeAt(network.stepProperty().get()));
    }

    private TracePlace placeAt(int i) {
        return i >= 0 && i < places.size() ? places.get(i) : null;
    }

    /** Every hop's place, request then reply, index for index with the Network tab's hop rows. */
    public ObservableList<TracePlace> places() {
        return placesView;
    }

    /** Where the packet is at the current step; {@code null} without a trace. */
    public ReadOnlyObjectProperty<TracePlace> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The Network tab's step: an index into {@link #places()}. */
    public ReadOnlyIntegerProperty stepProperty() {
        return network.stepProperty();
    }

    /** Whether there is a trace to show (the overlay bar is shown only then). */
    public BooleanBinding shownBinding() {
        return shown;
    }

    /** Whether the current hop belongs to the reply. */
    public boolean atReply() {
        int i = network.stepProperty().get();
        return i >= 0 && i < network.hops().size() && network.hops().get(i).reply();
    }

    /** Whether the packet's leg ended with a drop at the current hop. */
    public boolean atDrop() {
        return network.isDropAt(network.stepProperty().get());
    }

    /** Why the packet was dropped at the current hop ("Dropped at router: no route to …"), else "". */
    public String dropReason() {
        if (!atDrop()) {
            return "";
        }
        return atReply() ? network.replyVerdictProperty().get() : network.requestVerdictProperty().get();
    }

    /**
     * "Request · hop 3 of 5 · Host 1", then the addresses as they leave it, any address translation made there,
     * and at a leg's last hop how it ended; one line each.
     */
    public StringBinding captionBinding() {
        return caption;
    }

    private String captionText() {
        int i = network.stepProperty().get();
        List<HopRow> hops = network.hops();
        if (i < 0 || i >= hops.size()) {
            return "";
        }
        HopRow h = hops.get(i);
        int requestHops = network.requestHopsProperty().get();
        int legSize = h.reply() ? hops.size() - requestHops : requestHops;
        List<String> lines = new ArrayList<>();
        lines.add(i18n.format(h.reply() ? "topology.trace.reply" : "topology.trace.request", h.number(), legSize,
                h.device(), h.kindText()));
        lines.add(h.ips());
        for (HopRow.RewriteText r : h.rewrites()) {
            lines.add(i18n.format("topology.trace.rewrite", r.what(), r.from(), r.to()));
        }
        if (h.number() == legSize) {
            lines.add(h.reply() ? network.replyVerdictProperty().get() : network.requestVerdictProperty().get());
        }
        return String.join("\n", lines);
    }

    public BooleanBinding canStepBackBinding() {
        return network.canStepBackBinding();
    }

    public BooleanBinding canStepForwardBinding() {
        return network.canStepForwardBinding();
    }

    /** Whether Play is moving the packet (the Network tab's timer steps it). */
    public javafx.beans.property.ReadOnlyBooleanProperty playingProperty() {
        return network.playingProperty();
    }

    public void stepBack() {
        network.stepBack();
    }

    public void stepForward() {
        network.stepForward();
    }

    public void togglePlay() {
        network.togglePlay();
    }

    public void clear() {
        network.clear();
    }

    // ---- starting a trace from the canvas ---------------------------------------------------------------

    /**
     * The endpoint a trace from a canvas element starts at: a VM's first plugged-in NIC ({@code web:nic0}), a
     * host, the LAN machine or the Internet server as themselves; {@code null} when it has none (a VM whose NICs
     * are all unplugged).
     */
    public String endpointOf(String elementId) {
        List<String> ids = network.endpoints();
        if (ids.contains(elementId)) {
            return elementId;
        }
        return ids.stream().filter(id -> id.startsWith(elementId + ":")).findFirst().orElse(null);
    }

    /** Where a trace from {@code from} can go: every endpoint but those of the same machine. */
    public List<String> destinations(String from) {
        String machine = machine(from);
        return network.endpoints().stream().filter(id -> !machine(id).equals(machine)).toList();
    }

    private static String machine(String endpointId) {
        int colon = endpointId.indexOf(':');
        return colon < 0 ? endpointId : endpointId.substring(0, colon);
    }

    /** "Web 1 · nic0 (default)". */
    public String label(String endpointId) {
        return network.endpointLabel(endpointId);
    }

    /**
     * Sends the Network tab's probe (its protocol and port) from {@code from} to {@code to}; the trace then shows
     * here and there. Returns why it was not sent, or "" when it was.
     */
    public String traceTo(String from, String to) {
        network.choosePair(from, to);
        if (network.send()) {
            return "";
        }
        String why = network.topologyErrorProperty().get();
        return why.isEmpty() ? network.portErrorBinding().get() : why;
    }
}
