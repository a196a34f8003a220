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

    public static String id(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException(field + " must be 1–64 letters, digits, '.', '_' or '-', was " + value);
        }
        return value;
    }
}
