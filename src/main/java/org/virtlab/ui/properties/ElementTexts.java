package org.virtlab.ui.properties;

import org.virtlab.ui.common.WireId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.i18n.I18n;

/**
 * How the panel names the topology's parts in the window's language: network modes with their one-line
 * explanations, what a NIC is plugged into, the NICs plugged into a network or port group, and the kind
 * and name of any selected element.
 */
final class ElementTexts {
    private final I18n i18n;

    ElementTexts(I18n i18n) {
        this.i18n = i18n;
    }

    /** "NAT network". */
    String modeLabel(NetworkMode mode) {
        return i18n.get("network.mode." + mode.name().toLowerCase(Locale.ROOT));
    }

    /** One line on what the mode does, after libvirt.org/formatnetwork.html. */
    String modeExplanation(NetworkMode mode) {
        return i18n.get("network.mode." + mode.name().toLowerCase(Locale.ROOT) + ".explain");
    }

    /** libvirt's element for the mode: {@code <forward mode='nat'/>}, or "no <forward>" for isolated. */
    String forward(NetworkMode mode) {
        return mode == NetworkMode.ISOLATED ? i18n.get("network.forward.none")
                : "<forward mode='" + mode.libvirtForwardMode() + "'/>";
    }

    /** "default (NAT network)". */
    String network(NetworkSpec n) {
        return i18n.format("nic.target.network", n.name(), modeLabel(n.mode()));
    }

    /** "Web, VLAN 10 (DSwitch)". */
    String portGroup(SwitchSpec s, PortGroupSpec g) {
        return i18n.format("nic.target.portGroup", g.name(), Integer.toString(g.vlanId()), s.name());
    }

    /** What the NIC is plugged into, or "Not connected". */
    String target(Scenario s, NicSpec nic) {
        if (nic.networkId() != null) {
            return s.network(nic.networkId()).map(this::network).orElse(nic.networkId());
        }
        if (nic.portGroupId() != null) {
            SwitchSpec sw = s.switchOf(nic.portGroupId()).orElseThrow();
            return portGroup(sw, sw.portGroup(nic.portGroupId()).orElseThrow());
        }
        return i18n.get("nic.target.none");
    }

    /** "Web 1 · nic0". */
    String nic(VmSpec vm, int index) {
        return i18n.format("nic.ofVm", vm.name(), NicSpec.name(index));
    }

    /** The NICs that {@code plugged} picks, as "Web 1 · nic0, Database · nic0"; "None" when there are none. */
    String nicsWhere(Scenario s, Predicate<NicSpec> plugged) {
        List<String> out = new ArrayList<>();
        for (VmSpec vm : s.vms()) {
            for (int i = 0; i < vm.nics().size(); i++) {
                if (plugged.test(vm.nics().get(i))) {
                    out.add(nic(vm, i));
                }
            }
        }
        return out.isEmpty() ? i18n.get("props.none") : String.join(i18n.get("props.listSeparator"), out);
    }

    /** An element's kind ("VM", "Port group", ...) and name, for a row of a multiple selection. */
    record Named(String kind, String name) {
    }

    /** The kind and name of the element {@code id} names; empty if nothing has the id. */
    Optional<Named> named(Scenario s, String id) {
        if (s.host(id).isPresent()) {
            return Optional.of(new Named(i18n.get("props.kind.host"), s.host(id).get().name()));
        }
        if (s.vm(id).isPresent()) {
            return Optional.of(new Named(i18n.get("props.kind.vm"), s.vm(id).get().name()));
        }
        if (s.network(id).isPresent()) {
            NetworkSpec n = s.network(id).get();
            return Optional.of(new Named(modeLabel(n.mode()), n.name()));
        }
        if (s.switchSpec(id).isPresent()) {
            return Optional.of(new Named(i18n.get("props.kind.switch"), s.switchSpec(id).get().name()));
        }
        if (s.portGroup(id).isPresent()) {
            return Optional.of(new Named(i18n.get("props.kind.portGroup"), s.portGroup(id).get().name()));
        }
        return WireId.parse(id).flatMap(w -> s.vm(w.vmId()).filter(vm -> w.nicIndex() < vm.nics().size())
                .map(vm -> new Named(i18n.get("props.kind.wire"), nic(vm, w.nicIndex()))));
    }
}
