package org.virtlab.engine.memory;

import java.util.Objects;
import org.virtlab.engine.SimRandom;

/**
 * Runs a {@link MemoryWorkload} through an {@link Mmu} and reports what translation cost: TLB hit rate,
 * references per access, exits. Deterministic: the same mode, TLB, workload and seed give the same stats.
 */
public final class TranslationExperiment {
    private TranslationExperiment() {
    }

    /** A fresh MMU of {@code mode} and {@code tlb} runs {@code workload}; random patterns draw on {@code random}. */
    public static TranslationStats run(TranslationMode mode, TlbConfig tlb, MemoryWorkload workload,
                                       SimRandom random) {
        return run(new Mmu(mode, tlb), workload, random);
    }

    /** Runs {@code workload} on {@code mmu} (whose caches may be warm) and returns its stats afterwards. */
    public static TranslationStats run(Mmu mmu, MemoryWorkload workload, SimRandom random) {
        Objects.requireNonNull(mmu, "mmu");
        Objects.requireNonNull(workload, "workload");
        check(mmu.mode(), workload);
        int processes = workload.processes();
        int vms = workload.vms();
        long processEvery = workload.processSwitchEveryAccesses();
        long vmEvery = workload.vmSwitchEveryAccesses();
        long writeEvery = workload.pageTableWriteEveryAccesses();
        AddressStream stream = new AddressStream(workload.pattern(), processes * vms, random);
        int vm = mmu.vm() % vms;
        int process = mmu.process() % processes;
        for (long n = 1; n <= workload.accesses(); n++) {
            long address = stream.next(vm * processes + process);
            mmu.translate(address);
            if (writeEvery > 0 && n % writeEvery == 0) {
                mmu.writePageTable(address);
            }
            if (processEvery > 0 && n % processEvery == 0) {
                process = (process + 1) % processes;
                mmu.switchProcess(process);
            }
            if (vmEvery > 0 && n % vmEvery == 0) {
                vm = (vm + 1) % vms;
                mmu.switchVm(vm);
            }
        }
        return mmu.stats();
    }

    private static void check(TranslationMode mode, MemoryWorkload workload) {
        if (mode instanceof TranslationMode.Native && (workload.vms() != 1 || workload.vmSwitchEveryAccesses() != 0)) {
            throw new IllegalArgumentException("native mode has no VMs: vms must be 1 and vmSwitchEveryAccesses 0, was "
                    + workload.vms() + " and " + workload.vmSwitchEveryAccesses());
        }
        long last = workload.pattern().lastAddress(workload.accesses());
        long end = mode.guest().lowerHalfEnd();
        if (last > end) {
            throw new IllegalArgumentException("the pattern reaches " + PageTableConfig.hex(last) + ", beyond the "
                    + mode.guest().addressBits() + "-bit address space of " + mode.guest().levels()
                    + "-level tables (at most " + PageTableConfig.hex(end) + ")");
        }
    }
}
