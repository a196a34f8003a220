package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * The CPU lessons set up what their goal texts promise. The expected numbers are worked out here with the
 * course's arithmetic (../shared/reference/virtualization.md §1), from the lesson's own data, and the
 * goal must quote them; the engine's allocator has its own tests for getting them.
 */
class CpuLessonsTest {
    private static final Workload BUSY = new Workload.Constant(100);
    /** The article's example host: 24 logical CPUs at 1 GHz. */
    private static final CpuTopology ARTICLE_HOST = new CpuTopology(1, 24, 1, 1000);

    private static Scenario lesson(String id) throws ScenarioException {
        return Lessons.load(id).scenario();
    }

    private static void goalSays(Scenario s, String en, String zh) {
        assertTrue(s.goal().en().contains(en), () -> "goal lacks \"" + en + "\": " + s.goal().en());
        assertTrue(s.goal().zh().contains(zh), () -> "goal lacks \"" + zh + "\": " + s.goal().zh());
    }

    private static long shares(VmSpec vm) {
        return vm.cpuQos().shares().total(vm.vcpus());
    }

    @Test
    void sharesLessonIsTheArticlesFirstExample() throws ScenarioException {
        Scenario s = lesson("cpu-shares");
        HostSpec host = s.hosts().get(0);
        assertEquals(ARTICLE_HOST, host.cpu());
        assertEquals(List.of(Shares.custom(1000), Shares.custom(2000), Shares.custom(3000)),
                s.vms().stream().map(v -> v.cpuQos().shares()).toList());
        long total = s.vms().stream().mapToLong(CpuLessonsTest::shares).sum();
        for (VmSpec vm : s.vms()) {
            assertEquals(24, vm.vcpus()); // all busy: 72 GHz asked of 24
            assertEquals(BUSY, vm.workload());
        }
        // Example 1: 24 GHz by shares 1:2:3 = 4 / 8 / 12 GHz
        assertEquals(List.of(4000L, 8000L, 12_000L), s.vms().stream()
                .map(v -> host.cpu().logicalCapacityMhz() * shares(v) / total).toList());
        goalSays(s, "4, 8 and 12 GHz", "4、8、12 GHz");
    }

    @Test
    void reservationLessonIsTheArticlesSecondExample() throws ScenarioException {
        Scenario s = lesson("cpu-reservation");
        assertEquals(ARTICLE_HOST, s.hosts().get(0).cpu());
        List<VmSpec> vms = s.vms();
        assertEquals(new CpuQos(Shares.custom(1000), CpuQos.NO_LIMIT, 8000), vms.get(0).cpuQos());
        // Example 2: VM1 gets its 8 GHz; the other 16 GHz go to VM2 and VM3 by shares 2:3 = 6.4 / 9.6 GHz
        long rest = ARTICLE_HOST.logicalCapacityMhz() - vms.get(0).cpuQos().reservationMhz();
        long others = shares(vms.get(1)) + shares(vms.get(2));
        assertEquals(6400, rest * shares(vms.get(1)) / others);
        assertEquals(9600, rest * shares(vms.get(2)) / others);
        goalSays(s, "8, 6.4 and 9.6 GHz", "8、6.4 和 9.6 GHz");
    }

    @Test
    void idleNeighbourLessonComparesTwoIdenticalHostsInBothModes() throws ScenarioException {
        Scenario s = lesson("cpu-idle-neighbour");
        assertEquals(2, s.hosts().size());
        HostSpec a = s.hosts().get(0);
        HostSpec b = s.hosts().get(1);
        assertEquals(HostCpuPolicy.DEFAULT.withReservationMode(ReservationMode.REUSABLE), a.cpuPolicy());
        assertEquals(HostCpuPolicy.DEFAULT.withReservationMode(ReservationMode.HELD), b.cpuPolicy());
        assertEquals(ARTICLE_HOST, a.cpu());
        assertEquals(a.cpu(), b.cpu());
        assertEquals(b.y(), a.y() + 260); // the second host below the first
        List<VmSpec> onA = s.vmsOn(a.id());
        List<VmSpec> onB = s.vmsOn(b.id());
        assertEquals(3, onA.size());
        for (int i = 0; i < 3; i++) {
            VmSpec va = onA.get(i);
            VmSpec vb = onB.get(i);
            assertEquals(List.of(va.vcpus(), va.workload(), va.cpuQos(), va.x(), va.y() + 260),
                    List.of(vb.vcpus(), vb.workload(), vb.cpuQos(), vb.x(), vb.y()), va.id());
        }
        VmSpec idle = onA.get(0);
        assertEquals(new Workload.Idle(5), idle.workload());
        assertEquals(8000, idle.cpuQos().reservationMhz());
        // The guest shows 5 %: 24 vCPUs × 5 % × 1000 MHz = 1.2 GHz asked for
        long demandMhz = Math.round(idle.vcpus() * 0.05 * a.cpu().mhzPerCore());
        assertEquals(1200, demandMhz);
        long capacity = a.cpu().logicalCapacityMhz();
        long others = shares(onA.get(1)) + shares(onA.get(2));
        // Reusable: 24 - 1.2 = 22.8 GHz by 2:3 = 9.12 / 13.68 GHz
        assertEquals(9120, (capacity - demandMhz) * shares(onA.get(1)) / others);
        assertEquals(13_680, (capacity - demandMhz) * shares(onA.get(2)) / others);
        // Held: 8 - 1.2 = 6.8 GHz stay idle; 16 GHz by 2:3 = 6.4 / 9.6 GHz
        assertEquals(6800, idle.cpuQos().reservationMhz() - demandMhz);
        goalSays(s, "about 9.1 and 13.7 GHz", "约 9.1 和 13.7 GHz");
        goalSays(s, "6.8 GHz", "6.8 GHz");
        goalSays(s, "8 / 6.4 / 9.6 GHz", "8 / 6.4 / 9.6 GHz");
        goalSays(s, "a-vm1 and b-vm1", "a-vm1 和 b-vm1");
    }

