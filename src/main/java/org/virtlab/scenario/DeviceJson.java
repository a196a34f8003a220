package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.virtlab.engine.io.Coalescing;
import org.virtlab.engine.io.EmulatedModel;
import org.virtlab.engine.io.IoDeviceSpec;
import org.virtlab.engine.io.IoKind;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoWorkload;
import org.virtlab.engine.io.PhysicalDevice;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.engine.io.Suppression;
import org.virtlab.engine.io.VirtioBackend;

/**
 * The VMs' I/O devices, each with the workload its guest runs on it:
 * <pre>
 * "devices": [{"id": "disk1", "vm": "web",
 *              "workload": {"kind": "closedLoop", "requests": "blockRead", "requestBytes": 4096, "queueDepth": 4},
 *              "mode": {"kind": "virtio", "queueSize": 256, ...},
 *              "coalescing": {"maxCompletions": 8, "maxDelayMicros": 50},
 *              "physical": {"bytesPerSecond": 3000000000, "latencyNanos": 20000}}]
 * </pre>
 * Device ids share the scenario's one name space. {@code coalescing} and {@code physical} are optional (none, and
 * the default device for the requests: an NVMe SSD for blocks, a 10 GbE NIC for packets).
 */
final class DeviceJson {
    static final List<String> DEVICE_FIELDS = List.of("id", "vm", "workload", "mode", "coalescing", "physical");
    static final List<String> OPEN_LOOP_FIELDS = List.of("kind", "requests", "requestBytes", "requestsPerSecond",
            "requestLimit");
    static final List<String> CLOSED_LOOP_FIELDS = List.of("kind", "requests", "requestBytes", "queueDepth",
            "requestLimit");
    static final List<String> EMULATED_FIELDS = List.of("kind", "model", "accessesPerRequest",
            "accessesPerInterrupt");
    static final List<String> VIRTIO_FIELDS = List.of("kind", "queueSize", "requestsPerKick", "suppression",
            "indirect", "backend", "pollMicros", "batchWaitMicros");
    static final List<String> PASSTHROUGH_FIELDS = List.of("kind", "postedInterrupts", "iotlbEntries",
            "queueEntries");
    static final List<String> COALESCING_FIELDS = List.of("maxCompletions", "maxDelayMicros");
    static final List<String> PHYSICAL_FIELDS = List.of("bytesPerSecond", "latencyNanos");

    static final String OPEN_LOOP = "openLoop";
    static final String CLOSED_LOOP = "closedLoop";
    static final List<String> WORKLOAD_KINDS = List.of(OPEN_LOOP, CLOSED_LOOP);
    static final String EMULATED = "emulated";
    static final String VIRTIO = "virtio";
    static final String PASSTHROUGH = "passthrough";
    static final List<String> MODE_KINDS = List.of(EMULATED, VIRTIO, PASSTHROUGH);

    private final Problems problems;
    private final Ids ids;
    private final List<String> vmIds;

    /** @param vmIds the VMs of the document whose ids checked out, so far */
    DeviceJson(Problems problems, Ids ids, List<String> vmIds) {
        this.problems = problems;
        this.ids = ids;
        this.vmIds = vmIds;
    }

    // ---- spellings: lower camel case of the engine's names ----

    static String spelling(Enum<?> value) {
        String[] words = value.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return out.toString();
    }

    static <E extends Enum<E>> String allowed(E[] values) {
        List<String> names = new ArrayList<>();
        for (E e : values) {
            names.add(spelling(e));
        }
        return String.join(", ", names);
    }

    /** The value spelled {@code text}, or {@code null} after reporting the allowed spellings. */
    private static <E extends Enum<E>> E parse(JsonObject json, String field, String text, E[] values) {
        for (E e : values) {
            if (spelling(e).equals(text)) {
                return e;
            }
        }
        json.problems().add(json.pointer(field), "device.unknownValue", field, Json.escape(text), allowed(values));
        return null;
    }

