package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.function.Consumer;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.Input;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetSnapshot;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetSubsystem;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.engine.net.SendProbe;
import org.virtlab.engine.net.Trace;
import org.virtlab.ui.i18n.I18n;

/**
 * The Network tab's state: the scenario's network ({@link NetTopology}); the sender (from, to, protocol, port);
 * the last trace as rows, with a step position that moves the packet hop by hop, request then reply; the tables of
 * one device ({@link DeviceTablesModel}) and the reachability matrix ({@link ReachModel}).
 *
 * <p>The network itself lives in the simulation ({@link NetSubsystem}): Send hands the engine a {@link SendProbe}
 * through the submitter the shell gives ({@code SimulationRunner.submitShown}), the engine traces it at its tick and
 * journals its hops, and the trace and the network's tables shown here are those of the latest snapshot
 * ({@link #update}). So what MAC learning, ARP and connection tracking learned ages with simulated time, and Back
 * and Forward in the Events panel put the last trace and the tables where they were at that moment.
 *
 * <p>The reachability matrix (40,000 probes for 200 endpoints, each on a network of its own) runs on
 * {@link ReachModel}'s worker. Play does not own a timer: the view's animation calls {@link #tick()} while
 * {@link #playingProperty()} is true.
 */
public final class NetworkViewModel {
    /** TCP's default port in the sender, as {@code virtlab trace} defaults to (HTTP). */
    static final String DEFAULT_PORT = "80";

