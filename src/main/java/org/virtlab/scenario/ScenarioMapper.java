package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LessonHelp;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.TranslationSettings;
import org.virtlab.engine.model.ViewState;
import org.virtlab.engine.model.VmSpec;

/**
 * Maps a parsed scenario document to the engine's records by hand, field by field, collecting every
 * problem. Records are built only once the whole document checked out.
 */
final class ScenarioMapper {
    static final String FORMAT = "virtlab.scenario";
    static final int VERSION = 1;
    static final long DEFAULT_SEED = 1;

    static final List<String> SCENARIO_FIELDS = List.of("format", "version", "title", "goal", "steps", "seed",
            "tickMicros", "durationSeconds", "migration", "hosts", "networks", "switches", "vms", "devices",
            "translation", "view", "help");
    static final List<String> HOST_FIELDS = List.of("id", "name", "cpu", "cpuPolicy", "memoryMib", "memoryPolicy",
            "position");
    static final List<String> CPU_FIELDS = List.of("sockets", "coresPerSocket", "threadsPerCore", "mhzPerCore");
    static final List<String> VM_FIELDS = List.of("id", "name", "host", "vcpus", "memoryMib", "workload", "cpuQos",
            "pinning", "nics", "dirtyMibPerSecond", "memoryQos", "memoryActivity", "position");

    private final Problems problems;
    private final TraceFiles traceFiles;
    /** Every id seen so far: hosts, VMs, networks, switches and port groups share one name space. */
    private final Ids ids;
    private final List<String> hostIds = new ArrayList<>();
    /** The logical CPUs of each host whose id and CPU topology checked out. */
    private final Map<String, Integer> logicalCpus = new HashMap<>();
    private final NetworkJson networkJson;
    /** The VMs whose ids checked out, for the devices that refer to them. */
    private final List<String> vmIds = new ArrayList<>();
    private final DeviceJson deviceJson;

    private ScenarioMapper(Problems problems, TraceFiles traceFiles) {
        this.problems = problems;
        this.traceFiles = traceFiles;
        this.ids = new Ids(problems);
        this.networkJson = new NetworkJson(problems, ids, hostIds);
        this.deviceJson = new DeviceJson(problems, ids, vmIds);
    }

    /**
     * Maps a document read from {@code source}, parsed from {@code text} (where its problems are placed;
     * {@code null} if it has none); {@code traceFiles} opens the CSV files its traces refer to, {@code null}
     * if it has no folder to find them in (a trace must then list its points inline).
     */
    static Scenario map(JsonNode root, String source, SourceText text, TraceFiles traceFiles)
            throws ScenarioException {
        Problems problems = new Problems(source, text);
        Scenario scenario = new ScenarioMapper(problems, traceFiles).scenario(root);
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        return scenario;
    }

    private Scenario scenario(JsonNode root) {
        JsonObject doc = JsonObject.of(root, "", problems);
        if (doc == null || !formatAndVersionAreOurs(doc)) {
            return null;
        }
        doc.allowOnly(SCENARIO_FIELDS);
        LocalizedText title = LessonJson.text(doc, "title");
        LocalizedText goal = LessonJson.text(doc, "goal");
        List<LocalizedText> steps = LessonJson.steps(doc);
        Long seed = doc.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, null, DEFAULT_SEED);
        Long tick = doc.integer("tickMicros", Scenario.MIN_TICK_MICROS, Scenario.MAX_TICK_MICROS, "µs",
                Simulation.DEFAULT_TICK_MICROS);
        Long duration = LessonJson.durationMicros(doc);
        Supplier<MigrationSettings> migration = LessonJson.migration(doc);

