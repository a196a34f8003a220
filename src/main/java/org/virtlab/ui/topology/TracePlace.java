package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.PhysicalLan;
import org.virtlab.engine.net.Trace;
import org.virtlab.ui.common.WireId;

/**
 * Where on the topology canvas one hop of a trace is: the element the packet marker sits on and the devices lit
 * while it is there.
 *
 * @param where   what kind of element
 * @param element the element's id on the canvas: a VM, network, host or switch id; {@code lan}, {@code wan},
 *                {@code router}, {@code lan-pc} or {@code internet} for the physical side
 * @param detail  for {@link Where#NIC} the NIC's index; for {@link Where#DVS_UPLINK} the host whose proxy it is;
 *                for {@link Where#LAN} what the frame leaves the LAN switch towards (a host id, {@code router} or
 *                {@code lan-pc}); else {@code ""}
 */
public record TracePlace(Where where, String element, String detail) {

    /** The kinds of element a packet can be at. */
    public enum Where {
        /** A VM's NIC, where its wire leaves the VM card: the guest sent or received the packet. */
        NIC,
        /** A virtual network's bridge bar (virbr0, br0) on its host card. */
        NETWORK,
        /** A host's own IP stack: it routes, masquerades or forwards a port; its uplink to the LAN. */
        HOST,
        /** A distributed switch's proxy on one host: the dashed uplink between the switch and that host. */
        DVS_UPLINK,
        /** The physical LAN segment (the LAN switch). */
        LAN,
        /** The WAN between the router and the Internet. */
        WAN,
        ROUTER, LAN_PC, INTERNET
    }

    public static final String LAN = "lan";
    public static final String WAN = "wan";
    /** The physical side's machines, by the names the network engine gives them. */
    public static final String LAN_PC = PhysicalLan.LAN_PC;
    public static final String ROUTER = PhysicalLan.ROUTER;
    public static final String INTERNET = PhysicalLan.INTERNET;

    /** The wire of a {@link Where#NIC} place ({@code wire:web:0}), else {@code null}. */
    public String wireId() {
        return where == Where.NIC ? new WireId(element, Integer.parseInt(detail)).id() : null;
    }

    /** Each hop of the trace, the request's then the reply's, in the order of the Network tab's hop rows. */
    public static List<TracePlace> of(Scenario scenario, Trace trace) {
        List<TracePlace> out = new ArrayList<>();
        trace.request().hops().forEach(h -> out.add(of(scenario, h)));
        if (trace.reply() != null) {
            trace.reply().hops().forEach(h -> out.add(of(scenario, h)));
        }
        return out;
    }

    /**
     * Where one hop is, from its device and ports as the engine names them ({@link Hop#device()}): a guest is the
     * VM itself (its NIC from {@code nic0}), a Linux bridge {@code host1/virbr0} the network whose bridge that is
     * on that host, a distributed switch's proxy {@code host1/dvs1} the uplink of {@code dvs1} to {@code host1},
     * and the LAN switch the LAN, at the port the frame leaves by ({@code host2-eth1} is host2's uplink).
     */
    public static TracePlace of(Scenario scenario, Hop hop) {
        String device = hop.device();
        switch (hop.kind()) {
            case GUEST: {
                String port = hop.outPort().isEmpty() ? hop.inPort() : hop.outPort();
                return new TracePlace(Where.NIC, device, String.valueOf(nicIndex(port)));
            }
            case HOST:
                return new TracePlace(Where.HOST, device, "");
            case LINUX_BRIDGE: {
                int slash = device.indexOf('/');
                String host = device.substring(0, slash);
                String bridge = device.substring(slash + 1);
                return scenario.networksOn(host).stream().filter(n -> bridge.equals(n.bridge())).findFirst()
                        .map(NetworkSpec::id).map(id -> new TracePlace(Where.NETWORK, id, ""))
                        .orElse(new TracePlace(Where.HOST, host, ""));
            }
            case DVS_PROXY: {
                int slash = device.indexOf('/');
                return new TracePlace(Where.DVS_UPLINK, device.substring(slash + 1), device.substring(0, slash));
            }
            case PHYSICAL_SWITCH:
                if (device.equals(PhysicalLan.WAN_SWITCH)) {
                    return new TracePlace(Where.WAN, WAN, "");
                }
                return new TracePlace(Where.LAN, LAN, attachment(hop.outPort().isEmpty() ? hop.inPort() : hop.outPort()));
            case ROUTER:
                return new TracePlace(Where.ROUTER, PhysicalLan.ROUTER, "");
            case LAN_MACHINE:
                return new TracePlace(Where.LAN_PC, PhysicalLan.LAN_PC, "");
            default:
                return new TracePlace(Where.INTERNET, PhysicalLan.INTERNET, "");
        }
    }

    /** {@code nic2} → 2 (a guest's NICs are named by {@code NicSpec.name}); 0 for anything else. */
    private static int nicIndex(String port) {
        String digits = port.startsWith("nic") ? port.substring(3) : "";
        return digits.matches("\\d{1,4}") ? Integer.parseInt(digits) : 0;
    }

    /** A LAN switch port's far end: {@code host1-eth0} → host1; {@code router} and {@code lan-pc} as they are. */
    private static String attachment(String port) {
        int eth = port.lastIndexOf("-eth");
        return eth > 0 ? port.substring(0, eth) : port;
    }
}
