package org.virtlab.ui.properties;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.ui.i18n.I18n;

/**
 * One number an editor asks for: the text as typed (writable, bound to the text field) and the message
 * of its last check (read-only; empty when valid). {@code key} names the label in the bundle; its help
 * is {@code key + ".help"}. Parsing checks the range and says it in the message, so a wrong value never
 * leaves the field.
 */
public final class NumberField {
    /** Plain decimals only: no exponents, hex, "NaN" or "Infinity", which {@link Double#parseDouble} would take. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final String key;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    NumberField(String key) {
        this.key = key;
    }

    /** The bundle key of the field's label. */
    public String key() {
        return key;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void clearError() {
        error.set("");
    }

    void set(double value) {
        text.set(format(value));
    }

    void set(long value) {
        text.set(Long.toString(value));
    }

    /** A decimal number in [min, max], e.g. a percentage. */
    Optional<Double> decimal(I18n i18n, double min, double max) {
        error.set("");
        String t = stripped();
        String range = format(min) + "–" + format(max);
        if (!DECIMAL.matcher(t).matches()) {
            error.set(i18n.format("workload.error.number", range, t));
            return Optional.empty();
        }
        double v = Double.parseDouble(t);
        if (!(v >= min && v <= max)) {
            error.set(i18n.format("qos.error.range", range, t));
            return Optional.empty();
        }
        return Optional.of(v);
    }

    /** A whole number in [min, max], e.g. a duration in milliseconds. */
    Optional<Long> whole(I18n i18n, long min, long max) {
        return whole(i18n, min, max, "qos.error.number");
    }

    /** Refuses the value with {@code message}, for a rule beyond the field's own range (e.g. an order). */
    void refuse(String message) {
        error.set(message);
    }

    /** The number as typed, if it is a plain decimal, without checking a range or touching the message. */
    Optional<Double> typed() {
        String t = stripped();
        return DECIMAL.matcher(t).matches() ? Optional.of(Double.parseDouble(t)) : Optional.empty();
    }

    /** Whether nothing (but blanks) was typed. */
    boolean blank() {
        return stripped().isEmpty();
    }

    /** A whole number in [min, max]; text that is no number gets the message {@code notNumberKey}. */
    Optional<Long> whole(I18n i18n, long min, long max, String notNumberKey) {
        error.set("");
        String t = stripped();
        String range = String.format(Locale.ROOT, "%d–%d", min, max);
        try {
            long v = Long.parseLong(t);
            if (v < min || v > max) {
                error.set(i18n.format("qos.error.range", range, t));
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            error.set(i18n.format(notNumberKey, range, t));
            return Optional.empty();
        }
    }

    private String stripped() {
        return text.get() == null ? "" : text.get().strip();
    }

    /** "70" rather than "70.0"; "12.5" stays. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
