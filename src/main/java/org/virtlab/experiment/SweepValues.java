package org.virtlab.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a sweep gives its parameter: a list ({@code 1000,2000,4000}) or a range ({@code 1000:6000:1000}, from
 * and to both included). Decimal, not binary, arithmetic: {@code 0:1:0.1} gives exactly 0, 0.1, … 1 (eleven values),
 * each computed as from + i × step so no error piles up.
 */
public final class SweepValues {
    /** The most values one sweep runs. */
    public static final int MAX_VALUES = 1000;

    private SweepValues() {
    }

    /** {@code a,b,c}: numbers separated by commas (spaces around them allowed). */
    public static List<BigDecimal> list(String text) throws SweepException {
        List<BigDecimal> values = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",", -1)) {
                values.add(number(part));
            }
        }
        return checked(values);
    }

    /** {@code from:to:step}. */
    public static List<BigDecimal> range(String text) throws SweepException {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3) {
            throw new SweepException(SweepException.Kind.RANGE_SYNTAX, String.valueOf(text));
        }
        return range(number(parts[0]), number(parts[1]), number(parts[2]));
    }

    /** From {@code from} to {@code to}, both included where the steps land on it, every {@code step}. */
    public static List<BigDecimal> range(BigDecimal from, BigDecimal to, BigDecimal step) throws SweepException {
        if (step.signum() <= 0) {
            throw new SweepException(SweepException.Kind.RANGE_STEP, step.toPlainString());
        }
        if (from.compareTo(to) > 0) {
            throw new SweepException(SweepException.Kind.RANGE_BACKWARDS, from.toPlainString(), to.toPlainString());
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new SweepException(SweepException.Kind.TOO_MANY_VALUES, count.toPlainString(), MAX_VALUES);
        }
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            values.add(from.add(step.multiply(BigDecimal.valueOf(i))));
        }
        return checked(values);
    }

    /** One number as typed: plain or with an exponent; finite. */
    public static BigDecimal number(String text) throws SweepException {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?")) {
            throw new SweepException(SweepException.Kind.VALUE_NOT_NUMBER, t);
        }
        return new BigDecimal(t);
    }

    private static List<BigDecimal> checked(List<BigDecimal> values) throws SweepException {
        if (values.isEmpty()) {
            throw new SweepException(SweepException.Kind.VALUES_EMPTY);
        }
        if (values.size() > MAX_VALUES) {
            throw new SweepException(SweepException.Kind.TOO_MANY_VALUES, values.size(), MAX_VALUES);
        }
        return List.copyOf(values);
    }
}
