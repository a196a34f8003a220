package org.virtlab.ui.memory;

import java.util.List;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The course article's overcommit example (virtualization.md §2, "Zero pages"; course-notes-zh "主机内存超分配"):
 * three VMs configured 2 GiB on a 4 GiB host. Used by the overcommit view's tests and the gallery.
 */
public final class OvercommitScenarios {
    public static final long HOST_MIB = 4096;
    public static final long VM_MIB = 2048;

    private OvercommitScenarios() {
    }

    /**
     * Each VM wants {@code demandMib} in use, touched at 512 MiB/s; its pages are 10 % zeros, 30 % the same OS
     * image ("linux": shareable across the three) and the rest unique; 60 % of them active.
     */
    public static Scenario threeVmsOnFourGib(long demandMib) {
        MemoryActivity activity = MemoryActivity.DEFAULT.withDemandMib(demandMib).withTouchMibPerSecond(512)
                .withContent(10, 30, "linux").withActivePercent(60);
        return threeVms(activity);
    }

    /** The same three VMs touching nothing: every page on the zero frame until an action says otherwise. */
    public static Scenario idle() {
        return threeVms(MemoryActivity.DEFAULT);
    }

    private static Scenario threeVms(MemoryActivity activity) {
        HostSpec host = new HostSpec("host1", "Host 1", new CpuTopology(1, 8, 1, 2_000), null, HOST_MIB,
                HostMemoryPolicy.DEFAULT, 40, 40);
        List<VmSpec> vms = List.of(vm("vm1", "VM 1", activity), vm("vm2", "VM 2", activity),
                vm("vm3", "VM 3", activity));
        return new Scenario(LocalizedText.of("Three 2 GiB VMs on a 4 GiB host", "4 GiB 主机上的三台 2 GiB 虚拟机"),
                LocalizedText.EMPTY, 7, 1_000, List.of(host), vms).withView(
                        org.virtlab.engine.model.ViewState.DEFAULT.withTab("memory"));
    }

    private static VmSpec vm(String id, String name, MemoryActivity activity) {
        return new VmSpec(id, name, "host1", 1, VM_MIB, new Workload.Constant(10), CpuQos.DEFAULT, Pinning.NONE,
                List.of(), VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND, MemoryQos.DEFAULT, activity, 0, 0);
    }
}
