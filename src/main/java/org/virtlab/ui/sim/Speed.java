package org.virtlab.ui.sim;

/** How fast simulated time runs against the wall clock. Never changes results, only how soon they come. */
public enum Speed {
    X0_1(0.1), X0_5(0.5), X1(1), X2(2), X5(5), X10(10), X100(100), MAX(Double.POSITIVE_INFINITY);

    private final double factor;

    Speed(double factor) {
        this.factor = factor;
    }

    /** Simulated seconds per wall second; infinite for "as fast as possible". */
    public double factor() {
        return factor;
    }

    public boolean unlimited() {
        return this == MAX;
    }

    /** What menus and the status bar show: "×0.1", "×1", "×100", or the translated "as fast as possible". */
    public String label(org.virtlab.ui.i18n.I18n i18n) {
        return unlimited() ? i18n.get("speed.max") : label();
    }

    /** Short label: "×0.1", "×1", "×100"; MAX has its own translated label. */
    public String label() {
        return factor == Math.rint(factor) ? "×" + (long) factor : "×" + factor;
    }
}
