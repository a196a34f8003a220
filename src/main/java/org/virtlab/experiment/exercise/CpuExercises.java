package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.CpuDerivation;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.CpuSubsystem;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * CPU questions. Each builds a host and three VMs, runs the simulation for a moment and reads the CPU
 * subsystem's own derivation of the allocation ({@link CpuSubsystem#explain}): the answer is its result, the
 * worked answer its steps, the same the CPU tab and {@code virtlab explain cpu} show.
 */
final class CpuExercises {
    static final String HOST = "host1";
    static final List<String> NAMES = List.of("A", "B", "C");
    /** GHz within which a typed share counts as right: the answers are stated to 0.01 GHz. */
    static final double TOLERANCE_GHZ = 0.05;

    private CpuExercises() {
    }

    static List<ExerciseKind> kinds() {
        return List.of(new Split(), new Demand(), new Pinned());
    }

    /** Shares, a limit and a reservation among three busy VMs (the example). */
    static final class Split implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.CPU;
        }

        @Override
        public String id() {
            return "cpu.split";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int cores = g.pick(List.of(4, 6, 8));
            int mhz = g.pick(List.of(2000, 2500, 3000));
            int capacity = cores * mhz;
            List<VmSpec> vms = new ArrayList<>();
            List<Line> described = new ArrayList<>();
            int limitGhz = g.between(1, Math.max(1, capacity / 3000 - 1));
            int reserveGhz = g.between((capacity + 2999) / 3000, capacity / 2000);
            for (int i = 0; i < 3; i++) {
                int shares = g.pick(List.of(500, 1000, 2000, 3000));
                long limit = i == 0 ? limitGhz * 1000L : CpuQos.NO_LIMIT;
                long reservation = i == 2 ? reserveGhz * 1000L : 0;
                vms.add(vm(i, cores, 100, new CpuQos(Shares.custom(shares), limit, reservation), Pinning.NONE));
                List<Line> parts = new ArrayList<>();
                parts.add(Line.of("cpu.part.shares", shares));
                if (i == 0) {
                    parts.add(Line.of("cpu.part.limit", limitGhz));
                }
                if (i == 2) {
                    parts.add(Line.of("cpu.part.reservation", reserveGhz));
                }
                described.add(Line.of("cpu.vm", NAMES.get(i), parts));
            }
            Line question = Line.of("cpu.split.question", Gen.ghz(capacity), cores, Gen.ghz(mhz), described, cores);
            return solve(this, seed, host(cores, mhz), vms, question);
        }
    }

    /** VMs of different sizes and loads with Normal shares: what caps each (demand, vCPUs) and what is left. */
    static final class Demand implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.CPU;
        }

        @Override
        public String id() {
            return "cpu.demand";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int cores = g.pick(List.of(4, 6, 8));
            int mhz = g.pick(List.of(2000, 2500, 3000));
            List<VmSpec> vms = new ArrayList<>();
            List<Line> described = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int vcpus = g.between(1, cores);
                int percent = g.pick(List.of(25, 50, 75, 100));
                vms.add(vm(i, vcpus, percent, CpuQos.DEFAULT, Pinning.NONE));
                described.add(Line.of("cpu.demand.vm", NAMES.get(i), vcpus, percent));
            }
            Line question = Line.of("cpu.demand.question", Gen.ghz((double) cores * mhz), cores, Gen.ghz(mhz),
                    described);
            return solve(this, seed, host(cores, mhz), vms, question);
        }
    }

    /** Two VMs pinned to the same few cores, one free to run anywhere. */
    static final class Pinned implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.CPU;
        }

        @Override
        public String id() {
            return "cpu.pinning";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int cores = g.pick(List.of(4, 6, 8));
            int mhz = g.pick(List.of(2000, 2500, 3000));
            int pinnedCpus = g.between(1, 2);
            List<Integer> set = new ArrayList<>();
            for (int c = 0; c < pinnedCpus; c++) {
                set.add(c);
            }
            List<VmSpec> vms = new ArrayList<>();
            List<Line> described = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int vcpus = i < 2 ? g.between(1, 2) : g.between(2, cores);
                Pinning pinning = i < 2 ? Pinning.all(vcpus, set) : Pinning.NONE;
                vms.add(vm(i, vcpus, 100, CpuQos.DEFAULT, pinning));
                described.add(i < 2 ? Line.of("cpu.pinning.vmPinned", NAMES.get(i), vcpus, set.toString())
                        : Line.of("cpu.pinning.vmFree", NAMES.get(i), vcpus));
            }
            Line question = Line.of("cpu.pinning.question", Gen.ghz((double) cores * mhz), cores, Gen.ghz(mhz),
                    described);
            return solve(this, seed, host(cores, mhz), vms, question);
        }
    }

    /** A host of one socket, no hyper-threading, so its capacity is cores × clock. */
    static HostSpec host(int cores, int mhz) {
        return new HostSpec(HOST, "Host", new CpuTopology(1, cores, 1, mhz), 65_536, 60, 60);
    }

    static VmSpec vm(int i, int vcpus, int percent, CpuQos qos, Pinning pinning) {
        return new VmSpec("vm" + NAMES.get(i).toLowerCase(java.util.Locale.ROOT), "VM " + NAMES.get(i), HOST, vcpus,
                2_048, new Workload.Constant(percent), qos, pinning, 60 + 220 * i, 260);
    }

    /** How long the generator runs the scenario before it asks for the derivation. */
    static final long EXPLAIN_AT_MICROS = 200_000;

    private static Exercise solve(ExerciseKind kind, long seed, HostSpec host, List<VmSpec> vms, Line question) {
        Scenario scenario = new Scenario(Gen.title(kind.id(), seed), Gen.goal("scenario.goal.cpu"), seed, Gen.TICK_MICROS,
                List.of(host), vms);
        CpuDerivation d = explain(scenario);
        CpuDerivation.Result result = d.step(CpuDerivation.Result.class);
        List<Double> ghz = new ArrayList<>();
        List<Line> each = new ArrayList<>();
        for (VmSpec vm : vms) {
            double used = result.vms().stream().filter(r -> r.vmId().equals(vm.id())).findFirst().orElseThrow()
                    .usedMhz();
            ghz.add(Gen.round(used / 1000, 2));
            each.add(Line.of("cpu.answer.vm", vm.name(), Gen.fixed(used / 1000, 2)));
        }
        Answer answer = new Answer.Numbers(ghz, TOLERANCE_GHZ, 2, "GHz");
        return new Exercise(Topic.CPU, kind.id(), seed, question, answer, Line.of("cpu.answer", each),
                List.of(), d, scenario);
    }

    /** The CPU subsystem's derivation of the host's allocation once the VMs' demand is in. */
    static CpuDerivation explain(Scenario scenario) {
        Simulation simulation = Simulations.of(scenario);
        simulation.runUntil(EXPLAIN_AT_MICROS);
        CpuSubsystem cpu = simulation.subsystems().stream().filter(CpuSubsystem.class::isInstance)
                .map(CpuSubsystem.class::cast).findFirst().orElseThrow();
        return cpu.explain(HOST);
    }
}
