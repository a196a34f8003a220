package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * A VM's network adapters: one row per NIC ({@code nic0}, {@code nic1}, ...) with what it is plugged into,
 * chosen among what it can reach: nothing, the networks of the VM's host, and the port groups of the
 * switches that span that host. Choosing, adding (up to {@link VmSpec#MAX_NICS}) and removing are one edit
 * each. Removing a NIC renames the ones after it, as a guest's adapters are numbered in order. The engine
 * has no network subsystem yet, so the simulation goes on.
 */
public final class NicListEditorModel {
    /** Something a NIC can be plugged into (or nothing), with how the list shows it. */
    public record Choice(NicSpec nic, String label) {
    }

    /** One NIC: its name and what it is plugged into; choosing another applies it. */
    public final class Row {
        private final int index;
        private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>();
        private final StringBinding problem;

        private Row(int index, NicSpec nic, String vmName) {
            this.index = index;
            choice.set(choices.stream().filter(c -> c.nic().equals(nic)).findFirst().orElseThrow());
            choice.addListener((obs, was, now) -> plug(index, now));
            problem = Bindings.createStringBinding(() -> choice.get() == null || choice.get().nic().wired() ? ""
                    : i18n.format("nics.unwired", vmName, name()), choice);
        }

        /**
         * Empty while the NIC is plugged into something; else that it is wired to nothing and can send no packets
         * (the file may keep it so: {@code virtlab check} warns, the Network tab refuses traces from or to it).
         */
        public StringBinding problemBinding() {
            return problem;
        }

        public int index() {
            return index;
        }

        /** "nic0". */
        public String name() {
            return NicSpec.name(index);
        }

        public ObjectProperty<Choice> choiceProperty() {
            return choice;
        }
    }

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final List<Choice> choices;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper();
    private VmSpec shown;

    public NicListEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.choices = choices(i18n, editor.scenario(), vm);
        show(vm);
    }

    /**
     * What a NIC of {@code vm} can be plugged into, in this order: nothing, the networks of its host, the port
     * groups of each switch that spans its host.
     */
    static List<Choice> choices(I18n i18n, Scenario s, VmSpec vm) {
        ElementTexts texts = new ElementTexts(i18n);
        List<Choice> out = new ArrayList<>();
        out.add(new Choice(NicSpec.UNWIRED, i18n.get("nic.target.none")));
        for (NetworkSpec n : s.networksOn(vm.hostId())) {
            out.add(new Choice(NicSpec.toNetwork(n.id()), texts.network(n)));
        }
        for (SwitchSpec sw : s.switches()) {
            if (sw.spans(vm.hostId())) {
                for (PortGroupSpec g : sw.portGroups()) {
                    out.add(new Choice(NicSpec.toPortGroup(g.id()), texts.portGroup(sw, g)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Everything a NIC of this VM can be plugged into. */
    public List<Choice> choices() {
        return choices;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Whether another NIC fits: fewer than {@link VmSpec#MAX_NICS}. */
    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    /** Whether this editor still shows {@code vm} as it is with these {@code offered} choices (the panel keeps it). */
    boolean isFor(VmSpec vm, List<Choice> offered) {
        return vm.equals(shown) && offered.equals(choices);
    }

    /** Adds a NIC plugged into nothing, as one edit. */
    public void add() {
        VmSpec vm = vm();
        if (vm.nics().size() < VmSpec.MAX_NICS) {
            apply(vm.withNic(vm.nics().size(), NicSpec.UNWIRED));
            show(shown);
        }
    }

    /** Removes the NIC at {@code index}, as one edit; the NICs after it move up one name. */
    public void remove(int index) {
        List<NicSpec> nics = new ArrayList<>(vm().nics());
        nics.remove(index);
        apply(vm().withNics(nics));
        show(shown);
    }

    private void plug(int index, Choice choice) {
        VmSpec vm = vm();
        if (choice != null && index < vm.nics().size() && !vm.nics().get(index).equals(choice.nic())) {
            apply(vm.withNic(index, choice.nic()));
        }
    }

    private void apply(VmSpec edited) {
        shown = edited;
        editor.restructure(editor.scenario().withVm(edited));
    }

    private VmSpec vm() {
        return editor.scenario().vm(vmId).orElseThrow();
    }

    private void show(VmSpec vm) {
        List<Row> next = new ArrayList<>();
        for (int i = 0; i < vm.nics().size(); i++) {
            next.add(new Row(i, vm.nics().get(i), vm.name()));
        }
        rows.setAll(next);
        canAdd.set(vm.nics().size() < VmSpec.MAX_NICS);
    }
}