        List<Built<HostSpec>> hosts = new ArrayList<>();
        List<JsonObject.Element> hostElements = doc.array("hosts");
        if (hostElements != null) {
            for (JsonObject.Element e : hostElements) {
                JsonObject host = JsonObject.of(e.node(), e.pointer(), problems);
                if (host != null) {
                    hosts.add(host(host));
                }
            }
        }
        // Before the VMs, whose NICs plug into them.
        List<Built<NetworkSpec>> networks = networkJson.networks(doc);
        List<Built<SwitchSpec>> switches = networkJson.switches(doc);
        List<Built<VmSpec>> vms = new ArrayList<>();
        List<JsonObject.Element> vmElements = doc.array("vms");
        if (vmElements != null) {
            for (JsonObject.Element e : vmElements) {
                JsonObject vm = JsonObject.of(e.node(), e.pointer(), problems);
                if (vm != null) {
                    vms.add(vm(vm));
                }
            }
        }
        // After the VMs they belong to.
        List<Built<IoDeviceSpec>> devices = deviceJson.devices(doc);
        Supplier<TranslationSettings> translation = TranslationJson.read(doc);
        Supplier<ViewState> view = LessonJson.view(doc);
        Supplier<LessonHelp> help = LessonJson.help(doc);
        if (!problems.isEmpty()) {
            return null;
        }
        List<HostSpec> hostSpecs = hosts.stream().map(b -> b.build(problems)).toList();
        List<NetworkSpec> networkSpecs = networks.stream().map(b -> b.build(problems)).toList();
        List<SwitchSpec> switchSpecs = switches.stream().map(b -> b.build(problems)).toList();
        List<VmSpec> vmSpecs = vms.stream().map(b -> b.build(problems)).toList();
        List<IoDeviceSpec> deviceSpecs = devices.stream().map(b -> b.build(problems)).toList();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Built<>("", () -> new Scenario(title, goal, steps, seed, tick, duration, hostSpecs, vmSpecs,
                networkSpecs, switchSpecs, deviceSpecs, migration.get(), view.get(), translation.get(), help.get()))
                .build(problems);
    }

    /** Checks {@code format} and {@code version}; false if the file is not one this VirtLab can read at all. */
    private boolean formatAndVersionAreOurs(JsonObject doc) {
        JsonNode format = doc.required("format");
        if (format != null && !(format.isTextual() && FORMAT.equals(format.textValue()))) {
            problems.add(doc.pointer("format"), "format.wrong", FORMAT, Json.show(format));
            return false;
        }
        JsonNode version = doc.required("version");
        if (version != null) {
            BigInteger exact = JsonObject.exactInteger(version);
            if (exact == null || exact.signum() <= 0) {
                problems.add(doc.pointer("version"), "version.invalid", VERSION, Json.show(version));
            } else if (exact.compareTo(BigInteger.valueOf(VERSION)) > 0) {
                problems.add(doc.pointer("version"), "version.newer", Json.show(version), VERSION); // shortened
                return false;
            }
        }
        return true;
    }

    private Built<HostSpec> host(JsonObject host) {
        host.allowOnly(HOST_FIELDS);
        String id = host.id("id");
        boolean claimed = id != null && ids.claim(id, host.pointer("id"));
        if (claimed) {
            hostIds.add(id);
        }
        String name = host.string("name", false);
        JsonObject cpuJson = host.object("cpu");
        Supplier<CpuTopology> cpu = cpuJson == null ? null : cpu(cpuJson, claimed ? id : null);
        Supplier<HostCpuPolicy> policy = CpuJson.policy(host);
        Long memory = host.integer("memoryMib", HostSpec.MIN_MEMORY_MIB, HostSpec.MAX_MEMORY_MIB, "MiB");
        Supplier<HostMemoryPolicy> memoryPolicy = MemoryJson.policy(host);
        double[] xy = host.position();
        return new Built<>(host.pointer(),
                () -> new HostSpec(id, name, cpu.get(), policy.get(), memory, memoryPolicy.get(), xy[0], xy[1]));
    }

    /** Reads a topology; if it checks out and {@code hostId} is not null, remembers its logical CPUs. */
    private Supplier<CpuTopology> cpu(JsonObject cpu, String hostId) {
        cpu.allowOnly(CPU_FIELDS);
        Long sockets = cpu.integer("sockets", 1, CpuTopology.MAX_SOCKETS, null);
        Long cores = cpu.integer("coresPerSocket", 1, CpuTopology.MAX_CORES_PER_SOCKET, null);
        Long threads = cpu.integer("threadsPerCore", 1, CpuTopology.MAX_THREADS_PER_CORE, null);
        Long mhz = cpu.integer("mhzPerCore", CpuTopology.MIN_MHZ, CpuTopology.MAX_MHZ, "MHz");
        if (hostId != null && sockets != null && cores != null && threads != null) {
            logicalCpus.put(hostId, Math.toIntExact(sockets * cores * threads));
        }
        return () -> new CpuTopology(Math.toIntExact(sockets), Math.toIntExact(cores), Math.toIntExact(threads),
                Math.toIntExact(mhz));
    }

    private Built<VmSpec> vm(JsonObject vm) {
        vm.allowOnly(VM_FIELDS);
        String id = vm.id("id");
        if (id != null && ids.claim(id, vm.pointer("id"))) {
            vmIds.add(id);
        }
        String name = vm.string("name", false);
        String hostId = vm.id("host");
        boolean hostKnown = hostId != null && hostIds.contains(hostId);
        if (hostId != null && !hostKnown) {
            if (hostIds.isEmpty()) {
                problems.add(vm.pointer("host"), "ref.noHosts", hostId);
            } else {
                problems.add(vm.pointer("host"), "ref.unknownHost", hostId, String.join(", ", hostIds));
            }
        }
        Integer hostCpus = hostId == null ? null : logicalCpus.get(hostId);
        Long vcpus = vm.integer("vcpus", 1, VmSpec.MAX_VCPUS, null);
        if (vcpus != null && hostCpus != null && vcpus > hostCpus) {
            // Scenario refuses it too: a vCPU is a thread that runs on one logical CPU at a time.
            problems.add(vm.pointer("vcpus"), "vm.vcpusAboveHost", hostId, hostCpus, vcpus);
        }
        Long memory = vm.integer("memoryMib", VmSpec.MIN_MEMORY_MIB, VmSpec.MAX_MEMORY_MIB, "MiB");
        JsonObject workloadJson = vm.object("workload");
        Supplier<Workload> workload = workloadJson == null ? null : WorkloadJson.read(workloadJson, traceFiles);
        Supplier<CpuQos> qos = CpuJson.qos(vm);
        Supplier<Pinning> pinning = PinningJson.read(vm, vcpus, hostId, hostCpus);
        Supplier<List<NicSpec>> nics = networkJson.nics(vm, hostKnown ? hostId : null);
        Double dirty = vm.number("dirtyMibPerSecond", 0, VmSpec.MAX_DIRTY_MIB_PER_SECOND,
                VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND);
        Supplier<MemoryQos> memoryQos = MemoryJson.qos(vm, memory);
        Supplier<MemoryActivity> memoryActivity = MemoryJson.activity(vm, memory);
        double[] xy = vm.position();
        return new Built<>(vm.pointer(), () -> new VmSpec(id, name, hostId, Math.toIntExact(vcpus), memory,
                workload.get(), qos.get(), pinning.get(), nics.get(), dirty, memoryQos.get(), memoryActivity.get(),
                xy[0], xy[1]));
    }
}
