package org.virtlab.scenario;

import java.util.Objects;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;

/** A lesson from the built-in library: its id (the file name without {@code .json}) and its scenario. */
public record Lesson(String id, Scenario scenario) {

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
    }

    /** The lesson's title, for menus. */
    public LocalizedText title() {
        return scenario.title();
    }
}
