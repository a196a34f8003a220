package org.virtlab.engine.net;

import java.util.function.UnaryOperator;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.EventSink;
import org.virtlab.engine.Input;
import org.virtlab.engine.StepContext;
import org.virtlab.engine.Subsystem;
import org.virtlab.engine.SubsystemSnapshot;
import org.virtlab.engine.model.Scenario;

/**
 * The network as part of the simulation: the probes sent ({@link SendProbe}) are traced by {@link PacketTracer} on
 * the network as earlier traffic left it, at the start of the tick they take effect in, and each frame at each
 * device, each address translation and how each leg ended are journaled as events (in order; the hops of one probe
 * share its tick's time: the model has no per-hop latency). What the network learns (MAC tables, ARP caches,
 * connection tracking, the next ephemeral port) ages with simulated time and is part of every checkpoint, so a
 * rewind to before a probe forgets what it taught, a NAT entry included, and the replay re-creates it exactly.
 *
 * <p>The network follows live migration by itself: at each probe a VM that now runs on another host (the CPU
 * subsystem says where) has its NICs on that host's networks, and they announce themselves there first. Edits of the
 * wiring come as a {@link Rewire}.
 *
 * <p>The network is built at the first probe, not before: a run that sends none (every command-line run) pays
 * nothing for it. It draws nothing from the random generator, so the other subsystems' numbers are what they were
 * without it.
 */
public final class NetSubsystem implements Subsystem {
    public static final String NAME = "net";

    /** Where each VM runs now (the CPU subsystem's placement, which live migration changes). */
    private final UnaryOperator<String> hostOf;
    private Scenario scenario;
    /** Null until the first probe. */
    private NetState state;
    private long probes;
    private Trace last;
    /** Simulated time after the last tick. */
    private long nowMicros;
    /** A copy of {@link #state} since its last change, made when a snapshot first needs it. */
    private NetState frozen;

    /** A network whose VMs stay where the scenario puts them. */
    public NetSubsystem(Scenario scenario) {
        this(scenario, vmId -> scenario.vm(vmId).orElseThrow().hostId());
    }

