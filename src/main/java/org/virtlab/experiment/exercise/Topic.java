package org.virtlab.experiment.exercise;

import java.util.Locale;
import java.util.Optional;

/** The four subjects an exercise can be about, named as on the command line. */
public enum Topic {
    CPU, MEMORY, IO, NETWORK;

    /** {@code cpu}, {@code memory}, {@code io}, {@code network}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topic spelled {@code cpu|memory|io|network} (any case); empty otherwise. */
    public static Optional<Topic> parse(String text) {
        for (Topic t : values()) {
            if (t.id().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
