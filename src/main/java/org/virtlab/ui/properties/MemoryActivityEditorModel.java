package org.virtlab.ui.properties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.SetMemoryActivity;
import org.virtlab.engine.model.Ranges;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing how a VM's guest uses its memory ({@link MemoryActivity}): how much it wants in use (0 to its
 * memory), how fast it touches new pages and rewrites the ones it has (0–{@value MemoryActivity#MAX_MIB_PER_SECOND}
 * MiB/s), what its pages hold (zeros and its OS image's pages, together at most 100 %), the image and the part it
 * keeps active. {@link #commit()} hands a valid activity to the editor with {@link SetMemoryActivity}, which the
 * running simulation takes at the next tick; a new image is one edit that restarts it at 0 s, because a running
 * guest keeps the image it booted from (the engine refuses another).
 *
 * <p>The write rate here and the VM's dirty rate ({@link VmSpec#dirtyMibPerSecond()}, the Live migration form) are
 * two settings of one idea, kept apart because the engine uses them apart: the write rate rewrites the guest's
 * active pages in host memory, live (breaking sharing, bringing swapped pages back); the dirty rate is what
 * pre-copy must send again, which the migration subsystem takes when the run starts. {@link #dirtyNote()} says so
 * beside the write rate, with the dirty rate's value.
 */
public final class MemoryActivityEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final long memoryMib;
    private final double dirtyMibPerSecond;
    private MemoryActivity applied;

    private final NumberField demand = new NumberField("memActivity.demand");
    private final NumberField touch = new NumberField("memActivity.touch");
    private final NumberField write = new NumberField("memActivity.write");
    private final NumberField zero = new NumberField("memActivity.zero");
    private final NumberField imagePart = new NumberField("memActivity.imagePercent");
    private final NumberField active = new NumberField("memActivity.active");
    private final StringProperty image = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper imageError = new ReadOnlyStringWrapper("");
    private final StringBinding reach;
    private final StringBinding mix;

    public MemoryActivityEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.memoryMib = vm.memoryMib();
        this.dirtyMibPerSecond = vm.dirtyMibPerSecond();
        MemoryActivity a = vm.memoryActivity();
        applied = a;
        demand.set(a.demandMib());
        touch.set(a.touchMibPerSecond());
        write.set(a.writeMibPerSecond());
        zero.set(a.zeroPercent());
        imagePart.set(a.imagePercent());
        active.set(a.activePercent());
        image.set(a.image());
        reach = Bindings.createStringBinding(this::describeReach, demand.textProperty(), touch.textProperty());
        mix = Bindings.createStringBinding(this::describeMix, zero.textProperty(), imagePart.textProperty(),
                active.textProperty());
    }

    /** Whether this editor still shows {@code vm} as it is: same memory, activity and dirty rate (in its note). */
    boolean isFor(VmSpec vm) {
        return vm.id().equals(vmId) && vm.memoryMib() == memoryMib && vm.memoryActivity().equals(applied)
                && vm.dirtyMibPerSecond() == dirtyMibPerSecond;
    }

    /** Demand, touch rate, write rate, in form order (the write rate's note follows them). */
    public List<NumberField> rates() {
        return List.of(demand, touch, write);
    }

    /** Zeros %, image %, active %, in form order. */
    public List<NumberField> content() {
        return List.of(zero, imagePart, active);
    }

    public StringProperty imageProperty() {
        return image;
    }

    public ReadOnlyStringProperty imageErrorProperty() {
        return imageError.getReadOnlyProperty();
    }

    /** "Touches 1024 MiB at 512 MiB/s: 2 s from none…" for the values as typed; empty while one is no number. */
    public StringBinding reachProperty() {
        return reach;
    }

    /** "Its pages: 10 % zeros, 30 % image, 60 % unique; 40 % active, 60 % idle…"; empty while one is no number. */
    public StringBinding mixProperty() {
        return mix;
    }

    /** Where the migration's dirty rate is, and how it differs from the write rate. */
    public String dirtyNote() {
        return i18n.format("memActivity.write.dirty", NumberField.format(dirtyMibPerSecond));
    }

    /** Checks every field without applying (as the image field is left: a new image restarts). */
    public boolean check() {
        return validated().isPresent();
    }

    /**
     * Checks every field; if all are valid and something changed, applies the activity: live, or as a restart
     * when the image is new. Returns whether the fields were valid.
     */
    public boolean commit() {
        Optional<MemoryActivity> edited = validated();
        if (edited.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        MemoryActivity a = edited.get();
        if (a.equals(vm.memoryActivity())) {
            return true;
        }
        applied = a;
        if (a.image().equals(vm.memoryActivity().image())) {
            editor.apply(s.withVm(vm.withMemoryActivity(a)), new SetMemoryActivity(vmId, a));
        } else {
            editor.restructure(s.withVm(vm.withMemoryActivity(a)));
        }
        return true;
    }

    private Optional<MemoryActivity> validated() {
        Optional<Long> d = demand.whole(i18n, 0, memoryMib);
        Optional<Double> t = touch.decimal(i18n, 0, MemoryActivity.MAX_MIB_PER_SECOND);
        Optional<Double> w = write.decimal(i18n, 0, MemoryActivity.MAX_MIB_PER_SECOND);
        Optional<Double> z = zero.decimal(i18n, 0, 100);
        Optional<Double> ip = imagePart.decimal(i18n, 0, 100 - z.orElse(0.0));
        Optional<Double> ac = active.decimal(i18n, 0, 100);
        Optional<String> im = checkImage();
        if (d.isEmpty() || t.isEmpty() || w.isEmpty() || z.isEmpty() || ip.isEmpty() || ac.isEmpty() || im.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MemoryActivity(d.get(), t.get(), w.get(), z.get(), ip.get(), im.get(), ac.get()));
    }

    private Optional<String> checkImage() {
        imageError.set("");
        String name = image.get() == null ? "" : image.get().strip();
        if (!name.matches(Ranges.ID_PATTERN)) {
            imageError.set(i18n.format("memActivity.image.error", name));
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** "60", "80.6", "0.25": two decimals at most (100 − 12.3 − 7.1 shows as 80.6, not 80.60000000000001). */
    private static String rounded(double value) {
        return NumberField.format(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue());
    }

    private String describeReach() {
        Optional<Double> d = demand.typed().filter(v -> v >= 0 && v <= memoryMib);
        Optional<Double> t = touch.typed().filter(v -> v >= 0 && v <= MemoryActivity.MAX_MIB_PER_SECOND);
        if (d.isEmpty() || t.isEmpty()) {
            return "";
        }
        if (t.get() == 0) {
            return i18n.format("memActivity.reach.none", Long.toString(d.get().longValue()));
        }
        return i18n.format("memActivity.reach", Long.toString(d.get().longValue()), NumberField.format(t.get()),
                rounded(d.get() / t.get()));
    }

    private String describeMix() {
        Optional<Double> z = zero.typed().filter(v -> v >= 0 && v <= 100);
        Optional<Double> ip = imagePart.typed().filter(v -> v >= 0 && z.isPresent() && v <= 100 - z.get());
        Optional<Double> ac = active.typed().filter(v -> v >= 0 && v <= 100);
        if (z.isEmpty() || ip.isEmpty() || ac.isEmpty()) {
            return "";
        }
        return i18n.format("memActivity.mix", rounded(z.get()), rounded(ip.get()), rounded(100 - z.get() - ip.get()),
                rounded(ac.get()), rounded(100 - ac.get()));
    }
}
