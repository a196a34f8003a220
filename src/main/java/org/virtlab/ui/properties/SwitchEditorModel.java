package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a distributed switch: its name, the hosts it spans (one checkbox per host of the scenario) and
 * its port groups (added, removed, renamed, their VLANs changed; no two with one VLAN ID). Taking a host
 * off the switch, or removing a port group, leaves NICs with nothing to plug into: they are unplugged
 * (not removed, so a VM's other NICs keep their names), as deleting an element unplugs what was plugged
 * into it. The form says which NICs before Apply, and {@link #commit()} applies the whole form, unplugging
 * included, as one edit, which Undo takes back whole. The engine has no network subsystem yet, so the
 * simulation goes on.
 */
public final class SwitchEditorModel {
    /** A host of the scenario and whether the switch spans it (as ticked). */
    public static final class HostChoice {
        private final String hostId;
        private final String name;
        private final BooleanProperty spanned;

        HostChoice(String hostId, String name, boolean spanned) {
            this.hostId = hostId;
            this.name = name;
            this.spanned = new SimpleBooleanProperty(spanned);
        }

        public String hostId() {
            return hostId;
        }

        public String name() {
            return name;
        }

        public BooleanProperty spannedProperty() {
            return spanned;
        }
    }

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final ElementTexts texts;
    private final String switchId;
    private final NameField name;
    private final List<HostChoice> hosts = new ArrayList<>();
    private final ObservableList<PortGroupFields> portGroups = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper unplugs = new ReadOnlyStringWrapper("");
    private final List<HostSpec> hostsShown;
    private SwitchSpec shown;

    public SwitchEditorModel(I18n i18n, ScenarioEditor editor, SwitchSpec sw) {
        this.i18n = i18n;
        this.editor = editor;
        this.texts = new ElementTexts(i18n);
        this.switchId = sw.id();
        this.shown = sw;
        this.name = new NameField(sw.name());
        this.hostsShown = editor.scenario().hosts();
        for (HostSpec h : hostsShown) {
            HostChoice choice = new HostChoice(h.id(), h.name(), sw.spans(h.id()));
            choice.spanned.addListener((obs, was, now) -> showUnplugs());
            hosts.add(choice);
        }
        sw.portGroups().forEach(g -> portGroups.add(new PortGroupFields(g)));
        portGroups.addListener((ListChangeListener<PortGroupFields>) c -> showUnplugs());
    }

    public StringProperty nameProperty() {
        return name.textProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return name.errorProperty();
    }

    /** Every host of the scenario, in its order, ticked where the switch spans it. */
    public List<HostChoice> hosts() {
        return hosts;
    }

    /** The port groups as typed, in order; Add and Remove change this list. */
    public ObservableList<PortGroupFields> portGroups() {
        return portGroups;
    }

    /** The NICs Apply would unplug, named; empty when none. Follows the checkboxes and the list as they change. */
    public ReadOnlyStringProperty unplugsProperty() {
        return unplugs.getReadOnlyProperty();
    }

    /**
     * Adds a port group to the form: a new id ({@code pg1}, {@code pg2}, ... whichever nothing has), named as
     * its id, on the first multiple of 10 no other group uses (the lesson's groups are VLAN 10 and 20).
     */
    public void addPortGroup() {
        Scenario s = editor.scenario();
        Set<String> taken = new HashSet<>();
        portGroups.forEach(g -> taken.add(g.id()));
        String id = null;
        for (int n = 1; id == null; n++) {
            String candidate = "pg" + n;
            if (!s.hasId(candidate) && !taken.contains(candidate)) {
                id = candidate;
            }
        }
        Set<String> vlans = new HashSet<>();
        portGroups.forEach(g -> vlans.add(g.vlanProperty().get().strip()));
        int vlan = 10;
        while (vlans.contains(Integer.toString(vlan)) && vlan + 10 <= PortGroupSpec.MAX_VLAN_ID) {
            vlan += 10;
        }
        portGroups.add(new PortGroupFields(new PortGroupSpec(id, id, vlan)));
    }

    /** Takes a port group out of the form (Apply removes it, unplugging its NICs). */
    public void removePortGroup(PortGroupFields group) {
        portGroups.remove(group);
    }

    /** Whether this editor still shows {@code sw} among {@code allHosts} as they are (the panel keeps it). */
    boolean isFor(SwitchSpec sw, List<HostSpec> allHosts) {
        return sw.equals(shown) && allHosts.equals(hostsShown);
    }

    /** Checks every field, as one is left, without applying anything. Returns whether all are valid. */
    public boolean check() {
        return validated().isPresent();
    }

    /**
     * Checks every field; if all are valid and something changed, applies the switch, with the NICs it no
     * longer reaches unplugged, as one edit.
     */
    public boolean commit() {
        Optional<SwitchSpec> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        if (edited.get().equals(s.switchSpec(switchId).orElseThrow())) {
            return true;
        }
        shown = edited.get();
        List<VmSpec> vms = s.vms().stream().map(vm -> unplugged(vm, shown)).toList();
        editor.restructure(s.withVms(vms).withSwitch(shown));
        showUnplugs();
        return true;
    }

    /** The switch as typed, if every field is valid; each wrong field gets its message. */
    private Optional<SwitchSpec> validated() {
        SwitchSpec was = editor.scenario().switchSpec(switchId).orElseThrow();
        Optional<String> n = name.check(i18n);
        List<PortGroupSpec> groups = new ArrayList<>();
        boolean valid = n.isPresent();
        for (PortGroupFields g : portGroups) {
            Optional<PortGroupSpec> group = g.validated(i18n, groups);
            group.ifPresent(groups::add);
            valid &= group.isPresent();
        }
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(was.withName(n.get()).withHostIds(spannedHosts(was)).withPortGroups(groups));
    }

    /** The ticked hosts: those the switch spanned in its order, then newly ticked ones in the scenario's. */
    private List<String> spannedHosts(SwitchSpec was) {
        List<String> ticked = hosts.stream().filter(h -> h.spanned.get()).map(HostChoice::hostId).toList();
        List<String> out = new ArrayList<>(was.hostIds().stream().filter(ticked::contains).toList());
        ticked.stream().filter(h -> !out.contains(h)).forEach(out::add);
        return out;
    }

    /** {@code vm} with its NICs on this switch unplugged where {@code sw} no longer reaches them. */
    private VmSpec unplugged(VmSpec vm, SwitchSpec sw) {
        List<NicSpec> nics = vm.nics().stream().map(nic -> lost(vm, nic, sw) ? NicSpec.UNWIRED : nic).toList();
        return nics.equals(vm.nics()) ? vm : vm.withNics(nics);
    }

    /** Whether {@code nic} is plugged into this switch and {@code sw} would not have it: host or group gone. */
    private boolean lost(VmSpec vm, NicSpec nic, SwitchSpec sw) {
        if (nic.portGroupId() == null || editor.scenario().switchOf(nic.portGroupId())
                .filter(s -> s.id().equals(switchId)).isEmpty()) {
            return false;
        }
        return !sw.spans(vm.hostId()) || sw.portGroup(nic.portGroupId()).isEmpty();
    }

    /** Names the NICs the form as it stands would unplug. */
    private void showUnplugs() {
        Scenario s = editor.scenario();
        SwitchSpec was = s.switchSpec(switchId).orElseThrow();
        Set<String> kept = new HashSet<>();
        portGroups.forEach(g -> kept.add(g.id()));
        // the port groups as kept, whatever is typed in them: only which exist matters here
        SwitchSpec planned = was.withHostIds(spannedHosts(was)).withPortGroups(
                was.portGroups().stream().filter(g -> kept.contains(g.id())).toList());
        List<String> lost = new ArrayList<>();
        for (VmSpec vm : s.vms()) {
            for (int i = 0; i < vm.nics().size(); i++) {
                if (lost(vm, vm.nics().get(i), planned)) {
                    lost.add(texts.nic(vm, i));
                }
            }
        }
        unplugs.set(lost.isEmpty() ? "" : i18n.format("switch.unplugs", String.join(i18n.get("props.listSeparator"), lost)));
    }
}
