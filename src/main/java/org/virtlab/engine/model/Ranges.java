package org.virtlab.engine.model;

/** Range checks shared by the model records; the messages name the field and the allowed range. */
public final class Ranges {
    private Ranges() {
    }

    public static int check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static long check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    public static double check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // also refuses NaN
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** An id: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public static String id(String field, String value) {
        if (value == null || !value.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(field + " must be 1–64 letters, digits, '.', '_' or '-', was " + value);
        }
        return value;
    }
}
