package org.virtlab.ui.common;

import org.virtlab.engine.Input;
import org.virtlab.engine.model.Scenario;

/**
 * Where an edit made in a view goes: the edited scenario (kept for saving) and the input that tells the
 * running simulation about it. Implemented by the shell; passed down to feature view models.
 */
public interface ScenarioEditor {
    /** The scenario as it stands, with every edit so far. */
    Scenario scenario();

    /** Takes an edit: the whole new scenario and the input the running engine applies at the next tick. */
    void apply(Scenario edited, Input input);

    /**
     * Takes an edit the running engine cannot follow (a host or VM added or removed): the simulation
     * starts again at time zero with the edited scenario, and the status bar says so.
     */
    void restructure(Scenario edited);

    /**
     * Tells the running simulation to do something that is not an edit of the scenario (start or cancel a
     * live migration). Not undoable by itself; what it leads to may be (a finished migration is adopted
     * into the scenario as an edit).
     */
    void command(Input input);
}