    private static <E extends Enum<E>> E enumField(JsonObject json, String field, E[] values, E fallback) {
        String text = json.string(field, fallback == null);
        if (text == null) {
            return json.optional(field) == null ? fallback : null;
        }
        return parse(json, field, text, values);
    }

    // ---- reading ----

    /** The optional {@code devices}; {@code null} if the field is not an array (reported). */
    List<Built<IoDeviceSpec>> devices(JsonObject doc) {
        List<JsonObject.Element> elements = doc.optionalArray("devices");
        if (elements == null) {
            return null;
        }
        List<Built<IoDeviceSpec>> out = new ArrayList<>();
        for (JsonObject.Element e : elements) {
            JsonObject json = JsonObject.of(e.node(), e.pointer(), problems);
            if (json != null) {
                out.add(device(json));
            }
        }
        return out;
    }

    private Built<IoDeviceSpec> device(JsonObject json) {
        json.allowOnly(DEVICE_FIELDS);
        String id = json.id("id");
        if (id != null) {
            ids.claim(id, json.pointer("id"));
        }
        String vmId = json.id("vm");
        if (vmId != null && !vmIds.contains(vmId)) {
            if (vmIds.isEmpty()) {
                problems.add(json.pointer("vm"), "ref.noVms", vmId);
            } else {
                problems.add(json.pointer("vm"), "ref.unknownVm", vmId, String.join(", ", vmIds));
            }
        }
        JsonObject workloadJson = json.object("workload");
        Supplier<IoWorkload> workload = workloadJson == null ? null : workload(workloadJson);
        JsonObject modeJson = json.object("mode");
        Supplier<IoMode> mode = modeJson == null ? null : mode(modeJson);
        Supplier<Coalescing> coalescing = json.optional("coalescing") == null ? () -> Coalescing.NONE
                : coalescing(JsonObject.of(json.optional("coalescing"), json.pointer("coalescing"), problems));
        Supplier<PhysicalDevice> physical = json.optional("physical") == null ? () -> null
                : physical(JsonObject.of(json.optional("physical"), json.pointer("physical"), problems));
        return new Built<>(json.pointer(),
                () -> new IoDeviceSpec(id, vmId, workload.get(), mode.get(), coalescing.get(), physical.get()));
    }

    private static Supplier<IoWorkload> workload(JsonObject json) {
        String kind = json.string("kind", true);
        if (kind == null) {
            return null;
        }
        boolean open = kind.equals(OPEN_LOOP);
        if (!open && !kind.equals(CLOSED_LOOP)) {
            json.problems().add(json.pointer("kind"), "device.unknownValue", "kind", Json.escape(kind),
                    String.join(", ", WORKLOAD_KINDS));
            return null;
        }
        json.allowOnly(open ? OPEN_LOOP_FIELDS : CLOSED_LOOP_FIELDS);
        IoKind requests = enumField(json, "requests", IoKind.values(), null);
        Long bytes = requests == null ? null : json.integer("requestBytes", 1,
                requests.network() ? IoWorkload.MAX_PACKET_BYTES : IoWorkload.MAX_BLOCK_BYTES, "bytes");
        Long limit = json.integer("requestLimit", 0, Long.MAX_VALUE, "requests", IoWorkload.UNLIMITED);
        if (open) {
            Long rate = json.integer("requestsPerSecond", 1, IoWorkload.MAX_REQUESTS_PER_SECOND, "requests/s");
            return () -> new IoWorkload.OpenLoop(requests, Math.toIntExact(bytes), rate, limit);
        }
        Long depth = json.integer("queueDepth", 1, IoWorkload.MAX_QUEUE_DEPTH, "requests");
        return () -> new IoWorkload.ClosedLoop(requests, Math.toIntExact(bytes), Math.toIntExact(depth), limit);
    }

