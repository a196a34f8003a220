package org.virtlab.ui.properties;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.ui.i18n.I18n;

/**
 * One vCPU's logical CPUs as the user types them ({@link CpuList} syntax, "0-3,8"), the message of its last
 * check (empty when valid), and the CPUs the text names while it parses, which the checkbox grid shows.
 */
public final class CpuListField {
    private final int vcpu;
    private final int logicalCpus;
    private final String hostName;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Integer>> cpus = new ReadOnlyObjectWrapper<>(List.of());

    CpuListField(int vcpu, int logicalCpus, String hostName) {
        this.vcpu = vcpu;
        this.logicalCpus = logicalCpus;
        this.hostName = hostName;
        text.addListener((obs, was, now) -> {
            CpuList.Result r = CpuList.parse(now, logicalCpus);
            if (r.ok() || r.problem() == CpuList.Problem.EMPTY) {
                cpus.set(r.cpus());
            }
        });
    }

    /** The vCPU this field is for, from 0. */
    public int vcpu() {
        return vcpu;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The CPUs the text names, as of its last parsable version (so a half-typed list keeps the grid). */
    public ReadOnlyObjectProperty<List<Integer>> cpusProperty() {
        return cpus.getReadOnlyProperty();
    }

    /** Adds or removes one CPU, writing the text anew in the shortest form. */
    public void toggle(int cpu, boolean on) {
        TreeSet<Integer> next = new TreeSet<>(cpus.get());
        if (on) {
            next.add(cpu);
        } else {
            next.remove(cpu);
        }
        text.set(CpuList.format(List.copyOf(next)));
        error.set("");
    }

    void set(List<Integer> list) {
        text.set(CpuList.format(list));
        error.set("");
    }

    void clear() {
        text.set("");
        error.set("");
    }

    boolean blank() {
        return CpuList.parse(text.get(), logicalCpus).problem() == CpuList.Problem.EMPTY;
    }

    /**
     * The CPUs, or empty with the message set: a list of this host's CPUs is required unless
     * {@code blankAllowed} (no vCPU pinned), when blank gives an empty list.
     */
    Optional<List<Integer>> check(I18n i18n, boolean blankAllowed) {
        error.set("");
        CpuList.Result r = CpuList.parse(text.get(), logicalCpus);
        String range = CpuList.range(logicalCpus);
        switch (r.problem()) {
            case NONE -> {
                return Optional.of(r.cpus());
            }
            case EMPTY -> {
                if (blankAllowed) {
                    return Optional.of(List.of());
                }
                error.set(i18n.format("pinning.error.empty", range));
            }
            case SYNTAX -> error.set(i18n.format("pinning.error.syntax", range, r.item()));
            case DESCENDING -> error.set(i18n.format("pinning.error.descending", range, r.item()));
            case OUT_OF_RANGE -> error.set(i18n.format("pinning.error.cpu", range, r.item(), hostName));
            default -> throw new IllegalStateException(r.problem().name());
        }
        return Optional.empty();
    }
}