    @Test
    void limitLessonCapsAVmThatWantsMoreOnAnIdleHost() throws ScenarioException {
        Scenario s = lesson("cpu-limit");
        HostSpec host = s.hosts().get(0);
        VmSpec vm = s.vms().get(0);
        assertEquals(1, s.vms().size());
        assertEquals(BUSY, vm.workload());
        assertEquals(2000, vm.cpuQos().limitMhz());
        long wantsMhz = (long) vm.vcpus() * host.cpu().mhzPerCore();
        assertEquals(4000, wantsMhz); // wants twice its limit...
        assertEquals(8000, host.cpu().logicalCapacityMhz()); // ...on a host with room for it
        goalSays(s, "6 GHz of the host sits idle", "6 GHz");
    }

    @Test
    void hyperThreadingLessonComparesTwoThreadsWithTwoCores() throws ScenarioException {
        Scenario s = lesson("cpu-hyperthreading");
        HostSpec threads = s.hosts().get(0);
        HostSpec cores = s.hosts().get(1);
        assertEquals(new CpuTopology(1, 1, 2, 1000), threads.cpu());
        assertEquals(new CpuTopology(1, 2, 1, 1000), cores.cpu());
        for (VmSpec vm : s.vms()) {
            assertEquals(2, vm.vcpus());
            assertEquals(BUSY, vm.workload());
        }
        // One core, both threads busy: 1000 MHz × htFactor 1.3 (the VMware-like default) = 1.3 GHz, 0.65 a thread
        assertEquals(1.3, threads.cpuPolicy().htFactor());
        assertEquals(1300, Math.round(threads.cpu().cores() * threads.cpu().mhzPerCore() * threads.cpuPolicy().htFactor()));
        assertEquals(2000, cores.cpu().logicalCapacityMhz());
        goalSays(s, "about 1.3 GHz, not 2", "约 1.3 GHz");
        goalSays(s, "0.65 GHz", "0.65 GHz");
    }

    @Test
    void pinningLessonPutsTwoVmsOnOneCpuAndLeavesOneFree() throws ScenarioException {
        Scenario s = lesson("cpu-pinning");
        HostSpec host = s.hosts().get(0);
        assertEquals(4, host.cpu().logicalCpus());
        List<VmSpec> vms = s.vms();
        assertEquals(List.of(Pinning.all(1, List.of(0)), Pinning.all(1, List.of(0)), Pinning.NONE),
                vms.stream().map(VmSpec::pinning).toList());
        for (VmSpec vm : vms) {
            assertEquals(1, vm.vcpus());
            assertEquals(BUSY, vm.workload());
        }
        // One 1 GHz CPU by shares 1:2 = 1/3 and 2/3 of it
        long mhz = host.cpu().mhzPerCore();
        long pinnedShares = shares(vms.get(0)) + shares(vms.get(1));
        assertEquals(333, mhz * shares(vms.get(0)) / pinnedShares);
        assertEquals(666, mhz * shares(vms.get(1)) / pinnedShares);
        goalSays(s, "about 0.33 and 0.67 GHz", "约 0.33 和 0.67 GHz");
    }

    @Test
    void hostsAndVmsAreLaidOutInRows() throws ScenarioException {
        // Hosts at (60, 60 + 260·k); their VMs in a row 80 px below the host's top, from x = 90.
        for (String id : List.of("cpu-shares", "cpu-reservation", "cpu-idle-neighbour", "cpu-limit",
                "cpu-hyperthreading", "cpu-pinning")) {
            Scenario s = lesson(id);
            for (int k = 0; k < s.hosts().size(); k++) {
                HostSpec host = s.hosts().get(k);
                assertEquals(List.of(60.0, 60.0 + 260 * k), List.of(host.x(), host.y()), id);
                List<VmSpec> vms = s.vmsOn(host.id());
                for (int i = 0; i < vms.size(); i++) {
                    assertEquals(List.of(90.0 + 200 * i, host.y() + 80), List.of(vms.get(i).x(), vms.get(i).y()), id);
                }
            }
        }
    }
}
