package org.virtlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.cpu.SetWorkload;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.io.ExitReason;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.memory.host.Reclamation;
import org.virtlab.engine.memory.host.TouchMemory;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;

/**
 * The event journal: what the subsystems emit, that keeping it changes nothing, and that Back (a rewind) then
 * Forward gives the same state and the same events as a straight run, across a migration, a copy-on-write fault,
 * balloon and swap actions and virtqueue kicks (the lessons named in each test).
 */
class SimulationJournalTest {
    private static final int BIG = 2_000_000;

    /** An input and the simulated time it is submitted at (it takes effect at the next tick boundary). */
    private record Timed(long atMicros, Input input) {
    }

    private static Scenario lesson(String id) throws Exception {
        return Lessons.load(id).scenario();
    }

    /** The lesson with time slices (as the window runs it), a journal, the inputs at their times, run to until. */
    private static Simulation straight(Scenario scenario, List<Timed> inputs, long until) {
        Simulation sim = Simulations.of(scenario, scenario.seed(), true);
        sim.enableJournal(BIG);
        for (Timed t : inputs) {
            if (t.atMicros() <= until) {
                sim.runUntil(t.atMicros());
                sim.submit(t.input());
            }
        }
        sim.runUntil(until);
        return sim;
    }

    private static List<SimEvent> ofKind(Simulation sim, EventKind kind) {
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : sim.journal().events()) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<SimEvent> before(List<SimEvent> events, long micros) {
        List<SimEvent> out = new ArrayList<>();
        for (SimEvent e : events) {
            if (e.atMicros() < micros) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Runs to {@code end}, goes back to {@code back} and checks state and journal against a straight run to
     * {@code back}; then forward to {@code end} again and checks both against the first run. Returns the first run's
     * events.
     */
    private static List<SimEvent> backThenForward(Scenario scenario, List<Timed> inputs, long back, long end) {
        Simulation sim = straight(scenario, inputs, end);
        SimulationSnapshot atEnd = sim.snapshot();
        List<SimEvent> all = sim.journal().events();

        sim.rewindTo(back);
        Simulation reference = straight(scenario, inputs, back);
        assertEquals(reference.snapshot(), sim.snapshot(), "state after Back");
        assertEquals(reference.journal().events(), sim.journal().events(), "events after Back");
        assertEquals(before(all, back), sim.journal().events(), "Back keeps exactly the events before the moment");

        sim.runUntil(end);
        assertEquals(atEnd, sim.snapshot(), "state after Forward");
        assertEquals(all, sim.journal().events(), "events after Forward");
        return all;
    }

    @Test
    void keepingAJournalChangesNoSnapshot() throws Exception {
        // every lesson of the four topics the kernel runs, with slices on: the same snapshots every 100 ms
        for (String id : List.of("default", "mem-balloon-swap", "io-emulation-vs-virtio", "migration-precopy")) {
            Scenario s = lesson(id);
            Simulation plain = Simulations.of(s, s.seed(), true);
            Simulation journaled = Simulations.of(s, s.seed(), true);
            journaled.enableJournal(1_000);
            List<SimulationSnapshot> a = new ArrayList<>();
            List<SimulationSnapshot> b = new ArrayList<>();
            plain.addObserver(a::add, 100_000);
            journaled.addObserver(b::add, 100_000);
            plain.runUntil(3_000_000);
            journaled.runUntil(3_000_000);
            TestScenarios.assertSameSnapshots(a, b);
            assertTrue(journaled.journal().size() > 0, id + " emitted events");
        }
    }

    @Test
    void withoutAJournalTheSinkIsOffAndThereIsNoJournal() {
        Simulation sim = Simulations.of(TestScenarios.mixed());
        List<Boolean> seen = new ArrayList<>();
        Subsystem probe = new KernelProbe(seen);
        Simulation probed = new Simulation(1, 1_000, List.of(probe));
        probed.step();
        assertEquals(List.of(false), seen);
        assertFalse(sim.journaling());
        assertThrows(IllegalStateException.class, sim::journal);
        assertSame(EventSink.OFF, new StepContext(new SimRandom(1), 1_000).events());
    }

    @Test
    void eventsAreInTimeThenSubsystemThenSerialOrderAndEachKindCarriesItsNumbers() throws Exception {
        Simulation sim = straight(lesson("io-virtqueue-anatomy"), List.of(), 3_000_000);
        List<SimEvent> events = sim.journal().events();
        assertFalse(events.isEmpty());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(SimEvent.ORDER.compare(events.get(i - 1), events.get(i)) < 0, "event " + i + " in order");
        }
        for (SimEvent e : events) {
            assertEquals(e.kind().arity(), e.args().size());
        }
        // the journal's position search: first event at or after 1 s
        int k = sim.journal().indexAt(1_000_000);
        assertTrue(events.get(k).atMicros() >= 1_000_000 && (k == 0 || events.get(k - 1).atMicros() < 1_000_000));
    }

    @Test
    void theRingKeepsTheNewestAndCountsTheDropped() throws Exception {
        Scenario s = lesson("io-virtqueue-anatomy");
        Simulation all = straight(s, List.of(), 5_000_000);
        Simulation small = Simulations.of(s, s.seed(), true);
        small.enableJournal(50);
        small.runUntil(5_000_000);
        List<SimEvent> every = all.journal().events();
        assertEquals(every.subList(every.size() - 50, every.size()), small.journal().events());
        assertEquals(every.size() - 50, small.journal().dropped());
        assertEquals(0, small.journal().startMicros());

        // Back to 4.5 s: the ring still holds events before the restored checkpoint (4 s), so it keeps what it held
        // before 4 s and the replay adds 4 s … 4.5 s; the dropped ones are all older
        small.rewindTo(4_500_000);
        List<SimEvent> upTo = before(every, 4_500_000);
        List<SimEvent> held = small.journal().events();
        assertEquals(upTo.subList(upTo.size() - held.size(), upTo.size()), held, "a suffix of the straight run's");
        assertEquals(upTo.size() - held.size(), small.journal().dropped());

        // Back to 0.5 s: every event held was after 0 s's checkpoint and the dropped ones may be too, so the journal
        // starts again at 0 and holds exactly the events up to 0.5 s
        small.rewindTo(500_000);
        assertEquals(0, small.journal().startMicros());
        assertEquals(0, small.journal().dropped());
        assertEquals(before(every, 500_000), small.journal().events());
    }

    @Test
    void aJournalTurnedOnLaterStartsThenAndAStepBackBeforeItFillsItFromTheCheckpoint() throws Exception {
        Scenario s = lesson("io-virtqueue-anatomy");
        Simulation all = straight(s, List.of(), 3_000_000);
        Simulation late = Simulations.of(s, s.seed(), true);
        late.runUntil(2_000_000);
        late.enableJournal(BIG);
        late.runUntil(3_000_000);
        assertEquals(2_000_000, late.journal().startMicros());
        assertEquals(all.journal().events().subList(all.journal().indexAt(2_000_000), all.journal().size()),
                late.journal().events());
        late.rewindTo(1_500_000); // from the checkpoint at 1 s
        assertEquals(1_000_000, late.journal().startMicros());
        List<SimEvent> expected = before(all.journal().events(), 1_500_000);
        assertEquals(expected.subList(all.journal().indexAt(1_000_000), expected.size()), late.journal().events());
    }

    @Test
    void backThenForwardOnTheDefaultLessonWithAnInputGivesTheSameStateAndEvents() throws Exception {
        // the default lesson (three VMs on one host) with a workload change at 2.3 s, back to 3.25 s and 1.7 s
        Scenario s = lesson("default");
        List<Timed> inputs = List.of(new Timed(2_300_000, new SetWorkload("db", new Workload.Constant(20))));
        List<SimEvent> events = backThenForward(s, inputs, 3_250_000, 5_700_000);
        backThenForward(s, inputs, 1_700_000, 5_700_000);
        // virtualization.md §1 (the credit scheduler's slices): vCPUs take turns on the 12 logical CPUs
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.VCPU_SWITCH));
    }

    @Test
    void vcpuSwitchesAreEmittedOnlyWhenTheVcpuOnACpuChanges() throws Exception {
        Simulation sim = straight(lesson("default"), List.of(), 3_000_000);
        Map<Long, String> lastOn = new TreeMap<>();
        int switches = 0;
        for (SimEvent e : ofKind(sim, EventKind.VCPU_SWITCH)) {
            String now = e.vmId() + "/" + e.arg(1);
            String before = e.peerId() == null ? null : e.peerId() + "/" + e.arg(2);
            assertEquals(lastOn.get(e.arg(0)), before, "a switch names the vCPU that ran there last");
            assertNotEquals(now, before, "the same vCPU again is no switch");
            lastOn.put(e.arg(0), now);
            switches++;
        }
        assertTrue(switches > 0);
    }

    @Test
    void backAcrossALiveMigrationPutsTheVmBackOnItsSourceAndForwardMigratesItAgain() throws Exception {
        // migration-precopy.json, step 1: Web server (4096 MiB, 16 MiB/s dirtied) onto Host 2: rounds of 4096, 512
        // and 64 MiB, then about 62 ms of downtime (virtualization.md §5: pre-copy rounds, then stop-and-copy)
        Scenario s = lesson("migration-precopy");
        List<Timed> inputs = List.of(new Timed(1_000_000, new StartMigration("web", "host2")));
        List<SimEvent> events = backThenForward(s, inputs, 35_000_000, 40_000_000);

        List<Long> sentKib = new ArrayList<>();
        for (SimEvent e : events) {
            if (e.kind() == EventKind.MIGRATION_ROUND) {
                sentKib.add(e.arg(1));
            }
        }
        assertEquals(List.of(4096L * 1024, 512L * 1024, 64L * 1024), sentKib); // the lesson's 4096, 512, 64 MiB
        SimEvent done = events.stream().filter(e -> e.kind() == EventKind.MIGRATION_DONE).findFirst().orElseThrow();
        assertEquals("host1", done.hostId());
        assertEquals("host2", done.peerId());
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.MIGRATION_SWITCH_OVER));

        // 35 s is in round 1 (round 0 took 4096 MiB / 128 MiB/s = 32 s from 1 s): the VM is still on Host 1
        Simulation sim = straight(s, inputs, 40_000_000);
        sim.rewindTo(35_000_000);
        assertEquals("host1", hostOf(sim, "web"));
        assertTrue(ofKind(sim, EventKind.MIGRATION_DONE).isEmpty());
        assertEquals(1, ofKind(sim, EventKind.MIGRATION_ROUND).size());
        sim.runUntil(40_000_000);
        assertEquals("host2", hostOf(sim, "web"));
    }

    @Test
    void aMigrationTheTargetCannotAdmitIsRefusedWithItsReasonAtTheTickItWasAskedFor() throws Exception {
        // migration-precopy.json, step 4: Analytics reserves 10 GHz, Host 2 has 4 cores × 2 GHz = 8 GHz: the
        // target's admission control refuses it before anything is copied (virtualization.md §1: power-on is
        // refused when unreserved capacity can't cover it; the same check guards a migration's target)
        Simulation sim = straight(lesson("migration-precopy"),
                List.of(new Timed(500_000, new StartMigration("analytics", "host2"))), 1_000_000);
        List<SimEvent> refused = ofKind(sim, EventKind.MIGRATION_REFUSED);
        assertEquals(1, refused.size());
        assertEquals(500_000, refused.get(0).atMicros());
        assertEquals(MigrationReason.TARGET_RESERVATION, refused.get(0).cause());
        assertEquals("host1", refused.get(0).hostId());
        assertEquals("host2", refused.get(0).peerId());
        assertTrue(ofKind(sim, EventKind.MIGRATION_START).isEmpty());
    }

    private static String hostOf(Simulation sim, String vmId) {
        return sim.snapshot().find(CpuSnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().hostId();
    }

    @Test
    void backAcrossCopyOnWriteFaultsRestoresThem() throws Exception {
        // mem-zero-pages.json, step 2: touching another 1024 MiB takes a frame per page, each first write a
        // copy-on-write fault of a page that read the zero frame (virtualization.md §2)
        Scenario s = lesson("mem-zero-pages");
        List<Timed> inputs = List.of(new Timed(2_000_000, new TouchMemory("vm1", 262_144)));
        List<SimEvent> events = backThenForward(s, inputs, 2_000_000, 3_000_000);
        long faultsAfter = 0;
        for (SimEvent e : events) {
            if (e.kind() == EventKind.COW_FAULT && e.atMicros() >= 2_000_000) {
                assertEquals("vm1", e.vmId());
                faultsAfter += e.arg(0);
            }
        }
        Simulation sim = straight(s, inputs, 3_000_000);
        long cowAt3 = cowFaults(sim, "vm1");
        sim.rewindTo(2_000_000);
        assertEquals(cowAt3 - faultsAfter, cowFaults(sim, "vm1"), "the faults after 2 s are undone, one by one");
        assertTrue(faultsAfter > 0);
    }

    private static long cowFaults(Simulation sim, String vmId) {
        return sim.snapshot().find(MemorySnapshot.class).orElseThrow().vms().stream()
                .filter(v -> v.vmId().equals(vmId)).findFirst().orElseThrow().cowFaults();
    }

    @Test
    void backAcrossBalloonAndSwapActionsRestoresThem() throws Exception {
        // mem-balloon-swap.json, step 1: at 2 s both hosts run out of memory; Host 1 balloons (and swaps a little
        // below 2 % free), Host 2 has no balloon driver and only swaps (virtualization.md §2: soft → balloon,
        // hard → swap)
        Scenario s = lesson("mem-balloon-swap");
        List<SimEvent> events = backThenForward(s, List.of(), 2_500_000, 4_000_000);
        SimEvent balloon = events.stream().filter(e -> e.kind() == EventKind.BALLOON_INFLATE).findFirst().orElseThrow();
        assertEquals("host1", balloon.hostId());
        assertTrue(balloon.cause() instanceof Reclamation.Reason);
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.SWAP_OUT && "host2".equals(e.hostId())));
        assertTrue(events.stream().noneMatch(e -> e.kind() == EventKind.BALLOON_INFLATE && "host2".equals(e.hostId())),
                "Host 2's guests have no balloon driver");
        assertTrue(balloon.atMicros() < 2_500_000, "Back to 2.5 s goes across balloon actions");
    }

    @Test
    void backAcrossVirtqueueKicksAndInterruptsRestoresThem() throws Exception {
        // io-virtqueue-anatomy.json: 10 reads a second, one kick (an MMIO write: an EPT-violation exit) and one
        // interrupt per read (virtualization.md §3: a kick is an MMIO/PIO write that exits)
        Scenario s = lesson("io-virtqueue-anatomy");
        List<SimEvent> events = backThenForward(s, List.of(), 1_250_000, 3_000_000);
        List<SimEvent> exits = new ArrayList<>();
        long kicks = 0;
        long interrupts = 0;
        for (SimEvent e : events) {
            if (e.kind() == EventKind.VM_EXIT) {
                exits.add(e);
            } else if (e.kind() == EventKind.VIRTQUEUE_KICK) {
                kicks++;
            } else if (e.kind() == EventKind.INTERRUPT) {
                interrupts++;
            }
        }
        assertEquals(kicks, exits.size(), "each kick exits once");
        assertTrue(exits.stream().allMatch(e -> e.cause() == ExitReason.EPT_VIOLATION));
        assertEquals("event.cause.ExitReason.EPT_VIOLATION", exits.get(0).causeKey());
        // 3 s at 10 reads a second: about 30 interrupts (one per completed read)
        assertTrue(interrupts >= 28 && interrupts <= 31, "interrupts: " + interrupts);
    }

    @Test
    void anEmulatedDiskExitsOnIoInstructionsAndPassthroughRingsADoorbellWithoutExiting() throws Exception {
        // io-emulation-vs-virtio.json: an emulated IDE disk exits per register access (port I/O: I/O-instruction
        // exits), virtio once per kick, passthrough never on the data path (virtualization.md §3)
        Simulation sim = straight(lesson("io-emulation-vs-virtio"), List.of(), 20_000);
        List<SimEvent> exits = ofKind(sim, EventKind.VM_EXIT);
        assertTrue(exits.stream().anyMatch(e -> e.cause() == ExitReason.IO_INSTRUCTION && "hda".equals(e.deviceId())));
        assertTrue(exits.stream()
                .noneMatch(e -> "nvme0".equals(e.deviceId()) && e.cause() != ExitReason.EXTERNAL_INTERRUPT));
        assertFalse(ofKind(sim, EventKind.DOORBELL).isEmpty());
    }

    @Test
    void aRefusedPowerOnIsJournaledWithTheReservationThatDidNotFit() {
        // 24 logical CPUs on 12 cores at 2000 MHz: 24,000 MHz reservable (cores × clock, no HT bonus); "big"
        // reserves 20,000, "more" 8,000 → more is refused for CPU with 4,000 MHz unreserved (computed by hand)
        Scenario s = TestScenarios.scenario(1, List.of(
                TestScenarios.vm("big", 8, new Workload.Constant(50))
                        .withCpuQos(new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 20_000)),
                TestScenarios.vm("more", 4, new Workload.Constant(50))
                        .withCpuQos(new CpuQos(Shares.NORMAL, CpuQos.NO_LIMIT, 8_000))));
        Simulation sim = Simulations.of(s);
        sim.enableJournal(100);
        sim.step();
        List<SimEvent> events = sim.journal().events();
        assertEquals(EventKind.POWER_ON, events.get(0).kind());
        assertEquals("big", events.get(0).vmId());
        SimEvent refused = events.get(1);
        assertEquals(EventKind.POWER_REFUSED, refused.kind());
        assertEquals(Admission.Resource.CPU, refused.cause());
        assertEquals(List.of(8_000L, 4_000L), refused.args());
    }

    @Test
    void eventsOfARefusedInputAreForgottenWithIt() {
        // a subsystem that emits, then refuses; and emits for an input it accepts (computed by hand: only the
        // accepted input's event, at the start of the tick it takes effect in, is kept)
        Subsystem picky = new Picky();
        Simulation sim = new Simulation(1, 1_000, List.of(picky));
        sim.enableJournal(10);
        sim.runUntil(5_000);
        sim.submit(new Word("no"));
        sim.submit(new Word("yes"));
        assertThrows(IllegalArgumentException.class, sim::step);
        sim.step();
        List<SimEvent> events = sim.journal().events();
        assertEquals(1, events.size());
        assertEquals(5_000, events.get(0).atMicros());
        assertEquals("yes", events.get(0).vmId());
    }

    private record Word(String text) implements Input {
    }

    /** Emits a DOORBELL named after each word it is given, then refuses the word "no". */
    private static final class Picky implements Subsystem {
        @Override
        public String name() {
            return "picky";
        }

        @Override
        public void step(StepContext ctx) {
        }

        @Override
        public boolean accept(Input input) {
            throw new UnsupportedOperationException("the kernel gives the context");
        }

        @Override
        public boolean accept(Input input, StepContext ctx) {
            String w = ((Word) input).text();
            ctx.events().emit(EventKind.DOORBELL, ctx.nowMicros(), null, w, null, null, null, 0, 0, 0);
            if (w.equals("no")) {
                throw new IllegalArgumentException("no");
            }
            return true;
        }

        @Override
        public SubsystemSnapshot snapshot() {
            return () -> "picky";
        }

        @Override
        public Object saveState() {
            return List.of();
        }

        @Override
        public void restore(Object savedState) {
        }
    }

    /** Records whether its context's sink is on. */
    private record KernelProbe(List<Boolean> seen) implements Subsystem {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void step(StepContext ctx) {
            seen.add(ctx.events().on());
        }

        @Override
        public boolean accept(Input input) {
            return false;
        }

        @Override
        public SubsystemSnapshot snapshot() {
            return () -> "probe";
        }

        @Override
        public Object saveState() {
            return List.of();
        }

        @Override
        public void restore(Object savedState) {
        }
    }
}