    /**
     * @param hostOf where a VM of the scenario runs now: after a live migration its NICs are on the target's networks
     *               (as {@link Scenario#withVmMoved} plugs them) and announce themselves there at the next probe
     */
    public NetSubsystem(Scenario scenario, UnaryOperator<String> hostOf) {
        this.scenario = scenario;
        this.hostOf = hostOf;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void step(StepContext ctx) {
        if (state != null) {
            state.advance(ctx.tickMicros());
        }
        nowMicros = ctx.endMicros();
    }

    @Override
    public boolean accept(Input input) {
        throw new UnsupportedOperationException("the kernel hands inputs with their tick's context");
    }

    @Override
    public boolean accept(Input input, StepContext ctx) {
        if (input instanceof SendProbe probe) {
            send(probe, ctx);
            return true;
        }
        if (input instanceof Rewire rewire) {
            if (state != null) {
                try {
                    state = state.carriedTo(NetTopology.of(rewire.scenario()));
                } catch (NetException e) {
                    state = null; // a network that cannot be built (the tab says why): nothing to carry, no probes
                }
                frozen = null;
            }
            scenario = rewire.scenario();
            return true;
        }
        return false;
    }

    private void send(SendProbe probe, StepContext ctx) {
        Scenario placed = placed();
        if (placed != scenario) {
            scenario = placed;
            if (state != null) {
                state = state.carriedTo(NetTopology.of(scenario)); // moved NICs announce themselves (NetState)
            }
        }
        if (state == null) {
            state = new NetState(NetTopology.of(scenario), ctx.nowMicros());
        }
        NetState before = state.copy();
        Trace trace;
        try {
            trace = new PacketTracer(state).trace(probe.from(), probe.to(), probe.protocol(), probe.port());
        } catch (IllegalArgumentException e) {
            state = before; // a refused probe taught the network nothing
            throw e;
        }
        probes++;
        last = trace;
        frozen = null;
        EventSink events = ctx.events();
        if (events.on()) {
            journal(events, ctx.nowMicros(), trace);
        }
    }

    /** The scenario with each VM where it runs now (the same object when none moved). */
    private Scenario placed() {
        Scenario out = scenario;
        for (var vm : scenario.vms()) {
            String now = hostOf.apply(vm.id());
            if (!now.equals(vm.hostId())) {
                out = out.withVmMoved(vm.id(), now, vm.x(), vm.y());
            }
        }
        return out;
    }

    private void journal(EventSink events, long at, Trace trace) {
        leg(events, at, trace.request(), 0, trace.from());
        if (trace.reply() != null) {
            leg(events, at, trace.reply(), 1, trace.from());
        }
    }

    private void leg(EventSink events, long at, Leg leg, int which, String from) {
        NetTopology topology = state.topology();
        int number = 1;
        for (Hop hop : leg.hops()) {
            String host = hostOf(topology, hop.device());
            String vm = vmOf(topology, hop.device());
            events.emit(EventKind.PACKET_HOP, at, host, vm, hop.device(), from, hop.frame(), probes, which, number++);
            for (Rewrite r : hop.rewrites()) {
                EventKind kind = r.field() == Rewrite.Field.SOURCE ? EventKind.NAT_SOURCE_REWRITE
                        : EventKind.NAT_DESTINATION_REWRITE;
                events.emit(kind, at, host, vm, hop.device(), from, r.kind(), probes,
                        ipPort(r.fromIp(), r.fromPort()), ipPort(r.toIp(), r.toPort()));
            }
        }
        Verdict v = leg.verdict();
        String host = hostOf(topology, v.device());
        String vm = vmOf(topology, v.device());
        if (v.delivered()) {
            events.emit(EventKind.PACKET_DELIVERED, at, host, vm, v.device(), from, null, probes, which, 0);
        } else {
            events.emit(EventKind.PACKET_DROPPED, at, host, vm, v.device(), from, v.reason(), probes, which, 0);
        }
    }

    /** An IPv4 address and a port in one number, as the NAT events carry them: address × 65536 + port. */
    public static long ipPort(int ip, int port) {
        return ((ip & 0xFFFF_FFFFL) << 16) | (port & 0xFFFF);
    }

    /** The address of a number made by {@link #ipPort}. */
    public static int ipOf(long ipPort) {
        return (int) (ipPort >>> 16);
    }

    /** The port of a number made by {@link #ipPort}. */
    public static int portOf(long ipPort) {
        return (int) (ipPort & 0xFFFF);
    }

    /** The host a machine or switch belongs to (a guest's host, a host itself, a host's bridge), or null. */
    static String hostOf(NetTopology topology, String device) {
        int node = topology.nodeIndex(device);
        if (node >= 0) {
            return topology.nodes().get(node).hostId();
        }
        int sw = topology.switchIndex(device);
        return sw >= 0 ? topology.switches().get(sw).hostId() : null;
    }

    /** The VM when the device is a guest, else null. */
    static String vmOf(NetTopology topology, String device) {
        int node = topology.nodeIndex(device);
        return node >= 0 && topology.nodes().get(node).kind() == DeviceKind.GUEST ? device : null;
    }

    @Override
    public SubsystemSnapshot snapshot() {
        if (frozen == null && state != null) {
            frozen = state.copy();
        }
        return new NetSnapshot(nowMicros, probes, last, frozen);
    }

    @Override
    public Object saveState() {
        return new Saved(scenario, state == null ? null : state.copy(), probes, last, nowMicros);
    }

    @Override
    public void restore(Object savedState) {
        Saved s = (Saved) savedState;
        scenario = s.scenario();
        state = s.state() == null ? null : s.state().copy();
        probes = s.probes();
        last = s.last();
        nowMicros = s.nowMicros();
        frozen = null;
    }

    private record Saved(Scenario scenario, NetState state, long probes, Trace last, long nowMicros) {
    }
}