    private final I18n i18n;
    private final ObservableList<String> endpoints = FXCollections.observableArrayList();
    /** Made once: a wrapper made per call would be collected with the listeners a view puts on it. */
    private final ObservableList<String> endpointsView = FXCollections.unmodifiableObservableList(endpoints);
    private final ObjectProperty<String> from = new SimpleObjectProperty<>();
    private final ObjectProperty<String> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.ICMP);
    private final StringProperty portText = new SimpleStringProperty(DEFAULT_PORT);
    private final StringBinding portError;
    private final ReadOnlyStringWrapper topologyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unwired = new ReadOnlyStringWrapper("");
    private final BooleanBinding canSend;

    private final ObservableList<HopRow> hops = FXCollections.observableArrayList();
    private final ObservableList<HopRow> hopsView = FXCollections.unmodifiableObservableList(hops);
    private final ReadOnlyIntegerWrapper requestHops = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper traced = new ReadOnlyStringWrapper("");
    /** The last trace as the engine gave it, {@code null} when there is none; {@link #hops()} are its rows. */
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper requestVerdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper replyVerdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper requestDropped = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper replyDropped = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canStepBack = step.greaterThan(0);
    private final BooleanBinding canStepForward;
    private final StringBinding current;

    private final DeviceTablesModel tables;
    private final ReachModel reach;

    private Scenario scenario;
    private NetTopology topology;
    private NetTexts texts;
    /** Where a probe goes: the simulation (the shell's runner); null until given, when nothing can be sent. */
    private Consumer<Input> submitter;
    /** The network of the latest snapshot; null before the first. */
    private NetSnapshot latest;
    /** The engine's trace shown (the same object while no new probe was sent): a new one starts the walk over. */
    private Trace shownTrace;
    /** The serial of the probe shown; 0 for none. */
    private long shownProbe;
    /** The tables were last refreshed for this whole second of simulated time. */
    private long tablesSecond = -1;
    /** ... and for this picture of what the network knew. */
    private NetState tablesFrozen;
    /** A network event chosen in the Events panel whose probe's trace is not shown yet; null for none. */
    private SimEvent pendingEvent;
    private boolean showing;
    /** The matrix no longer belongs to the network or the sender's protocol and port. */
    private boolean reachStale = true;

    public NetworkViewModel(I18n i18n) {
        this(i18n, new ReachModel(i18n));
    }

    /** With the reachability matrix's threads given: tests run it in place or by hand. */
    NetworkViewModel(I18n i18n, java.util.concurrent.Executor reachWorker, java.util.concurrent.Executor reachFx) {
        this(i18n, new ReachModel(i18n, reachWorker, reachFx));
    }

    private NetworkViewModel(I18n i18n, ReachModel reach) {
        this.i18n = i18n;
        this.tables = new DeviceTablesModel(i18n);
        this.reach = reach;
        portError = Bindings.createStringBinding(() -> portProblem().orElse(""), portText, protocol);
        canSend = Bindings.createBooleanBinding(() -> topology != null && from.get() != null && to.get() != null
                && portProblem().isEmpty(), from, to, portText, protocol, topologyError);
        canStepForward = Bindings.createBooleanBinding(() -> step.get() >= 0 && step.get() < hops.size() - 1, step, hops);
        current = Bindings.createStringBinding(this::currentText, step, hops);
        step.addListener((obs, was, now) -> {
            int i = now.intValue();
            if (i >= 0 && i < hops.size()) {
                tables.choose(hops.get(i).deviceId()); // the tables follow the packet
            }
        });
        protocol.addListener((obs, was, now) -> reachChanged());
        portText.addListener((obs, was, now) -> {
            if (portProblem().isEmpty() && protocol.get() != Protocol.ICMP) {
                reachChanged();
            }
        });
    }

    // ---- the simulation ---------------------------------------------------------------------------------

    /** Where Send hands its probe: the simulation (the shell gives its runner's {@code submitShown}). */
    public void setSubmitter(Consumer<Input> submitter) {
        this.submitter = submitter;
    }

    /**
     * A new run of a scenario (opened, reset, restarted by a structural edit) or a seek of the Events panel: the trace
     * and the tables come again from the next snapshot. An event chosen in the panel stays marked (choosing one seeks
     * the run, which starts a new generation); choosing none, or a new run's list, clears it ({@link #highlight}).
     */
    public void reset(Scenario newScenario) {
        latest = null;
        shownTrace = null;
        shownProbe = 0;
        build(newScenario, true);
    }

    /**
     * The scenario after an edit the running simulation follows (a NIC plugged elsewhere, a finished migration): the
     * engine is told by a {@link org.virtlab.engine.net.Rewire} input, which carries what the network learned over.
     */
    public void edited(Scenario edited) {
        build(edited, false);
    }

    /**
     * The simulation's latest state: the last probe's trace, shown from its first hop when it is new (or when Back or
     * Forward reached another one), and the tables of the device shown, as the network knows them at that moment.
     */
    public void update(SimulationSnapshot snapshot) {
        NetSnapshot net = snapshot.find(NetSnapshot.class).orElse(null);
        if (net == null || topology == null) {
            return;
        }
        latest = net;
        boolean changed = net.last() != shownTrace;
        if (changed) {
            shownTrace = net.last();
            shownProbe = net.probes();
            if (net.last() == null) {
                clear();
            } else {
                show(net.last());
            }
        }
        applyPending();
        boolean learned = net.frozen() != tablesFrozen; // a probe, an edit or a seek changed what the network knows
        if (changed || learned || (showing && net.nowMicros() / 1_000_000 != tablesSecond)) {
            refreshTables();
        }
    }

    /** The device tables as the network knows them now (a network that has seen no traffic before the first probe). */
    private void refreshTables() {
        if (topology == null) {
            return;
        }
        long now = latest == null ? 0 : latest.nowMicros();
        tablesSecond = now / 1_000_000;
        tablesFrozen = latest == null ? null : latest.frozen();
        NetState known = latest == null ? null : latest.state();
        if (known == null || known.topology().nodes().size() != topology.nodes().size()
                || known.topology().switches().size() != topology.switches().size()) {
            known = new NetState(topology, now); // no traffic yet, or an edit the engine has not taken in yet
        }
        tables.refresh(known.topology(), known, texts);
    }

    /**
     * Shows where a network event of the Events panel happened: the trace of its probe, at the hop it names (a NAT
     * rewrite's hop, a leg's last hop for a verdict). The panel seeks the run to just after the event, so the trace
     * shown becomes the event's probe's at the next {@link #update}; until then the mark waits. Other events: nothing.
     */
    public void highlight(SimEvent e) {
        pendingEvent = e != null && isNetwork(e.kind()) ? e : null;
        applyPending();
    }

    private void applyPending() {
        SimEvent e = pendingEvent;
        if (e == null || shownTrace == null || shownProbe != e.arg(0)) {
            return;
        }
        pendingEvent = null;
        if (hops.isEmpty()) {
            show(shownTrace); // cleared by hand: the event brings its trace back
        }
        stop();
        step.set(Math.max(0, Math.min(rowOf(e, shownTrace), hops.size() - 1)));
    }

    /** Whether the kind is one the network journals (the Events panel's Network topic). */
    static boolean isNetwork(EventKind kind) {
        return org.virtlab.ui.events.EventTopic.of(kind) == org.virtlab.ui.events.EventTopic.NETWORK;
    }

    /** The row of {@link #hops()} a network event of {@code trace} names (request rows first, then the reply's). */
    static int rowOf(SimEvent e, Trace trace) {
        int requestRows = trace.request().hops().size();
        int replyRows = trace.reply() == null ? 0 : trace.reply().hops().size();
        switch (e.kind()) {
            case PACKET_HOP:
                return (int) (e.arg(1) == 0 ? e.arg(2) - 1 : requestRows + e.arg(2) - 1);
            case PACKET_DELIVERED:
            case PACKET_DROPPED:
                return e.arg(1) == 0 ? requestRows - 1 : requestRows + replyRows - 1;
            default: {
                Rewrite.Field field = e.kind() == EventKind.NAT_SOURCE_REWRITE ? Rewrite.Field.SOURCE
                        : Rewrite.Field.DESTINATION;
                List<Hop> all = new ArrayList<>(trace.request().hops());
                if (trace.reply() != null) {
                    all.addAll(trace.reply().hops());
                }
                for (int i = 0; i < all.size(); i++) {
                    for (Rewrite r : all.get(i).rewrites()) {
                        if (all.get(i).device().equals(e.deviceId()) && r.field() == field
                                && NetSubsystem.ipPort(r.fromIp(), r.fromPort()) == e.arg(1)
                                && NetSubsystem.ipPort(r.toIp(), r.toPort()) == e.arg(2)) {
                            return i;
                        }
                    }
                }
                return 0;
            }
        }
    }

    /**
     * Whether the tab is on screen: the device tables follow the clock, and the reachability matrix (one probe per
     * pair of endpoints: 40,000 for 200) is worked out, only then.
     */
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) {
            refreshTables();
        }
        if (showing && reachStale) {
            reachStale = false;
            reach.recompute(topology, texts, protocol.get(), port());
        }
    }

    private void reachChanged() {
        reachStale = true;
        setShowing(showing);
    }

    /** Keeps the network's memory and the sender when the window is rebuilt in another language. */
    public void carryOverFrom(NetworkViewModel previous) {
        if (previous.scenario == null) {
            return;
        }
        build(previous.scenario, true);
        submitter = previous.submitter;
        latest = previous.latest;
        protocol.set(previous.protocol.get());
        portText.set(previous.portText.get());
        from.set(previous.from.get());
        to.set(previous.to.get());
        shownTrace = previous.shownTrace;
        shownProbe = previous.shownProbe;
        if (previous.trace.get() != null && topology != null) {
            show(previous.trace.get());
            step.set(previous.step.get());
        }
    }

    private void build(Scenario next, boolean fresh) {
        scenario = next;
        stop();
        try {
            topology = NetTopology.of(next);
            texts = new NetTexts(i18n, next, topology);
            topologyError.set("");
        } catch (NetException e) {
            topology = null;
            texts = null;
            topologyError.set(i18n.format("network.cannotBuild", new NetTexts(i18n, next, null).refusal(e)));
        }
        unwired.set(unwiredNics(next));
        List<String> ids = new ArrayList<>();
        if (topology != null) {
            topology.endpoints().forEach(e -> ids.add(e.id()));
        }
        String keepFrom = from.get();
        String keepTo = to.get();
        endpoints.setAll(ids);
        from.set(ids.contains(keepFrom) ? keepFrom : ids.isEmpty() ? null : ids.get(0));
        to.set(ids.contains(keepTo) ? keepTo : ids.isEmpty() ? null : ids.get(ids.size() - 1));
        if (fresh) {
            clearTrace();
        }
        tables.show(topology, topology == null ? null : new NetState(topology, latest == null ? 0 : latest.nowMicros()),
                texts);
        tablesSecond = -1;
        if (showing) {
            refreshTables();
        }
        reachChanged();
    }

    /** "Test VM · nic1, …" for the NICs plugged into nothing, which are no endpoints; empty if there are none. */
    private String unwiredNics(Scenario s) {
        List<String> names = new ArrayList<>();
        for (org.virtlab.engine.model.VmSpec vm : s.vms()) {
            for (int i = 0; i < vm.nics().size(); i++) {
                if (!vm.nics().get(i).wired()) {
                    names.add(vm.name() + " · " + org.virtlab.engine.model.NicSpec.name(i));
                }
            }
        }
        return names.isEmpty() ? "" : i18n.format("network.unwired", String.join(", ", names));
    }

    /** Which NICs are plugged into nothing, so that no trace starts or ends there; empty if none. */
    public ReadOnlyStringProperty unwiredProperty() {
        return unwired.getReadOnlyProperty();
    }

    // ---- the sender --------------------------------------------------------------------------------------

    /** Every endpoint's id, in the engine's order: hosts, VM NICs, the LAN machine, the Internet. */
    public ObservableList<String> endpoints() {
        return endpointsView;
    }

    /** "Web 1 · nic0 (default)". */
    public String endpointLabel(String id) {
        if (topology == null || id == null) {
            return id == null ? "" : id;
        }
        return texts.endpoint(topology.endpoint(id));
    }

    /** A machine or switch of the network as the tab names it ("virbr0", "Router"); the id itself if unknown. */
    public String deviceName(String id) {
        if (texts == null || id == null) {
            return id;
        }
        int slash = id.indexOf('/');
        String named = texts.named(id);
        // a host's bridge or switch proxy: which host's ("Host 1 · virbr0"), as two hosts may both have a virbr0
        return slash > 0 && !named.equals(id) ? texts.named(id.substring(0, slash)) + " · " + named : named;
    }

    public ObjectProperty<String> fromProperty() {
        return from;
    }

    public ObjectProperty<String> toProperty() {
        return to;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public String protocolLabel(Protocol p) {
        return i18n.get("network.protocol." + p.name());
    }

    /** The destination port as typed (TCP and UDP). */
    public StringProperty portTextProperty() {
        return portText;
    }

    /** Why the typed port is refused; empty when it is taken (and always for ICMP, which has none). */
    public StringBinding portErrorBinding() {
        return portError;
    }

    public BooleanBinding portDisabledBinding() {
        return protocol.isEqualTo(Protocol.ICMP);
    }

    /** Why the scenario's network cannot be built; empty when it can. */
    public ReadOnlyStringProperty topologyErrorProperty() {
        return topologyError.getReadOnlyProperty();
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    private java.util.Optional<String> portProblem() {
        if (protocol.get() == Protocol.ICMP) {
            return java.util.Optional.empty();
        }
        String text = portText.get() == null ? "" : portText.get().strip();
        try {
            int p = Integer.parseInt(text);
            if (p >= 1 && p <= 65535) {
                return java.util.Optional.empty();
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        return java.util.Optional.of(i18n.format("network.port.error", text));
    }

    private int port() {
        return protocol.get() == Protocol.ICMP || portProblem().isPresent() ? 0 : Integer.parseInt(portText.get().strip());
    }

    /** Loads a pair into the sender (a click on the reachability matrix). */
    public void choosePair(String fromId, String toId) {
        from.set(fromId);
        to.set(toId);
    }

    /**
     * Sends the probe as chosen: the simulation traces it at its next tick, on the network as its traffic so far
     * left it, and the trace shows from its first hop at the next {@link #update}. Returns whether it was sent (not
     * when the sender's choices are refused, or there is no simulation to send it in).
     */
    public boolean send() {
        if (!canSend.get() || submitter == null) {
            return false;
        }
        submitter.accept(new SendProbe(from.get(), to.get(), protocol.get(), port()));
        return true;
    }

    private void show(Trace trace) {
        stop();
        List<HopRow> rows = new ArrayList<>();
        int n = 1;
        for (Hop h : trace.request().hops()) {
            rows.add(HopRow.of(texts, false, n++, h));
        }
        requestHops.set(rows.size());
        if (trace.reply() != null) {
            n = 1;
            for (Hop h : trace.reply().hops()) {
                rows.add(HopRow.of(texts, true, n++, h));
            }
        }
        String what = protocol(trace);
        traced.set(i18n.format("network.traced", what, texts.endpoint(topology.endpoint(trace.from())),
                texts.endpoint(topology.endpoint(trace.to()))));
        requestVerdict.set(texts.verdict(trace.request().verdict()));
        requestDropped.set(!trace.request().verdict().delivered());
        replyVerdict.set(trace.reply() == null ? "" : texts.verdict(trace.reply().verdict()));
        replyDropped.set(trace.reply() != null && !trace.reply().verdict().delivered());
        step.set(-1);
        this.trace.set(trace);
        hops.setAll(rows);
        step.set(0);
    }

    private String protocol(Trace trace) {
        String p = texts.protocol(trace.protocol());
        return trace.port() == 0 ? p : p + " " + trace.port();
    }

    private void clearTrace() {
        step.set(-1);
        trace.set(null);
        hops.clear();
        requestHops.set(0);
        traced.set("");
        requestVerdict.set("");
        replyVerdict.set("");
        requestDropped.set(false);
        replyDropped.set(false);
    }

    // ---- the walk ----------------------------------------------------------------------------------------

    /** The last trace's hops: the request's, then the reply's. */
    public ObservableList<HopRow> hops() {
        return hopsView;
    }

    /**
     * The last trace as the engine gave it (set before {@link #hops()} change, so a listener on the rows finds
     * it), {@code null} when nothing was sent; read by the topology, which draws it on the canvas.
     */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** Forgets the last trace: no hops, no step (the topology's Clear). */
    public void clear() {
        stop();
        clearTrace();
    }

    /** How many of {@link #hops()} are the request's. */
    public ReadOnlyIntegerProperty requestHopsProperty() {
        return requestHops.getReadOnlyProperty();
    }

    /** The hop the packet is at, an index into {@link #hops()}; -1 before anything was sent. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "ICMP from Web 1 · nic0 (default) to Internet". */
    public ReadOnlyStringProperty tracedProperty() {
        return traced.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty requestVerdictProperty() {
        return requestVerdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty replyVerdictProperty() {
        return replyVerdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty requestDroppedProperty() {
        return requestDropped.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty replyDroppedProperty() {
        return replyDropped.getReadOnlyProperty();
    }

    public BooleanBinding canStepBackBinding() {
        return canStepBack;
    }

    public BooleanBinding canStepForwardBinding() {
        return canStepForward;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** What happens at the current hop, in a sentence; at a leg's last hop, how it ended. */
    public StringBinding currentBinding() {
        return current;
    }

    public void stepForward() {
        if (canStepForward.get()) {
            step.set(step.get() + 1);
        }
    }

    public void stepBack() {
        stop();
        if (canStepBack.get()) {
            step.set(step.get() - 1);
        }
    }

    /** Back to the first hop of the request. */
    public void rewind() {
        stop();
        if (!hops.isEmpty()) {
            step.set(0);
        }
    }

    /** Starts the packet moving (from the start, if it had arrived) or pauses it. */
    public void togglePlay() {
        if (playing.get()) {
            stop();
            return;
        }
        if (hops.isEmpty()) {
            return;
        }
        if (!canStepForward.get()) {
            step.set(0);
        }
        playing.set(true);
    }

    /** One frame of Play: the next hop, and a stop at the end. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        stepForward();
        if (!canStepForward.get()) {
            stop();
        }
    }

    private void stop() {
        playing.set(false);
    }

    /** Whether the hop at {@code index} is where its leg ended with a drop. */
    public boolean isDropAt(int index) {
        if (index < 0 || index >= hops.size()) {
            return false;
        }
        boolean lastOfRequest = index == requestHops.get() - 1;
        boolean lastOfReply = index == hops.size() - 1 && hops.get(index).reply();
        return (lastOfRequest && requestDropped.get()) || (lastOfReply && replyDropped.get());
    }

    private String currentText() {
        int i = step.get();
        if (i < 0 || i >= hops.size()) {
            return topology == null ? "" : i18n.get("network.current.none");
        }
        HopRow h = hops.get(i);
        int legSize = h.reply() ? hops.size() - requestHops.get() : requestHops.get();
        String where = i18n.format(h.reply() ? "network.current.reply" : "network.current.request", h.number(),
                legSize, h.device(), h.caption());
        if (h.arp()) {
            where += " " + i18n.format("network.current.arp", h.frame(), h.ips());
        }
        boolean lastOfLeg = h.number() == legSize;
        if (lastOfLeg) {
            return where + " " + (h.reply() ? replyVerdict.get() : requestVerdict.get());
        }
        return where;
    }

    // ---- the other panels --------------------------------------------------------------------------------

    public DeviceTablesModel tables() {
        return tables;
    }

    public ReachModel reach() {
        return reach;
    }
}
