package org.virtlab.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A VM's line in a table of a host's VMs (the CPU tab's, the Memory tab's overcommit view's): the VM, its name and
 * its colour; the subclass adds the formatted numbers. {@link VmTableColumns#name} shows the name and colour.
 */
public abstract class VmRow {
    private final String vmId;
    private final int colourIndex;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();

    protected VmRow(String vmId, String name, int colourIndex) {
        this.vmId = vmId;
        this.colourIndex = colourIndex;
        this.name.set(name);
    }

    public final String vmId() {
        return vmId;
    }

    /** The VM's place in the scenario: its colour in every chart. */
    public final int colourIndex() {
        return colourIndex;
    }

    public final ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }
}
