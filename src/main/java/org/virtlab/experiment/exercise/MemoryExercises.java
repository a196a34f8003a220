package org.virtlab.experiment.exercise;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.SimRandom;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.Simulations;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.memory.AccessPattern;
import org.virtlab.engine.memory.MemoryReference;
import org.virtlab.engine.memory.MemoryWorkload;
import org.virtlab.engine.memory.PageSize;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.PageTableKind;
import org.virtlab.engine.memory.TlbConfig;
import org.virtlab.engine.memory.TranslationExperiment;
import org.virtlab.engine.memory.TranslationMode;
import org.virtlab.engine.memory.TranslationStats;
import org.virtlab.engine.memory.Walk;
import org.virtlab.engine.memory.Walker;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.MemorySnapshot;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Memory questions: a cold page walk's references ({@link Walker}, the walk {@code virtlab walk} prints), the
 * TLB hit rate of an access pattern ({@link TranslationExperiment}, the Memory tab's experiment), and how a
 * host's memory is granted by shares and limits (the memory subsystem's water-filling).
 */
final class MemoryExercises {
    static final String HOST = "host1";
    static final List<String> NAMES = List.of("A", "B", "C");
    /** Accesses in a TLB exercise: enough that the first, cold misses weigh little. */
    static final long TLB_ACCESSES = 100_000;
    /** Percentage points within which a typed hit rate counts as right. */
    static final double TLB_TOLERANCE_PERCENT = 1;
    /** GiB within which a typed grant counts as right: the answers are stated to 0.01 GiB. */
    static final double GRANT_TOLERANCE_GIB = 0.05;
    /** How long the generator runs a memory scenario before it reads the grants. */
    static final long GRANT_AT_MICROS = 200_000;

    private MemoryExercises() {
    }

    static List<ExerciseKind> kinds() {
        return List.of(new WalkCount(), new TlbHits(), new Grants());
    }

