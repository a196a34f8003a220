package org.virtlab.ui.properties;

import java.util.List;
import java.util.Optional;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing one port group of a distributed switch: its name and VLAN ID (1–4094, not one another group of
 * the same switch has). {@link #commit()} applies both as one edit; the engine has no network subsystem
 * yet, so the simulation goes on.
 */
public final class PortGroupEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String portGroupId;
    private final PortGroupFields fields;
    private PortGroupSpec shown;

    public PortGroupEditorModel(I18n i18n, ScenarioEditor editor, PortGroupSpec group) {
        this.i18n = i18n;
        this.editor = editor;
        this.portGroupId = group.id();
        this.shown = group;
        this.fields = new PortGroupFields(group);
    }

    public PortGroupFields fields() {
        return fields;
    }

    /** Whether this editor still shows {@code group} as it is (the panel then keeps it, and its focus). */
    boolean isFor(PortGroupSpec group) {
        return group.equals(shown);
    }

    /** Checks both fields, as one is left, without applying anything. */
    public boolean check() {
        return validated().isPresent();
    }

    /** Checks both fields; if they are valid and something changed, applies them as one edit. */
    public boolean commit() {
        Optional<PortGroupSpec> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        SwitchSpec sw = s.switchOf(portGroupId).orElseThrow();
        if (edited.get().equals(sw.portGroup(portGroupId).orElseThrow())) {
            return true;
        }
        shown = edited.get();
        List<PortGroupSpec> groups = sw.portGroups().stream().map(g -> g.id().equals(portGroupId) ? shown : g).toList();
        editor.restructure(s.withSwitch(sw.withPortGroups(groups)));
        return true;
    }

    private Optional<PortGroupSpec> validated() {
        SwitchSpec sw = editor.scenario().switchOf(portGroupId).orElseThrow();
        List<PortGroupSpec> others = sw.portGroups().stream().filter(g -> !g.id().equals(portGroupId)).toList();
        return fields.validated(i18n, others);
    }
}
