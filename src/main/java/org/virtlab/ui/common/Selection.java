package org.virtlab.ui.common;

import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The id of the selected host or VM, shared by the views that show or change it. */
public final class Selection {
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>(this, "selectedId");

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public Optional<String> selectedId() {
        return Optional.ofNullable(selectedId.get());
    }

    public void select(String id) {
        selectedId.set(id);
    }

    public void clear() {
        selectedId.set(null);
    }
}
