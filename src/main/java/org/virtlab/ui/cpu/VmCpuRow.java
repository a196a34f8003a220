package org.virtlab.ui.cpu;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.virtlab.ui.common.VmRow;

/** One line of the CPU tab's table: a VM's averages over the last sample window, formatted. */
public final class VmCpuRow extends VmRow {
    private final ReadOnlyStringWrapper demand = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper entitlement = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper used = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ready = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper steal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limited = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");

    VmCpuRow(String vmId, String name, int colourIndex) {
        super(vmId, name, colourIndex);
    }

    void set(String demandText, String entitlementText, String usedText, String readyText, String stealText,
             String limitedText, String stateText) {
        limited.set(limitedText);
        demand.set(demandText);
        entitlement.set(entitlementText);
        used.set(usedText);
        ready.set(readyText);
        steal.set(stealText);
        state.set(stateText);
    }

    public ReadOnlyStringProperty demandProperty() {
        return demand.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty entitlementProperty() {
        return entitlement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usedProperty() {
        return used.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stealProperty() {
        return steal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty limitedProperty() {
        return limited.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }
}
