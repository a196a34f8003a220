package org.virtlab.ui.properties;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.ui.i18n.I18n;

/**
 * One port group as typed: its name and VLAN ID, each with its message. The VLAN ID is IEEE 802.1Q's
 * 12-bit VID, 1–4094 ({@link PortGroupSpec#MIN_VLAN_ID}–{@link PortGroupSpec#MAX_VLAN_ID}: 0 means "no VLAN"
 * and 4095 is reserved), and no two port groups of one switch share one: the switch could not tell their
 * traffic apart on its uplinks.
 */
public final class PortGroupFields {
    private final String id;
    private final NameField name;
    private final NumberField vlan = new NumberField("portGroup.vlan");
    private final ReadOnlyStringWrapper vlanError = new ReadOnlyStringWrapper("");

    PortGroupFields(PortGroupSpec group) {
        this.id = group.id();
        this.name = new NameField(group.name());
        vlan.set(group.vlanId());
    }

    /** The port group's id: the scenario's, or a new one for a group added in the form. */
    public String id() {
        return id;
    }

    public StringProperty nameProperty() {
        return name.textProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return name.errorProperty();
    }

    public StringProperty vlanProperty() {
        return vlan.textProperty();
    }

    /** The VLAN's message: out of range, not a number, or taken by another port group of the switch. */
    public ReadOnlyStringProperty vlanErrorProperty() {
        return vlanError.getReadOnlyProperty();
    }

    /**
     * The port group as typed, if its name and VLAN are valid and no group of {@code taken} has the VLAN;
     * otherwise empty, with the messages set.
     */
    Optional<PortGroupSpec> validated(I18n i18n, List<PortGroupSpec> taken) {
        Optional<String> n = name.check(i18n);
        Optional<Long> v = vlan.whole(i18n, PortGroupSpec.MIN_VLAN_ID, PortGroupSpec.MAX_VLAN_ID);
        vlanError.set(vlan.errorProperty().get());
        if (v.isPresent()) {
            for (PortGroupSpec other : taken) {
                if (other.vlanId() == v.get()) {
                    vlanError.set(i18n.format("portGroup.error.vlanTaken", v.get().toString(), other.name()));
                    return Optional.empty();
                }
            }
        }
        if (n.isEmpty() || v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PortGroupSpec(id, n.get(), v.get().intValue()));
    }
}
