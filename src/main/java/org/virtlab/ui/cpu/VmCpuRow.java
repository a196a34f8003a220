package org.virtlab.ui.cpu;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One line of the CPU tab's table: a VM's averages over the last sample window, formatted. */
public final class VmCpuRow {
    private final String vmId;
    private final int colourIndex;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper demand = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper entitlement = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper used = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ready = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper steal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper limited = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");

    VmCpuRow(String vmId, String name, int colourIndex) {
        this.vmId = vmId;
        this.colourIndex = colourIndex;
        this.name.set(name);
    }

    public String vmId() {
        return vmId;
    }

    public int colourIndex() {
        return colourIndex;
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

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
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
