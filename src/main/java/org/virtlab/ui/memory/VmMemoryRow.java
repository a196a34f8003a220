package org.virtlab.ui.memory;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.virtlab.ui.common.VmRow;

/** One line of the overcommit table: a VM's memory at the latest moment, formatted (MiB, counts). */
public final class VmMemoryRow extends VmRow {
    private final ReadOnlyStringWrapper configured = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper touched = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper consumed = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shared = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ballooned = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper swapped = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper granted = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cowFaults = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper swapIns = new ReadOnlyStringWrapper("");

    VmMemoryRow(String vmId, String name, int colourIndex) {
        super(vmId, name, colourIndex);
    }

    void set(String configuredText, String touchedText, String consumedText, String sharedText,
             String balloonedText, String swappedText, String grantedText, String cowFaultsText, String swapInsText) {
        configured.set(configuredText);
        touched.set(touchedText);
        consumed.set(consumedText);
        shared.set(sharedText);
        ballooned.set(balloonedText);
        swapped.set(swappedText);
        granted.set(grantedText);
        cowFaults.set(cowFaultsText);
        swapIns.set(swapInsText);
    }

    public ReadOnlyStringProperty configuredProperty() {
        return configured.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty touchedProperty() {
        return touched.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty consumedProperty() {
        return consumed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sharedProperty() {
        return shared.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balloonedProperty() {
        return ballooned.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty swappedProperty() {
        return swapped.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty grantedProperty() {
        return granted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cowFaultsProperty() {
        return cowFaults.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty swapInsProperty() {
        return swapIns.getReadOnlyProperty();
    }
}