    /** How many memory references a cold walk makes (the "4-level guest over 2 MiB host pages"). */
    static final class WalkCount implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.MEMORY;
        }

        @Override
        public String id() {
            return "memory.walk";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            String modeId = g.pick(List.of("nested", "nested", "nested", "shadow", "native"));
            PageTableConfig guest = new PageTableConfig(g.pick(List.of(4, 4, 5)),
                    g.pick(List.of(PageSize.FOUR_KIB, PageSize.FOUR_KIB, PageSize.TWO_MIB, PageSize.ONE_GIB)));
            PageTableConfig host = new PageTableConfig(g.pick(List.of(4, 4, 5)),
                    g.pick(List.of(PageSize.FOUR_KIB, PageSize.TWO_MIB, PageSize.TWO_MIB, PageSize.ONE_GIB)));
            TranslationMode mode = switch (modeId) {
                case "native" -> new TranslationMode.Native(guest);
                case "shadow" -> new TranslationMode.Shadow(guest, host);
                default -> new TranslationMode.Nested(guest, host);
            };
            long address = g.nextLong() & guest.lowerHalfEnd();
            Walk walk = new Walker(mode).walk(address);
            Line question = modeId.equals("native")
                    ? Line.of("memory.walk.question.native", guest.levels(), pageText(guest.pageSize()))
                    : Line.of("memory.walk.question." + modeId, guest.levels(), pageText(guest.pageSize()), host.levels(),
                    pageText(host.pageSize()));
            List<Line> worked = new ArrayList<>();
            List<MemoryReference> refs = walk.references();
            if (mode instanceof TranslationMode.Nested n) {
                long guestRefs = refs.stream().filter(r -> r.table() == PageTableKind.GUEST).count();
                long locateTables = refs.stream()
                        .filter(r -> r.purpose() == MemoryReference.Purpose.LOCATE_GUEST_TABLE).count();
                long locateData = refs.stream().filter(r -> r.purpose() == MemoryReference.Purpose.LOCATE_DATA).count();
                worked.add(Line.of("memory.walk.step.guest", guest.levels(), pageText(guest.pageSize()),
                        n.guest().walkedLevels(), levelNames(refs, PageTableKind.GUEST)));
                worked.add(Line.of("memory.walk.step.host", host.levels(), pageText(host.pageSize()),
                        n.host().walkedLevels()));
                worked.add(Line.of("memory.walk.step.locate", guestRefs, locateTables, n.host().walkedLevels()));
                worked.add(Line.of("memory.walk.step.data", locateData));
                worked.add(Line.of("memory.walk.step.nestedTotal", guestRefs, locateTables, locateData, walk.count(),
                        n.guest().walkedLevels(), n.host().walkedLevels()));
            } else if (mode instanceof TranslationMode.Shadow s) {
                worked.add(Line.of("memory.walk.step.shadow", s.shadowTables().levels(), pageText(s.tlbPageSize()),
                        levelNames(refs, PageTableKind.SHADOW), walk.count()));
            } else {
                worked.add(Line.of("memory.walk.step.native", guest.levels(), pageText(guest.pageSize()),
                        levelNames(refs, PageTableKind.NATIVE), walk.count()));
            }
            Answer answer = new Answer.Numbers(List.of((double) walk.count()), 0, 0, "");
            return new Exercise(Topic.MEMORY, id(), seed, question, answer,
                    Line.of("memory.walk.answer", walk.count()), worked, null, null);
        }

        private static String levelNames(List<MemoryReference> refs, PageTableKind table) {
            List<String> names = new ArrayList<>();
            refs.stream().filter(r -> r.table() == table).forEach(r -> names.add(r.levelName()));
            return String.join(" → ", names);
        }
    }

    /** The TLB hit rate of a strided sweep or of a random working set. */
    static final class TlbHits implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.MEMORY;
        }

        @Override
        public String id() {
            return "memory.tlb";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            PageSize page = g.pick(List.of(PageSize.FOUR_KIB, PageSize.FOUR_KIB, PageSize.TWO_MIB));
            int entries = g.pick(List.of(32, 64, 128));
            TlbConfig tlb = new TlbConfig(entries, 4, true, 0);
            long start = 0x10_0000_0000L;
            boolean strided = g.coin();
            AccessPattern pattern;
            Line question;
            if (strided) {
                long stride = g.pick(List.of(8L, 64L, 256L, 1_024L, 4_096L, 65_536L));
                pattern = new AccessPattern.Strided(start, stride);
                question = Line.of("memory.tlb.question.strided", pageText(page), entries, TLB_ACCESSES, stride);
            } else {
                long kib = g.pick(List.of(64L, 128L, 256L, 512L, 1_024L, 4_096L));
                long bytes = (page == PageSize.TWO_MIB ? 512 : 1) * kib * 1_024;
                pattern = new AccessPattern.WorkingSet(start, bytes);
                question = Line.of("memory.tlb.question.workingSet", pageText(page), entries, TLB_ACCESSES,
                        size(bytes));
            }
            TranslationStats stats = run(page, tlb, pattern, seed);
            double percent = 100.0 * stats.tlbHits() / stats.accesses();
            List<Line> worked = List.of(
                    Line.of("memory.tlb.step.reach", entries, pageText(page), size(tlb.reachBytes(page))),
                    Line.of("memory.tlb.step.counts", stats.accesses(), stats.tlbHits(), stats.tlbMisses(),
                            Gen.num(stats.referencesPerAccess(), 3)),
                    Line.of("memory.tlb.step.rate", stats.tlbHits(), stats.accesses(), Gen.num(percent, 2)));
            Answer answer = new Answer.Numbers(List.of(Gen.round(percent, 2)), TLB_TOLERANCE_PERCENT, 2, "%");
            return new Exercise(Topic.MEMORY, id(), seed, question, answer,
                    Line.of("memory.tlb.answer", Gen.fixed(percent, 2)), worked, null, null);
        }
    }

    /** The engine's own TLB experiment on bare metal: 4-level tables with pages of {@code page}. */
    static TranslationStats run(PageSize page, TlbConfig tlb, AccessPattern pattern, long seed) {
        return TranslationExperiment.run(new TranslationMode.Native(new PageTableConfig(4, page)), tlb,
                MemoryWorkload.of(pattern, TLB_ACCESSES), new SimRandom(seed));
    }

    /** A page size as a reader writes it: 4 KiB, 2 MiB, 1 GiB. */
    static String pageText(PageSize page) {
        return size(page.bytes());
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return (bytes >> 10) + " KiB";
    }

    /** Three VMs that want more memory than the host has, with shares, a limit and a reservation. */
    static final class Grants implements ExerciseKind {
        @Override
        public Topic topic() {
            return Topic.MEMORY;
        }

        @Override
        public String id() {
            return "memory.qos";
        }

        @Override
        public Exercise generate(long seed) {
            Gen g = new Gen(seed);
            int hostGib = g.pick(List.of(8, 12, 16));
            HostSpec host = new HostSpec(HOST, "Host", new CpuTopology(1, 4, 1, 2_000), hostGib * 1024L, 60, 60);
            List<VmSpec> vms = new ArrayList<>();
            List<Line> described = new ArrayList<>();
            int limited = g.between(0, 2);
            for (int i = 0; i < 3; i++) {
                int wantGib = g.between(hostGib / 3, hostGib);
                int shares = g.pick(List.of(500, 1000, 2000, 3000));
                long limitMib = MemoryQos.NO_LIMIT;
                List<Line> parts = new ArrayList<>();
                parts.add(Line.of("memory.qos.part.wants", wantGib));
                parts.add(Line.of("memory.qos.part.shares", shares));
                if (i == limited) {
                    int limitGib = g.between(1, Math.max(1, wantGib - 1));
                    limitMib = limitGib * 1024L;
                    parts.add(Line.of("memory.qos.part.limit", limitGib));
                }
                vms.add(new VmSpec("vm" + NAMES.get(i).toLowerCase(java.util.Locale.ROOT), "VM " + NAMES.get(i),
                        HOST, 1, wantGib * 1024L, new Workload.Constant(10), null, null, List.of(), 0,
                        new MemoryQos(Shares.custom(shares), limitMib, 0), MemoryActivity.unique(wantGib * 1024L),
                        60 + 220 * i, 260));
                described.add(Line.of("memory.qos.vm", NAMES.get(i), parts));
            }
            Scenario scenario = new Scenario(Gen.title(id(), seed), Gen.goal("scenario.goal.memory"), seed, Gen.TICK_MICROS, List.of(host), vms);
            MemorySnapshot snapshot = grants(scenario, GRANT_AT_MICROS);
            List<Double> gib = new ArrayList<>();
            List<Line> each = new ArrayList<>();
            List<Line> worked = new ArrayList<>();
            MemorySnapshot.HostMemory h = snapshot.host(HOST);
            worked.add(Line.of("memory.qos.step.host", hostGib, Gen.num(h.capacityMib() / 1024, 2)));
            for (VmSpec vm : vms) {
                MemorySnapshot.VmMemory m = snapshot.vm(vm.id());
                gib.add(Gen.round(m.grantedMib() / 1024, 2));
                each.add(Line.of("memory.qos.answer.vm", vm.name(), Gen.fixed(m.grantedMib() / 1024, 2)));
                worked.add(Line.of("memory.qos.step.vm", vm.name(), Gen.num(vm.memoryActivity().demandMib() / 1024.0, 2),
                        vm.memoryQos().sharesTotal(vm.memoryMib()), Gen.num(m.sharesPerPage(), 4),
                        Gen.num(m.grantedMib() / 1024, 2)));
            }
            Answer answer = new Answer.Numbers(gib, GRANT_TOLERANCE_GIB, 2, "GiB");
            return new Exercise(Topic.MEMORY, id(), seed, Line.of("memory.qos.question", hostGib, described), answer,
                    Line.of("memory.qos.answer", each), worked, null, scenario);
        }
    }

    /** The memory subsystem's state after running {@code scenario} to {@code atMicros}. */
    static MemorySnapshot grants(Scenario scenario, long atMicros) {
        Simulation simulation = Simulations.of(scenario);
        simulation.runUntil(atMicros);
        return simulation.snapshot().find(MemorySnapshot.class).orElseThrow();
    }
}
