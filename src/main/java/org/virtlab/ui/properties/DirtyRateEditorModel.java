package org.virtlab.ui.properties;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing how fast a VM's guest writes memory, 0–{@link VmSpec#MAX_DIRTY_MIB_PER_SECOND} MiB/s: what each
 * pre-copy round of a live migration must send again. With the lesson's migration bandwidth it decides
 * whether pre-copy converges: each round takes ρ = dirty rate ÷ bandwidth times as long as the one before
 * (Clark et al., "Live Migration of Virtual Machines", NSDI 2005), so the rounds shrink only while ρ < 1.
 * The form shows ρ as typed. The migration subsystem takes the rate when the simulation is built, so
 * {@link #commit()} is one edit that restarts it at 0 s.
 */
public final class DirtyRateEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final NumberField rate = new NumberField("dirtyRate.rate");
    private final ReadOnlyStringWrapper rho = new ReadOnlyStringWrapper("");
    private final long bandwidth;
    private VmSpec shown;

    public DirtyRateEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.shown = vm;
        this.bandwidth = editor.scenario().migration().bandwidthMibPerSecond();
        rate.set(vm.dirtyMibPerSecond());
        rate.textProperty().addListener((obs, was, now) -> showRho());
        showRho();
    }

    public NumberField rate() {
        return rate;
    }

    /** "ρ = 64 ÷ 128 = 0.50 < 1: pre-copy converges" for the rate as typed; empty while it is no number. */
    public ReadOnlyStringProperty rhoProperty() {
        return rho.getReadOnlyProperty();
    }

    boolean isFor(VmSpec vm, long lessonBandwidth) {
        return vm.equals(shown) && lessonBandwidth == bandwidth;
    }

    /** Checks the rate, as the field is left, without applying it. */
    public boolean check() {
        return validated().isPresent();
    }

    /** Checks the rate; if it is valid and new, applies it as one edit (a restart). */
    public boolean commit() {
        Optional<Double> r = validated();
        if (r.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        if (r.get() == vm.dirtyMibPerSecond()) {
            return true;
        }
        shown = vm.withDirtyMibPerSecond(r.get());
        editor.restructure(s.withVm(shown));
        return true;
    }

    private Optional<Double> validated() {
        return rate.decimal(i18n, 0, VmSpec.MAX_DIRTY_MIB_PER_SECOND);
    }

    private void showRho() {
        double typed;
        try {
            typed = Double.parseDouble(rate.textProperty().get().strip());
        } catch (NumberFormatException e) {
            rho.set("");
            return;
        }
        if (!(typed >= 0 && typed <= VmSpec.MAX_DIRTY_MIB_PER_SECOND)) {
            rho.set("");
            return;
        }
        double r = typed / bandwidth;
        String value = String.format(Locale.ROOT, "%.2f", r);
        rho.set(i18n.format(r < 1 ? "dirtyRate.converges" : "dirtyRate.diverges", NumberField.format(typed),
                Long.toString(bandwidth), value));
    }
}
