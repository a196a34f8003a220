package org.virtlab.ui.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What is selected, shared by the views that show or change it: a set of element ids (hosts, VMs,
 * networks, switches, port groups, wires), in the order they were picked. {@link #selectedIdProperty()} is
 * the one element the property panel shows: the selection when it is a single element, otherwise null.
 */
public final class Selection {
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>(this, "selectedId");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();
    /** Bumped on every change, so views can listen to one thing. */
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version", 0);

    public Selection() {
        // Setting the single element directly (as older callers do) selects just it.
        selectedId.addListener((obs, was, now) -> {
            if (now != null && !(ids.size() == 1 && ids.contains(now))) {
                ids.clear();
                ids.add(now);
                changed();
            } else if (now == null && ids.size() == 1) {
                ids.clear();
                changed();
            }
        });
    }

    /** The single selected element, or null when nothing or several are selected. */
    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public Optional<String> selectedId() {
        return Optional.ofNullable(selectedId.get());
    }

    /** Every selected id, in the order picked. */
    public List<String> ids() {
        return List.copyOf(ids);
    }

    public boolean isSelected(String id) {
        return ids.contains(id);
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Changes whenever the set changes. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Selects just {@code id}. */
    public void select(String id) {
        setAll(List.of(id));
    }

    /** Shift-click: adds {@code id}, or takes it out if it was selected. */
    public void toggle(String id) {
        List<String> next = new ArrayList<>(ids);
        if (!next.remove(id)) {
            next.add(id);
        }
        setAll(next);
    }

    /** Selects exactly these ids (duplicates ignored). */
    public void setAll(Collection<String> selected) {
        LinkedHashSet<String> next = new LinkedHashSet<>(selected);
        if (List.copyOf(next).equals(List.copyOf(ids))) {
            return; // the same ids in the same order
        }
        ids.clear();
        ids.addAll(next);
        changed();
    }

    public void clear() {
        setAll(List.of());
    }

    private void changed() {
        count.set(ids.size());
        String single = ids.size() == 1 ? ids.iterator().next() : null;
        if (!java.util.Objects.equals(selectedId.get(), single)) {
            selectedId.set(single);
        }
        version.set(version.get() + 1);
    }
}
