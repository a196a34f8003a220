package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.Input;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;

/**
 * A scenario editor that keeps every edit and records the inputs the engine would get, and the
 * edits handed to {@code restructure} (which restart the simulation unless ScenarioDiff finds it can go on).
 */
final class RecordingEditor implements ScenarioEditor {
    final List<Input> inputs = new ArrayList<>();
    final List<Scenario> restructured = new ArrayList<>();
    private Scenario scenario;
    private Runnable afterApply = () -> { };

    RecordingEditor(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Runs after each edit, as the shell refreshes the property panel. */
    void afterApply(Runnable action) {
        afterApply = action;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void apply(Scenario edited, Input input) {
        scenario = edited;
        inputs.add(input);
        afterApply.run();
    }

    @Override
    public void restructure(Scenario edited) {
        scenario = edited;
        restructured.add(edited);
        afterApply.run();
    }

    @Override
    public void command(Input input) {
        inputs.add(input);
    }
}
