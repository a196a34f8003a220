package org.virtlab.ui.sweep;

/** Something the sweep dialog offers: what the user reads, and the JSON pointer it stands for. */
public record SweepChoice(String label, String pointer) {
    @Override
    public String toString() {
        return label;
    }
}
