package org.virtlab.ui.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.virtlab.engine.model.Scenario;

/**
 * Undo and redo for edits: each edit is the scenario before and after it. A new edit clears what could
 * be redone. Bounded, so a long session cannot fill the memory with scenarios.
 */
final class EditHistory {
    static final int LIMIT = 500;

    /** One edit: the whole scenario before and after. */
    record Edit(Scenario before, Scenario after) {
    }

    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    void record(Scenario before, Scenario after) {
        undo.push(new Edit(before, after));
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /** The edit to take back, now moved to the redo side. */
    Optional<Edit> undo() {
        Edit e = undo.poll();
        if (e != null) {
            redo.push(e);
        }
        update();
        return Optional.ofNullable(e);
    }

    /** The edit to make again, now moved back to the undo side. */
    Optional<Edit> redo() {
        Edit e = redo.poll();
        if (e != null) {
            undo.push(e);
        }
        update();
        return Optional.ofNullable(e);
    }

    void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
