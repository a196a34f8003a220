package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing a host's name and hardware: sockets, cores per socket, threads per core, clock and memory, each
 * within {@link CpuTopology}'s and {@link HostSpec}'s ranges. The host may not shrink below what its VMs
 * need: a VM with more vCPUs than the new logical CPUs, or pinned to a CPU that would no longer exist, is
 * named in the message (memory may be overcommitted, as on real hosts, so it is not checked against the
 * VMs). {@link #commit()} is one edit through {@link ScenarioEditor#restructure}: other hardware is another
 * machine to the engine, so the simulation starts again at 0 s; a name alone is layout to the engine
 * ({@link org.virtlab.ui.common.ScenarioDiff}), so it goes on running.
 */
public final class HostHardwareEditorModel {
    /** The unit the memory is typed in. */
    public enum MemoryUnit {
        MIB(1), GIB(1024);

        private final long mib;

        MemoryUnit(long mib) {
            this.mib = mib;
        }

        /** "MiB" or "GiB": unit symbols, the same in every language (as in {@link org.virtlab.ui.common.Formats}). */
        public String symbol() {
            return this == MIB ? "MiB" : "GiB";
        }
    }

    /** The VMs that do not fit are listed up to this many; the rest are counted. */
    static final int MAX_NAMED_VMS = 3;

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String hostId;
    private final NameField name;
    private final NumberField sockets = new NumberField("hardware.sockets");
    private final NumberField coresPerSocket = new NumberField("hardware.coresPerSocket");
    private final NumberField threadsPerCore = new NumberField("hardware.threadsPerCore");
    private final NumberField mhzPerCore = new NumberField("hardware.mhzPerCore");
    private final NumberField memory = new NumberField("hardware.memory");
    private final ObjectProperty<MemoryUnit> memoryUnit = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper fitError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper logicalCpus = new ReadOnlyStringWrapper("");
    private HostSpec shown;

    public HostHardwareEditorModel(I18n i18n, ScenarioEditor editor, HostSpec host) {
        this.i18n = i18n;
        this.editor = editor;
        this.hostId = host.id();
        this.shown = host;
        this.name = new NameField(host.name());
        CpuTopology cpu = host.cpu();
        sockets.set(cpu.sockets());
        coresPerSocket.set(cpu.coresPerSocket());
        threadsPerCore.set(cpu.threadsPerCore());
        mhzPerCore.set(cpu.mhzPerCore());
        MemoryUnit unit = host.memoryMib() % MemoryUnit.GIB.mib == 0 ? MemoryUnit.GIB : MemoryUnit.MIB;
        memoryUnit.set(unit);
        memory.set(host.memoryMib() / unit.mib);
        memoryUnit.addListener((obs, was, now) -> convertMemory(was, now));
        for (NumberField f : List.of(sockets, coresPerSocket, threadsPerCore)) {
            f.textProperty().addListener((obs, was, now) -> showLogicalCpus());
        }
        showLogicalCpus();
    }

    public StringProperty nameProperty() {
        return name.textProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return name.errorProperty();
    }

    /** The number fields in form order: sockets, cores per socket, threads per core, MHz per core. */
    public List<NumberField> cpuFields() {
        return List.of(sockets, coresPerSocket, threadsPerCore, mhzPerCore);
    }

    public NumberField memory() {
        return memory;
    }

    /** The unit of the memory field; choosing the other one converts what is typed. */
    public ObjectProperty<MemoryUnit> memoryUnitProperty() {
        return memoryUnit;
    }

    /** The VMs the new CPUs would not hold, named; empty when they all fit (or the CPU fields are wrong). */
    public ReadOnlyStringProperty fitErrorProperty() {
        return fitError.getReadOnlyProperty();
    }

    /** The logical CPUs the typed topology gives, as typed: "2 × 4 × 2 = 16 logical CPUs"; empty if not valid. */
    public ReadOnlyStringProperty logicalCpusProperty() {
        return logicalCpus.getReadOnlyProperty();
    }

    /** Checks every field, as one is left, without applying anything. Returns whether all are valid. */
    public boolean check() {
        return validated().isPresent();
    }

    /** Checks every field; if all are valid and the host changed, applies it as one edit (a restart unless only the name changed). */
    public boolean commit() {
        Optional<HostSpec> host = validated();
        if (host.isEmpty()) {
            return false;
        }
        Scenario s = editor.scenario();
        if (host.get().equals(s.host(hostId).orElseThrow())) {
            return true;
        }
        shown = host.get();
        editor.restructure(s.withHost(shown));
        return true;
    }

    /** Whether this editor still shows {@code host} as it is (the panel then keeps it, and its focus). */
    boolean isFor(HostSpec host) {
        return host.equals(shown);
    }

    /** The host as typed, if every field is valid and its VMs fit; each wrong field gets its message. */
    private Optional<HostSpec> validated() {
        Optional<String> n = name.check(i18n);
        Optional<Long> s = sockets.whole(i18n, 1, CpuTopology.MAX_SOCKETS);
        Optional<Long> c = coresPerSocket.whole(i18n, 1, CpuTopology.MAX_CORES_PER_SOCKET);
        Optional<Long> t = threadsPerCore.whole(i18n, 1, CpuTopology.MAX_THREADS_PER_CORE);
        Optional<Long> mhz = mhzPerCore.whole(i18n, CpuTopology.MIN_MHZ, CpuTopology.MAX_MHZ);
        MemoryUnit unit = memoryUnit.get();
        Optional<Long> mem = memory.whole(i18n, ceilDiv(HostSpec.MIN_MEMORY_MIB, unit.mib), HostSpec.MAX_MEMORY_MIB / unit.mib);
        fitError.set("");
        if (s.isEmpty() || c.isEmpty() || t.isEmpty() || mhz.isEmpty()) {
            return Optional.empty();
        }
        CpuTopology cpu = new CpuTopology(s.get().intValue(), c.get().intValue(), t.get().intValue(), mhz.get().intValue());
        HostSpec host = editor.scenario().host(hostId).orElseThrow();
        fitError.set(misfits(editor.scenario().vmsOn(hostId), cpu.logicalCpus()));
        if (n.isEmpty() || mem.isEmpty() || !fitError.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(host.withHardware(n.get(), cpu, mem.get() * unit.mib));
    }

    /** The VMs that would not fit on {@code logical} CPUs, one line each; empty when all fit. */
    private String misfits(List<VmSpec> vms, int logical) {
        List<String> lines = new ArrayList<>();
        int more = 0;
        for (VmSpec vm : vms) {
            String line = null;
            if (vm.vcpus() > logical) {
                line = i18n.format("hardware.error.vcpus", vm.name(), Integer.toString(vm.vcpus()),
                        Integer.toString(logical));
            } else if (vm.pinning().highestCpu() >= logical) {
                line = i18n.format("hardware.error.pinned", vm.name(), Integer.toString(vm.pinning().highestCpu()),
                        CpuList.range(logical));
            }
            if (line != null && lines.size() < MAX_NAMED_VMS) {
                lines.add(line);
            } else if (line != null) {
                more++;
            }
        }
        if (more > 0) {
            lines.add(i18n.format("hardware.error.more", Integer.toString(more)));
        }
        return String.join("\n", lines);
    }

    private void showLogicalCpus() {
        Optional<Long> s = quietWhole(sockets, CpuTopology.MAX_SOCKETS);
        Optional<Long> c = quietWhole(coresPerSocket, CpuTopology.MAX_CORES_PER_SOCKET);
        Optional<Long> t = quietWhole(threadsPerCore, CpuTopology.MAX_THREADS_PER_CORE);
        logicalCpus.set(s.isPresent() && c.isPresent() && t.isPresent()
                ? i18n.format("hardware.logicalCpus", s.get().toString(), c.get().toString(), t.get().toString(),
                        Long.toString(s.get() * c.get() * t.get()))
                : "");
    }

    /** A whole number 1..max in the field, without touching its message (it is being typed). */
    private static Optional<Long> quietWhole(NumberField f, int max) {
        try {
            long v = Long.parseLong(f.textProperty().get().strip());
            return v >= 1 && v <= max ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Keeps the amount when the unit changes: 64 GiB becomes 65536 MiB, 1536 MiB becomes 1.5 GiB. */
    private void convertMemory(MemoryUnit was, MemoryUnit now) {
        if (was == null || now == null || was == now) {
            return;
        }
        try {
            double mib = Double.parseDouble(memory.textProperty().get().strip()) * was.mib;
            if (Double.isFinite(mib)) {
                memory.set(mib / now.mib);
            }
        } catch (NumberFormatException e) {
            // not a number yet: left as typed, for the check to point out
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
