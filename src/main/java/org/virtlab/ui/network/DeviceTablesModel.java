package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.net.Conntrack;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.Mac;
import org.virtlab.engine.net.MacTable;
import org.virtlab.engine.net.NetNode;
import org.virtlab.engine.net.NetState;
import org.virtlab.engine.net.NetSwitch;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Route;
import org.virtlab.ui.i18n.I18n;

/**
 * The tables of one device, as its traffic left them: a switch's MAC table (MAC, port, VLAN, age), a
 * machine's routes, ARP cache and connection tracking (original and reply tuples). Rows of texts, rebuilt from
 * {@link NetState} after a send, a choice, or a second of simulated time while the tab shows.
 */
public final class DeviceTablesModel {
    private final I18n i18n;
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final ObservableList<String> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ObjectProperty<String> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper chosenIsSwitch = new ReadOnlyBooleanWrapper();
    private final ObservableList<List<String>> macRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> routeRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> arpRows = FXCollections.observableArrayList();
    private final ObservableList<List<String>> conntrackRows = FXCollections.observableArrayList();
    private NetTopology topology;
    private NetState state;
    private NetTexts texts;

    DeviceTablesModel(I18n i18n) {
        this.i18n = i18n;
        chosen.addListener((obs, was, now) -> refresh(topology, state, texts));
    }

    /** The machines, then the switches, by the engine's names. */
    public ObservableList<String> devices() {
        return devicesView;
    }

    /** "Web 1 (VM)", "virbr0 (Linux bridge · Host 1)". */
    public String deviceLabel(String id) {
        if (topology == null || id == null) {
            return id == null ? "" : id;
        }
        int n = topology.nodeIndex(id);
        if (n >= 0) {
            NetNode node = topology.nodes().get(n);
            return i18n.format("network.tables.device", texts.device(id, node.kind()),
                    texts.deviceCaption(id, node.kind()));
        }
        NetSwitch s = topology.switches().get(topology.switchIndex(id));
        return i18n.format("network.tables.device", texts.device(id, s.kind()), texts.deviceCaption(id, s.kind()));
    }

    /** The device whose tables show; writable: the user picks one, and the walk picks the packet's. */
    public ObjectProperty<String> chosenProperty() {
        return chosen;
    }

    public ReadOnlyBooleanProperty chosenIsSwitchProperty() {
        return chosenIsSwitch.getReadOnlyProperty();
    }

    void choose(String device) {
        if (devices.contains(device)) {
            chosen.set(device);
        }
    }

    /** MAC, port, VLAN, age. */
    public ObservableList<List<String>> macRows() {
        return macRows;
    }

    /** Destination, gateway, interface. */
    public ObservableList<List<String>> routeRows() {
        return routeRows;
    }

    /** Interface, address, MAC, age. */
    public ObservableList<List<String>> arpRows() {
        return arpRows;
    }

    /** Protocol, original tuple, reply tuple, translation, expires in. */
    public ObservableList<List<String>> conntrackRows() {
        return conntrackRows;
    }

    /** "12.5 s": ages and timeouts to a tenth of a second. */
    static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f s", micros / 1e6);
    }

    void show(NetTopology newTopology, NetState newState, NetTexts newTexts) {
        topology = newTopology;
        state = newState;
        texts = newTexts;
        List<String> ids = new ArrayList<>();
        if (topology != null) {
            topology.nodes().forEach(n -> ids.add(n.name()));
            topology.switches().forEach(s -> ids.add(s.name()));
        }
        String keep = chosen.get();
        devices.setAll(ids);
        if (ids.contains(keep)) {
            refresh(topology, state, texts);
        } else {
            chosen.set(ids.isEmpty() ? null : ids.get(0));
        }
    }

    void refresh(NetTopology newTopology, NetState newState, NetTexts newTexts) {
        topology = newTopology;
        state = newState;
        texts = newTexts;
        macRows.clear();
        routeRows.clear();
        arpRows.clear();
        conntrackRows.clear();
        String id = chosen.get();
        if (topology == null || id == null) {
            return;
        }
        long now = state.nowMicros();
        int s = topology.switchIndex(id);
        chosenIsSwitch.set(s >= 0);
        if (s >= 0) {
            NetSwitch sw = topology.switches().get(s);
            for (MacTable.Entry e : state.macTable(s).entries(now)) {
                macRows.add(List.of(Mac.format(e.mac()), sw.ports().get(e.port()).name(), String.valueOf(e.vlan()),
                        seconds(e.ageMicros())));
            }
            return;
        }
        int n = topology.nodeIndex(id);
        if (n < 0) {
            return;
        }
        NetNode node = topology.nodes().get(n);
        for (Route r : node.routes()) {
            routeRows.add(List.of(r.prefix() == 0 ? i18n.get("network.route.default") : Ip.cidr(r.network(), r.prefix()),
                    r.gateway() == 0 ? i18n.get("network.route.direct") : Ip.format(r.gateway()),
                    node.ifaces().get(r.iface()).name()));
        }
        for (NetState.ArpEntry e : state.arpCache(n)) {
            arpRows.add(List.of(node.ifaces().get(e.iface()).name(), Ip.format(e.ip()), Mac.format(e.mac()),
                    seconds(e.ageMicros())));
        }
        for (Conntrack.Entry e : state.conntrack(n).entries(now)) {
            conntrackRows.add(List.of(e.protocol().spelling(),
                    NetTexts.address(e.origSrcIp(), e.origSrcPort()) + " → " + NetTexts.address(e.origDstIp(), e.origDstPort()),
                    NetTexts.address(e.replySrcIp(), e.replySrcPort()) + " → "
                            + NetTexts.address(e.replyDstIp(), e.replyDstPort()),
                    i18n.get("net.nat." + e.nat().name()), seconds(e.expiresMicros() - now)));
        }
    }
}