    private static Supplier<IoMode> mode(JsonObject json) {
        String kind = json.string("kind", true);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case EMULATED -> {
                json.allowOnly(EMULATED_FIELDS);
                String name = json.string("model", true);
                EmulatedModel model = null;
                if (name != null) {
                    for (EmulatedModel m : EmulatedModel.values()) {
                        if (m.modelName().equals(name)) {
                            model = m;
                        }
                    }
                    if (model == null) {
                        json.problems().add(json.pointer("model"), "device.unknownValue", "model",
                                Json.escape(name), EmulatedModel.allowedNames());
                    }
                }
                EmulatedModel checked = model;
                Long perRequest = json.integer("accessesPerRequest", 1, IoMode.MAX_ACCESSES, "accesses",
                        model == null ? 1 : model.accessesPerRequest());
                Long perInterrupt = json.integer("accessesPerInterrupt", 0, IoMode.MAX_ACCESSES, "accesses",
                        model == null ? 0 : model.accessesPerInterrupt());
                return () -> new IoMode.Emulated(checked, Math.toIntExact(perRequest), Math.toIntExact(perInterrupt));
            }
            case VIRTIO -> {
                json.allowOnly(VIRTIO_FIELDS);
                IoMode.Virtio d = IoMode.Virtio.DEFAULT;
                Long size = queueSize(json, d.queueSize());
                Long batch = json.integer("requestsPerKick", 1, SplitVirtqueue.MAX_SIZE, "requests",
                        d.requestsPerKick());
                Suppression suppression = enumField(json, "suppression", Suppression.values(), d.suppression());
                Boolean indirect = json.bool("indirect", d.indirect());
                VirtioBackend backend = enumField(json, "backend", VirtioBackend.values(), d.backend());
                Long poll = json.integer("pollMicros", 0, IoMode.MAX_WAIT_MICROS, "µs", d.pollMicros());
                Long wait = json.integer("batchWaitMicros", 0, IoMode.MAX_WAIT_MICROS, "µs", d.batchWaitMicros());
                return () -> new IoMode.Virtio(Math.toIntExact(size), Math.toIntExact(batch), suppression, indirect,
                        backend, poll, wait);
            }
            case PASSTHROUGH -> {
                json.allowOnly(PASSTHROUGH_FIELDS);
                IoMode.Passthrough d = IoMode.Passthrough.DEFAULT;
                Boolean posted = json.bool("postedInterrupts", d.postedInterrupts());
                Long iotlb = json.integer("iotlbEntries", 1, IoMode.MAX_IOTLB_ENTRIES, "entries", d.iotlbEntries());
                Long queue = json.integer("queueEntries", 1, IoMode.MAX_QUEUE_ENTRIES, "entries", d.queueEntries());
                return () -> new IoMode.Passthrough(posted, Math.toIntExact(iotlb), Math.toIntExact(queue));
            }
            default -> {
                json.problems().add(json.pointer("kind"), "device.unknownValue", "kind", Json.escape(kind),
                        String.join(", ", MODE_KINDS));
                return null;
            }
        }
    }

    /**
     * A virtio queue size: a power of 2 from 1 to 32768 (virtio 1.1 §2.6). A whole number that is not one, zero and
     * negative numbers and those above 32768 included, is told the same rule with its allowed values; null then.
     */
    private static Long queueSize(JsonObject json, int fallback) {
        JsonNode raw = json.optional("queueSize");
        if (raw != null && raw.isIntegralNumber()
                && (!raw.canConvertToLong() || raw.asLong() < 1 || raw.asLong() > SplitVirtqueue.MAX_SIZE)) {
            json.problems().add(json.pointer("queueSize"), "device.queueSize", SplitVirtqueue.MAX_SIZE, raw.asText());
            return null;
        }
        Long size = json.integer("queueSize", 1, SplitVirtqueue.MAX_SIZE, "descriptors", fallback);
        if (size != null && Long.bitCount(size) != 1) {
            json.problems().add(json.pointer("queueSize"), "device.queueSize", SplitVirtqueue.MAX_SIZE, size);
            return null;
        }
        return size;
    }

    private static Supplier<Coalescing> coalescing(JsonObject json) {
        if (json == null) {
            return null;
        }
        json.allowOnly(COALESCING_FIELDS);
        Long most = json.integer("maxCompletions", 1, Coalescing.MAX_COMPLETIONS, "completions");
        Long delay = json.integer("maxDelayMicros", 0, Coalescing.MAX_DELAY_MICROS, "µs");
        return () -> new Coalescing(Math.toIntExact(most), delay);
    }

    private static Supplier<PhysicalDevice> physical(JsonObject json) {
        if (json == null) {
            return null;
        }
        json.allowOnly(PHYSICAL_FIELDS);
        Long rate = json.integer("bytesPerSecond", 1, PhysicalDevice.MAX_BYTES_PER_SECOND, "bytes/s");
        Long latency = json.integer("latencyNanos", 0, PhysicalDevice.MAX_LATENCY_NANOS, "ns");
        return () -> new PhysicalDevice(rate, latency);
    }

    // ---- writing ----

    /** Writes the devices; nothing when there are none. */
    static void write(ObjectNode root, List<IoDeviceSpec> devices) {
        if (devices.isEmpty()) {
            return;
        }
        ArrayNode out = root.putArray("devices");
        for (IoDeviceSpec d : devices) {
            ObjectNode node = out.addObject();
            node.put("id", d.id());
            node.put("vm", d.vmId());
            writeWorkload(node.putObject("workload"), d.workload());
            writeMode(node.putObject("mode"), d.mode());
            if (!d.coalescing().equals(Coalescing.NONE)) {
                ObjectNode c = node.putObject("coalescing");
                c.put("maxCompletions", d.coalescing().maxCompletions());
                c.put("maxDelayMicros", d.coalescing().maxDelayMicros());
            }
            if (!d.physical().equals(PhysicalDevice.forKind(d.workload().kind()))) {
                ObjectNode p = node.putObject("physical");
                p.put("bytesPerSecond", d.physical().bytesPerSecond());
                p.put("latencyNanos", d.physical().latencyNanos());
            }
        }
    }

    private static void writeWorkload(ObjectNode out, IoWorkload workload) {
        if (workload instanceof IoWorkload.OpenLoop w) {
            out.put("kind", OPEN_LOOP);
            out.put("requests", spelling(w.kind()));
            out.put("requestBytes", w.requestBytes());
            out.put("requestsPerSecond", w.requestsPerSecond());
        } else if (workload instanceof IoWorkload.ClosedLoop w) {
            out.put("kind", CLOSED_LOOP);
            out.put("requests", spelling(w.kind()));
            out.put("requestBytes", w.requestBytes());
            out.put("queueDepth", w.queueDepth());
        }
        if (workload.requestLimit() != IoWorkload.UNLIMITED) {
            out.put("requestLimit", workload.requestLimit());
        }
    }

    private static void writeMode(ObjectNode out, IoMode mode) {
        if (mode instanceof IoMode.Emulated m) {
            out.put("kind", EMULATED);
            out.put("model", m.model().modelName());
            out.put("accessesPerRequest", m.accessesPerRequest());
            out.put("accessesPerInterrupt", m.accessesPerInterrupt());
        } else if (mode instanceof IoMode.Virtio m) {
            out.put("kind", VIRTIO);
            out.put("queueSize", m.queueSize());
            out.put("requestsPerKick", m.requestsPerKick());
            out.put("suppression", spelling(m.suppression()));
            out.put("indirect", m.indirect());
            out.put("backend", spelling(m.backend()));
            out.put("pollMicros", m.pollMicros());
            out.put("batchWaitMicros", m.batchWaitMicros());
        } else if (mode instanceof IoMode.Passthrough m) {
            out.put("kind", PASSTHROUGH);
            out.put("postedInterrupts", m.postedInterrupts());
            out.put("iotlbEntries", m.iotlbEntries());
            out.put("queueEntries", m.queueEntries());
        }
    }
}
