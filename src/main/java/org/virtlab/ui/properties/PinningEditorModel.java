package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing which logical CPUs each vCPU of a VM may run on (libvirt's {@code <vcpupin>}): one list per vCPU
 * in Linux's syntax ("0-3,8"), checked against the host's logical CPUs 0..n−1 with the range in the
 * message. Every vCPU empty means not pinned; otherwise every vCPU needs its CPUs, as in a scenario file.
 * Shortcuts fill the lists; {@link #commit()} applies them as one edit. The engine takes pinning when it
 * starts, not while it runs ({@link org.virtlab.ui.common.ScenarioDiff} does not count it as a run-time
 * change), so a new pinning restarts the simulation at 0 s.
 */
public final class PinningEditorModel {
    /** The checkbox grid shows up to this many logical CPUs (columns) in the panel's width... */
    static final int GRID_MAX_CPUS = 8;
    /** ...and this many vCPUs (rows), beyond which the lists alone are easier to read. */
    static final int GRID_MAX_VCPUS = 8;

    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String vmId;
    private final CpuTopology topology;
    private final String hostName;
    private final List<CpuListField> rows = new ArrayList<>();
    /** The VM as this editor last saw it applied: while it stays so, the panel keeps the editor. */
    private VmSpec shown;

    public PinningEditorModel(I18n i18n, ScenarioEditor editor, VmSpec vm, HostSpec host) {
        this.i18n = i18n;
        this.editor = editor;
        this.vmId = vm.id();
        this.topology = host.cpu();
        this.hostName = host.name();
        this.shown = vm;
        for (int i = 0; i < vm.vcpus(); i++) {
            CpuListField row = new CpuListField(i, topology.logicalCpus(), hostName);
            if (vm.pinning().pinned()) {
                row.set(vm.pinning().perVcpu().get(i));
            }
            rows.add(row);
        }
    }

    /** One list per vCPU, vCPU 0 first. */
    public List<CpuListField> rows() {
        return rows;
    }

    public int logicalCpus() {
        return topology.logicalCpus();
    }

    /** Whether a grid of checkboxes (vCPUs × logical CPUs) fits the panel beside the lists. */
    public boolean gridFits() {
        return logicalCpus() <= GRID_MAX_CPUS && rows.size() <= GRID_MAX_VCPUS;
    }

    /** Whether "Same set for all" has something to do: more than one vCPU. */
    public boolean severalVcpus() {
        return rows.size() > 1;
    }

    /** "vCPU 3". */
    public String vcpuLabel(int vcpu) {
        return i18n.format("pinning.vcpu", Integer.toString(vcpu));
    }

    /** What to type, with the host's range: "Logical CPUs of Host 1: 0–3. Type lists such as 0-2,5 ...". */
    public String hint() {
        return i18n.format("pinning.hint", hostName, CpuList.range(logicalCpus()));
    }

    /**
     * How the host numbers its logical CPUs, when that tells something (threads of a core are neighbours,
     * sockets hold consecutive CPUs); empty on a host of one socket and one thread per core.
     */
    public String topologyHint() {
        List<String> parts = new ArrayList<>();
        if (topology.threadsPerCore() > 1) { // two threads: CPU = core × 2 + thread
            List<String> cores = IntStream.range(0, Math.min(2, topology.cores()))
                    .mapToObj(c -> i18n.format("pinning.hint.core", Integer.toString(2 * c),
                            Integer.toString(2 * c + 1), Integer.toString(c)))
                    .toList();
            String examples = String.join(i18n.get("pinning.hint.separator"), cores)
                    + (topology.cores() > 2 ? i18n.get("pinning.hint.andSoOn") : "");
            parts.add(i18n.format("pinning.hint.threads", examples));
        }
        if (topology.sockets() > 1) {
            int perSocket = topology.coresPerSocket() * topology.threadsPerCore();
            List<String> sockets = IntStream.range(0, topology.sockets())
                    .mapToObj(s -> i18n.format("pinning.hint.socket", Integer.toString(s),
                            CpuList.span(s * perSocket, (s + 1) * perSocket - 1)))
                    .toList();
            parts.add(i18n.format("pinning.hint.sockets", String.join(i18n.get("pinning.hint.separator"), sockets)));
        }
        return String.join(" ", parts);
    }

    /** Where a logical CPU sits, for its tooltip: "CPU 5: socket 0, core 2, thread 1". */
    public String place(int cpu) {
        CpuPlace p = CpuPlace.of(topology, cpu);
        return i18n.format("pinning.place", Integer.toString(cpu), Integer.toString(p.socket()),
                Integer.toString(p.core()), Integer.toString(p.thread()));
    }

    /** Whether {@code cpu} starts a core other than the first on a hyper-threaded host (the grid leaves a gap). */
    public boolean firstThreadOfLaterCore(int cpu) {
        CpuPlace p = CpuPlace.of(topology, cpu);
        return topology.threadsPerCore() > 1 && p.thread() == 0 && p.core() > 0;
    }

    /** Shortcut: every list empty, so the VM is not pinned once applied. */
    public void pinNone() {
        rows.forEach(CpuListField::clear);
    }

    /** Shortcut: vCPU i on logical CPU i (a VM never has more vCPUs than its host has logical CPUs). */
    public void oneCpuEach() {
        rows.forEach(r -> r.set(List.of(r.vcpu())));
    }

    /** Shortcut: every vCPU gets vCPU 0's list. Returns false, with vCPU 0's message, if that list is wrong. */
    public boolean sameForAll() {
        Optional<List<Integer>> first = rows.get(0).check(i18n, true);
        if (first.isEmpty()) {
            return false;
        }
        rows.forEach(r -> r.set(first.get()));
        return true;
    }

    /** Checks one list as it is left: a blank one is not refused yet (the user may be clearing them all). */
    public void check(CpuListField row) {
        row.check(i18n, true);
    }

    /**
     * Checks every list; if all are valid and the pinning differs from the VM's, applies it (one edit, which
     * restarts the simulation). Returns whether the lists were valid.
     */
    public boolean commit() {
        boolean none = rows.stream().allMatch(CpuListField::blank);
        List<List<Integer>> lists = new ArrayList<>();
        boolean valid = true;
        for (CpuListField row : rows) {
            Optional<List<Integer>> cpus = row.check(i18n, none);
            valid &= cpus.isPresent();
            cpus.ifPresent(lists::add);
        }
        if (!valid) {
            return false;
        }
        Pinning pinning = none ? Pinning.NONE : new Pinning(lists);
        if (!none) {
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i).set(pinning.perVcpu().get(i)); // as applied: "2,0-1" shows as "0-2"
            }
        }
        Scenario s = editor.scenario();
        VmSpec vm = s.vm(vmId).orElseThrow();
        if (pinning.equals(vm.pinning())) {
            return true;
        }
        shown = vm.withPinning(pinning);
        editor.restructure(s.withVm(shown));
        return true;
    }

    /** Whether this editor still shows {@code vm} on {@code host} as they are (the panel then keeps it). */
    boolean isFor(VmSpec vm, HostSpec host) {
        return vm.equals(shown) && host.cpu().equals(topology) && host.name().equals(hostName);
    }
}
