package org.virtlab.ui.memory;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.virtlab.ui.i18n.I18n;

/**
 * One column of the page-walk animator: one translation mode's walk laid out as a grid, how far the shared
 * step has lit it ("7 of 24 references"), and the formula its count comes from.
 */
public final class WalkColumnViewModel {
    private final String id;
    private final String title;
    private final String subtitle;
    private final String note;
    private final ReadOnlyIntegerProperty step;
    private final ReadOnlyObjectWrapper<WalkLayout> layout = new ReadOnlyObjectWrapper<>(WalkLayout.EMPTY);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper formula = new ReadOnlyStringWrapper("");
    private final IntegerBinding shown;
    private final StringBinding countText;
    private final BooleanBinding complete;

    /**
     * @param id   {@code native}, {@code shadow} or {@code nested}: the bundle keys {@code memory.<id>},
     *             {@code memory.<id>.sub} and, if present, {@code memory.<id>.note}
     * @param step the animator's step, shared by the three columns
     */
    WalkColumnViewModel(I18n i18n, String id, ReadOnlyIntegerProperty step) {
        this.id = id;
        this.title = i18n.get("memory." + id);
        this.subtitle = i18n.get("memory." + id + ".sub");
        this.note = id.equals("shadow") ? i18n.get("memory.shadow.note") : "";
        this.step = step;
        shown = Bindings.createIntegerBinding(() -> Math.min(step.get(), total.get()), step, total);
        countText = Bindings.createStringBinding(() -> i18n.format("memory.count", shown.get(), total.get()),
                shown, total);
        complete = Bindings.createBooleanBinding(() -> total.get() > 0 && step.get() >= total.get(), step, total);
    }

    void show(WalkLayout newLayout, String newFormula) {
        layout.set(newLayout);
        total.set(newLayout.count());
        formula.set(newFormula);
    }

    /** {@code native}, {@code shadow} or {@code nested}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** What the mode translates, in one line. */
    public String subtitle() {
        return subtitle;
    }

    /** A remark under the grid (shadow: where its cost goes instead); empty for none. */
    public String note() {
        return note;
    }

    /** The animator's step: references with a smaller step are done, the one equal to it is current. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step;
    }

    public ReadOnlyObjectProperty<WalkLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** N: the references of this walk. */
    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** k: the references lit so far, at most N. */
    public IntegerBinding shownBinding() {
        return shown;
    }

    /** "7 of 24 references". */
    public StringBinding countTextBinding() {
        return countText;
    }

    /** Where N comes from: "one per level: n = 4", "(n+1)(m+1) − 1 = (4+1)(4+1) − 1 = 24". */
    public ReadOnlyStringProperty formulaProperty() {
        return formula.getReadOnlyProperty();
    }

    /** Whether every reference is lit: the walk has reached the data. */
    public BooleanBinding completeBinding() {
        return complete;
    }
}
