package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.SubsystemSnapshot;

/**
 * The page walk of the moment ({@link WalkSubsystem}): what the Memory tab's animator shows.
 *
 * @param serial how many walks were asked for since time zero (0: the scenario's own); a view re-draws when it changes
 * @param walk   the tables and address of the latest
 */
public record WalkSnapshot(long serial, WalkAddress walk) implements SubsystemSnapshot {
    public WalkSnapshot {
        Objects.requireNonNull(walk, "walk");
    }

    @Override
    public String subsystem() {
        return WalkSubsystem.NAME;
    }
}
