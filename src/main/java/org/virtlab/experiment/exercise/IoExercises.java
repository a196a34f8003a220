package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * I/O questions: the EVENT_IDX notification rule ({@link SplitVirtqueue#needEvent}), how many requests a split
 * virtqueue holds with direct or indirect descriptors (a real {@link SplitVirtqueue} filled until it refuses),
 * and VM exits per request for an emulated, a virtio and a passed-through device (a run of the I/O subsystem).
 */
final class IoExercises {
    /** Exits per request within which a typed answer counts as right: the answers are stated to 0.01. */
    static final double EXITS_TOLERANCE = 0.1;
    /** How long the generator runs a device before it reads its exits per request. */
    static final long EXITS_AT_MICROS = 500_000;

    private IoExercises() {
    }

    static List<ExerciseKind> kinds() {
        return List.of(new EventIdx(), new RingCapacity(), new Exits());
    }

    /** Does the driver kick (or the device interrupt) under EVENT_IDX? */
    static final class EventIdx implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.IO;
        }

        @Override
        public String id() {
            return "io.eventidx";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            boolean driver = g.coin();
            int oldIdx = g.coin() ? g.between(0, 60) : g.between(65_530, 65_535);
            int added = g.between(1, 6);
            int newIdx = (oldIdx + added) & 0xFFFF;
            int event = (oldIdx + g.between(-2, added + 2)) & 0xFFFF;
            boolean notify = SplitVirtqueue.needEvent(event, newIdx, oldIdx);
            String side = driver ? "driver" : "device";
            Line question = Line.of("io.eventidx.question." + side, event, oldIdx, newIdx);
            int left = (newIdx - event - 1) & 0xFFFF;
            int right = (newIdx - oldIdx) & 0xFFFF;
            List<Line> worked = List.of(
                    Line.of("io.eventidx.step.rule"),
                    Line.of("io.eventidx.step.values", newIdx, event, left, oldIdx, right),
                    Line.of(notify ? "io.eventidx.step.yes." + side : "io.eventidx.step.no." + side, left, right,
                            event, oldIdx, (newIdx - 1) & 0xFFFF));
            return new Exercise(Topic.IO, id(), seed, question, new Answer.YesNo(notify),
                    Line.of(notify ? "io.eventidx.answer.yes." + side : "io.eventidx.answer.no." + side), worked,
                    null, null);
        }
    }

    /** How many requests fit in a virtqueue at once, with or without indirect descriptors. */
    static final class RingCapacity implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.IO;
        }

        @Override
        public String id() {
            return "io.ring";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int size = g.pick(List.of(8, 16, 32, 64, 128, 256));
            int buffers = g.between(2, 5);
            boolean indirect = g.coin();
            int maxIndirect = indirect ? 8 : 0;
            int fitted = fill(size, buffers, maxIndirect);
            Line question = Line.of(indirect ? "io.ring.question.indirect" : "io.ring.question.direct", size, buffers);
            List<Line> worked = List.of(
                    Line.of(indirect ? "io.ring.step.indirect" : "io.ring.step.direct", buffers),
                    Line.of("io.ring.step.count", size, fitted));
            return new Exercise(Topic.IO, id(), seed, question, new Answer.Numbers(List.of((double) fitted), 0, 0, ""),
                    Line.of("io.ring.answer", fitted), worked, null, null);
        }
    }

    /** Adds chains of {@code buffers} buffers to a fresh queue until it refuses one: how many it took. */
    static int fill(int size, int buffers, int maxIndirect) {
        SplitVirtqueue q = new SplitVirtqueue(size, true, maxIndirect);
        long[] addrs = new long[buffers];
        int[] lens = new int[buffers];
        for (int k = 0; k < buffers; k++) {
            addrs[k] = 0x10_0000L + 0x1000L * k;
            lens[k] = k == 0 ? 16 : 512;
        }
        int count = 0;
        while (q.addChain(addrs, lens, 1, buffers - 1) >= 0) {
            count++;
        }
        return count;
    }

    /** VM exits per request of one device in one mode. */
    static final class Exits implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.IO;
        }

        @Override
        public String id() {
            return "io.exits";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            String modeId = g.pick(List.of("emulated", "virtio", "passthrough"));
            boolean net = g.coin();
            IoKind kind = net ? IoKind.NET_TX : IoKind.BLOCK_READ;
            int bytes = net ? g.pick(List.of(64, 1_500)) : g.pick(List.of(4_096, 65_536));
            long rate = g.pick(List.of(1_000L, 5_000L, 20_000L));
            IoMode mode;
            Line modeText;
            switch (modeId) {
                case "emulated" -> {
                    EmulatedModel model = net ? EmulatedModel.E1000 : EmulatedModel.IDE;
                    mode = new IoMode.Emulated(model);
                    modeText = Line.of("io.exits.mode.emulated", model.modelName());
                }
                case "virtio" -> {
                    int batch = g.pick(List.of(1, 4, 16));
                    mode = IoMode.Virtio.DEFAULT.withRequestsPerKick(batch);
                    modeText = Line.of("io.exits.mode.virtio", net ? "virtio-net" : "virtio-blk", batch);
                }
                default -> {
                    mode = IoMode.Passthrough.DEFAULT;
                    modeText = Line.of("io.exits.mode.passthrough", net ? "SR-IOV VF" : "NVMe");
                }
            }
            IoDeviceSpec device = new IoDeviceSpec("dev1", "vm1", new IoWorkload.OpenLoop(kind, bytes, rate), mode);
            HostSpec host = new HostSpec("host1", "Host", new CpuTopology(1, 4, 1, 3_000), 16_384, 60, 60);
            VmSpec vm = new VmSpec("vm1", "VM 1", "host1", 2, 2_048, new Workload.Constant(20), 60, 260);
            Scenario scenario = new Scenario(Gen.title(id(), seed), Gen.goal("scenario.goal.io"), List.of(), seed, Gen.TICK_MICROS,
                    10 * Gen.SECOND, List.of(host), List.of(vm), List.of(), List.of(), List.of(device), null, null);
            IoSnapshot.Totals t = totals(scenario, EXITS_AT_MICROS);
            double perRequest = t.exitsPerRequest();
            Line question = Line.of(net ? "io.exits.question.net" : "io.exits.question.block", modeText, rate, bytes);
            List<Line> worked = List.of(
                    Line.of("io.exits.step.counts", Gen.num(EXITS_AT_MICROS / 1e6, 1), t.completed(), t.exits(),
                            t.exits() - t.interruptPathExits(), t.interruptPathExits()),
                    Line.of("io.exits.step.why." + modeId),
                    Line.of("io.exits.step.ratio", t.exits(), t.completed(), Gen.num(perRequest, 2)));
            return new Exercise(Topic.IO, id(), seed, question,
                    new Answer.Numbers(List.of(Gen.round(perRequest, 2)), EXITS_TOLERANCE, 2, ""),
                    Line.of("io.exits.answer", Gen.fixed(perRequest, 2)), worked, null, scenario);
        }
    }

    /** The device's totals after running {@code scenario} to {@code atMicros}. */
    static IoSnapshot.Totals totals(Scenario scenario, long atMicros) {
        Simulation simulation = Simulations.of(scenario);
        simulation.runUntil(atMicros);
        return simulation.snapshot().find(IoSnapshot.class).orElseThrow().device("dev1").orElseThrow().totals();
    }
}
