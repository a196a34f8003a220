package org.virtlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationSnapshot;

/**
 * The same devices, inputs and seed give the same snapshots, byte for byte; rewinding restores a past tick exactly
 * and the replayed future is the same, across device resets (a new queue size, a new suppression, a new mode).
 */
class IoDeterminismTest {
    private static final long END = 1_600_000;

    private static List<IoDeviceSpec> devices() {
        return List.of(
                IoScenarios.spec("emu", new IoWorkload.OpenLoop(IoKind.NET_TX, 1_500, 20_000),
                        new IoMode.Emulated(EmulatedModel.E1000)),
                IoScenarios.spec("vblk", new IoWorkload.ClosedLoop(IoKind.BLOCK_READ, 65_536, 16),
                        IoMode.Virtio.DEFAULT.withRequestsPerKick(4).withIndirect(true)),
                new IoDeviceSpec("nic", "vm-nic", new IoWorkload.OpenLoop(IoKind.NET_TX, 512, 50_000),
                        new IoMode.Passthrough(false, 16, 256), new Coalescing(8, 20), null));
    }

    /** Runs to {@link #END} with inputs along the way, recording a snapshot every {@code everyMicros}. */
    private static Simulation run(long seed, List<SimulationSnapshot> into, long everyMicros) {
        Simulation sim = new Simulation(seed, IoScenarios.TICK_MICROS, List.of(new IoSubsystem(devices())), 250, 3_600);
        sim.addObserver(into::add, everyMicros);
        sim.runUntil(200_000);
        sim.submit(new SetRequestsPerKick("vblk", 8));
        sim.runUntil(400_000);
        sim.submit(new SetQueueSize("vblk", 64));
        sim.runUntil(600_000);
        sim.submit(new SetSuppression("vblk", Suppression.FLAGS));
        sim.runUntil(800_000);
        sim.submit(new SetRequestBytes("nic", 9_000));
        sim.runUntil(1_000_000);
        sim.submit(new SetIoMode("emu", IoMode.Virtio.DEFAULT.withPollMicros(20)));
        sim.runUntil(1_200_000);
        sim.submit(new SetIoWorkload("nic", new IoWorkload.OpenLoop(IoKind.NET_TX, 9_000, 80_000)));
        sim.runUntil(END);
        return sim;
    }

    private static byte[] transcript(List<SimulationSnapshot> snapshots) {
        StringBuilder out = new StringBuilder();
        for (SimulationSnapshot s : snapshots) {
            out.append(s).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameSeedAndInputsGiveTheSameBytes() {
        List<SimulationSnapshot> first = new ArrayList<>();
        List<SimulationSnapshot> second = new ArrayList<>();
        run(7, first, 100_000);
        run(7, second, 100_000);
        assertEquals(16, first.size()); // 1.6 s, every 100 ms
        assertArrayEquals(transcript(first), transcript(second));
        IoSnapshot io = IoScenarios.io(first.get(first.size() - 1));
        // a new queue size and a new suppression reset it; a new batch did not
        assertEquals(2, io.device("vblk").orElseThrow().totals().resets());
        assertTrue(io.device("emu").orElseThrow().mode() instanceof IoMode.Virtio);
    }

    @Test
    void anotherSeedGivesOtherArrivals() {
        List<SimulationSnapshot> a = new ArrayList<>();
        List<SimulationSnapshot> b = new ArrayList<>();
        run(7, a, 100_000);
        run(8, b, 100_000);
        assertNotEquals(a.get(3), b.get(3));
    }

    @Test
    void rewindingRestoresEveryTickExactlyAndReplaysTheSameFuture() {
        List<SimulationSnapshot> original = new ArrayList<>();
        Simulation sim = run(7, original, IoScenarios.TICK_MICROS);
        assertEquals(1_600, original.size());
        List<SimulationSnapshot> seen = new ArrayList<>();
        sim.addObserver(seen::add);
        // before, in and after each reset; on a checkpoint (every 250 ms) and between
        for (long at : new long[] {1_000, 250_000, 199_000, 400_000, 401_000, 777_000, 1_000_000, 1_001_000,
                1_599_000, 123_000}) {
            sim.rewindTo(at);
            assertEquals(original.get((int) (at / 1_000) - 1), sim.snapshot(), "at " + at);
        }
        sim.rewindTo(350_000);
        seen.clear();
        sim.runUntil(END); // replays every logged input after 350 ms
        assertEquals(original.subList(350, 1_600), seen);
    }

    @Test
    void oneRunAndUnevenChunksPublishTheSameSnapshots() {
        List<SimulationSnapshot> whole = new ArrayList<>();
        Simulation a = new Simulation(3, IoScenarios.TICK_MICROS, List.of(new IoSubsystem(devices())));
        a.addObserver(whole::add);
        a.runUntil(500_000);
        List<SimulationSnapshot> chunked = new ArrayList<>();
        Simulation b = new Simulation(3, IoScenarios.TICK_MICROS, List.of(new IoSubsystem(devices())));
        b.addObserver(chunked::add);
        long[] steps = {1, 999, 1_001, 17_333, 3, 123_456};
        for (int i = 0; b.nowMicros() < 500_000; i++) {
            b.runUntil(Math.min(500_000, b.nowMicros() + steps[i % steps.length]));
        }
        assertEquals(whole, chunked);
    }
}
