package org.virtlab.ui.properties;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.model.Ipv4Cidr;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a virtual network: its name, mode (libvirt's {@code <forward>}), subnet and bridge. The subnet is
 * IPv4 CIDR with a prefix of /{@value NetworkSpec#MIN_SUBNET_PREFIX}–/{@value NetworkSpec#MAX_SUBNET_PREFIX}
 * and host bits zero, required unless the network is bridged (whose guests take the LAN's addresses); the
 * bridge is a Linux interface name. Two networks of one host may share neither a bridge nor an address, as
 * the model's rules say: the message names the other network. {@link #commit()} applies the form as one
 * edit; the engine has no network subsystem yet, so the simulation goes on without a restart.
 */
public final class NetworkEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final ElementTexts texts;
    private final String networkId;
    private final NameField name;
    private final ObjectProperty<NetworkMode> mode = new SimpleObjectProperty<>();
    private final StringProperty subnet = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper subnetError = new ReadOnlyStringWrapper("");
    private final StringProperty bridge = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper bridgeError = new ReadOnlyStringWrapper("");
    private NetworkSpec shown;

    public NetworkEditorModel(I18n i18n, ScenarioEditor editor, NetworkSpec network) {
        this.i18n = i18n;
        this.editor = editor;
        this.texts = new ElementTexts(i18n);
        this.networkId = network.id();
        this.shown = network;
        this.name = new NameField(network.name());
        mode.set(network.mode());
        subnet.set(network.subnet() == null ? "" : network.subnet());
        bridge.set(network.bridge());
    }

    public StringProperty nameProperty() {
        return name.textProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return name.errorProperty();
    }

    /** The mode as chosen; applied with the rest of the form. */
    public ObjectProperty<NetworkMode> modeProperty() {
        return mode;
    }

    /** "NAT network". */
    public String modeLabel(NetworkMode m) {
        return texts.modeLabel(m);
    }

    /** One line on what the mode does. */
    public String modeExplanation(NetworkMode m) {
        return texts.modeExplanation(m);
    }

    /** The chosen mode's explanation and libvirt element, shown under the choice. */
    public StringBinding chosenModeExplanation() {
        return Bindings.createStringBinding(() -> mode.get() == null ? ""
                : i18n.format("network.mode.chosen", texts.modeExplanation(mode.get()), texts.forward(mode.get())), mode);
    }

    /** Whether the network has a subnet of its own in the chosen mode (all but bridged). */
    public BooleanBinding subnetNeeded() {
        return Bindings.createBooleanBinding(() -> mode.get() != null && mode.get().hasSubnet(), mode);
    }

    public StringProperty subnetProperty() {
        return subnet;
    }

    public ReadOnlyStringProperty subnetErrorProperty() {
        return subnetError.getReadOnlyProperty();
    }

    public StringProperty bridgeProperty() {
        return bridge;
    }

    public ReadOnlyStringProperty bridgeErrorProperty() {
        return bridgeError.getReadOnlyProperty();
    }

    /** Whether this editor still shows {@code network} as it is (the panel then keeps it, and its focus). */
    boolean isFor(NetworkSpec network) {
        return network.equals(shown);
    }

    /** Checks every field, as one is left, without applying anything. Returns whether all are valid. */
    public boolean check() {
        return validated().isPresent();
    }

    /** Checks every field; if all are valid and something changed, applies the network as one edit. */
    public boolean commit() {
        Optional<NetworkSpec> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        if (edited.get().equals(s.network(networkId).orElseThrow())) {
            return true;
        }
        shown = edited.get();
        editor.restructure(s.withNetwork(shown));
        return true;
    }

    /** The network as typed, if every field is valid; each wrong field gets its message. */
    private Optional<NetworkSpec> validated() {
        Scenario s = editor.scenario();
        NetworkSpec was = s.network(networkId).orElseThrow();
        Optional<String> n = name.check(i18n);
        NetworkMode m = mode.get() == null ? was.mode() : mode.get();
        Optional<Optional<String>> net = checkSubnet(s, m);
        Optional<String> b = checkBridge(s);
        if (n.isEmpty() || net.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(was.withName(n.get()).withMode(m, net.get().orElse(null)).withBridge(b.get()));
    }

    /** The subnet for mode {@code m}: none for bridged, else a valid one that no other network of the host overlaps. */
    private Optional<Optional<String>> checkSubnet(Scenario s, NetworkMode m) {
        subnetError.set("");
        if (!m.hasSubnet()) {
            return Optional.of(Optional.empty());
        }
        String typed = subnet.get() == null ? "" : subnet.get().strip();
        String form = i18n.format("network.error.subnetForm", Integer.toString(NetworkSpec.MIN_SUBNET_PREFIX),
                Integer.toString(NetworkSpec.MAX_SUBNET_PREFIX));
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(typed);
        if (cidr.isEmpty()) {
            subnetError.set(typed.isEmpty() ? i18n.format("network.error.subnetRequired", form)
                    : i18n.format("network.error.subnet", form, typed));
            return Optional.empty();
        }
        Ipv4Cidr c = cidr.get();
        if (c.prefix() < NetworkSpec.MIN_SUBNET_PREFIX || c.prefix() > NetworkSpec.MAX_SUBNET_PREFIX) {
            subnetError.set(i18n.format("network.error.prefix", Integer.toString(NetworkSpec.MIN_SUBNET_PREFIX),
                    Integer.toString(NetworkSpec.MAX_SUBNET_PREFIX), Integer.toString(c.prefix())));
            return Optional.empty();
        }
        if (!c.isNetwork()) {
            subnetError.set(i18n.format("network.error.hostBits", typed, c.network().toString()));
            return Optional.empty();
        }
        for (NetworkSpec other : others(s)) {
            Optional<Ipv4Cidr> theirs = other.subnetCidr();
            if (theirs.isPresent() && theirs.get().overlaps(c)) {
                subnetError.set(i18n.format("network.error.overlap", other.name(), other.subnet()));
                return Optional.empty();
            }
        }
        return Optional.of(Optional.of(c.toString()));
    }

    private Optional<String> checkBridge(Scenario s) {
        bridgeError.set("");
        String typed = bridge.get() == null ? "" : bridge.get().strip();
        if (!NetworkSpec.isBridgeName(typed)) {
            bridgeError.set(i18n.format("network.error.bridge", Integer.toString(NetworkSpec.MAX_BRIDGE_CHARS), typed));
            return Optional.empty();
        }
        for (NetworkSpec other : others(s)) {
            if (other.bridge().equals(typed)) {
                bridgeError.set(i18n.format("network.error.bridgeTaken", typed, other.name()));
                return Optional.empty();
            }
        }
        return Optional.of(typed);
    }

    /** The host's other networks: the ones this one must not collide with. */
    private List<NetworkSpec> others(Scenario s) {
        NetworkSpec was = s.network(networkId).orElseThrow();
        return s.networksOn(was.hostId()).stream().filter(n -> !n.id().equals(networkId)).toList();
    }
}
