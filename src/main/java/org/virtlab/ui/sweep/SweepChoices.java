package org.virtlab.ui.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtlab.experiment.SweepPointer;
import org.virtlab.ui.i18n.I18n;

/**
 * What a sweep can vary and measure, in words: the numeric fields of the selected host or VM (and its I/O devices)
 * and of the lesson, labelled as the property panel labels them, each mapped to its JSON pointer in the scenario
 * file (elements named by id: {@code /vms/vm2/cpuQos/shares}); and the numbers of {@code summary.json}.
 */
final class SweepChoices {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Offered even when the file leaves them out (the sweep creates them): QoS and policies have defaults. */
    private static final String ALWAYS = "always";

    private static final Map<String, String> VM = fields(
            "cpuQos/shares", "qos.shares", ALWAYS,
            "cpuQos/limitMhz", "qos.limit", ALWAYS,
            "cpuQos/reservationMhz", "qos.reservation", ALWAYS,
            "vcpus", "props.vcpus", "",
            "memoryMib", "sweep.param.memoryMib", "",
            "workload/percent", "workload.percent", "",
            "workload/onPercent", "workload.onPercent", "",
            "workload/offPercent", "workload.offPercent", "",
            "workload/meanOnMillis", "workload.meanOnMillis", "",
            "workload/meanOffMillis", "workload.meanOffMillis", "",
            "workload/minPercent", "workload.minPercent", "",
            "workload/maxPercent", "workload.maxPercent", "",
            "workload/periodMillis", "workload.periodMillis", "",
            "workload/fromPercent", "workload.fromPercent", "",
            "workload/toPercent", "workload.toPercent", "",
            "workload/durationMillis", "workload.durationMillis", "",
            "memoryQos/shares", "memQos.shares", ALWAYS,
            "memoryQos/limitMib", "memQos.limit", ALWAYS,
            "memoryQos/reservationMib", "memQos.reservation", ALWAYS,
            "memoryActivity/demandMib", "memActivity.demand", "",
            "memoryActivity/touchMibPerSecond", "memActivity.touch", "",
            "memoryActivity/writeMibPerSecond", "memActivity.write", "",
            "memoryActivity/zeroPercent", "memActivity.zero", "",
            "memoryActivity/imagePercent", "memActivity.imagePercent", "",
            "memoryActivity/activePercent", "memActivity.active", "",
            "dirtyMibPerSecond", "dirtyRate.rate", ALWAYS);
    private static final Map<String, String> DEVICE = fields(
            "workload/queueDepth", "device.queueDepth", "",
            "workload/requestsPerSecond", "device.rate", "",
            "workload/requestBytes", "device.requestBytes", "",
            "mode/queueSize", "device.queueSize", "",
            "mode/requestsPerKick", "device.requestsPerKick", "",
            "mode/accessesPerRequest", "device.accessesPerRequest", "",
            "mode/accessesPerInterrupt", "device.accessesPerInterrupt", "",
            "mode/iotlbEntries", "device.iotlbEntries", "",
            "coalescing/maxCompletions", "device.coalesceCompletions", "",
            "coalescing/maxDelayMicros", "device.coalesceDelay", "");
    private static final Map<String, String> HOST = fields(
            "cpu/sockets", "props.sockets", "",
            "cpu/coresPerSocket", "props.coresPerSocket", "",
            "cpu/threadsPerCore", "props.threadsPerCore", "",
            "cpu/mhzPerCore", "sweep.param.mhzPerCore", "",
            "memoryMib", "sweep.param.memoryMib", "",
            "cpuPolicy/htFactor", "props.htFactor", ALWAYS,
            "cpuPolicy/quantumMillis", "sweep.param.quantumMillis", ALWAYS);
    private static final Map<String, String> LESSON = fields(
            "seed", "props.seed", "",
            "tickMicros", "sweep.param.tickMicros", "",
            "migration/bandwidthMibPerSecond", "sweep.param.bandwidth", "",
            "migration/downtimeLimitMillis", "sweep.param.downtime", "",
            "migration/maxRounds", "props.maxRounds", "");

    /** Each field's label key, and "always" after a tab when it is offered though absent. */
    private static Map<String, String> fields(String... triples) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            out.put(triples[i], triples[i + 1] + "\t" + triples[i + 2]);
        }
        return out;
    }

    private SweepChoices() {
    }

    /** The parameters of the element {@code selectedId} (null: none), then the lesson's, in the file {@code json}. */
    static List<SweepChoice> parameters(I18n i18n, String json, String selectedId) {
        JsonNode root = tree(json);
        List<SweepChoice> out = new ArrayList<>();
        if (selectedId != null) {
            JsonNode vm = element(root.path("vms"), selectedId);
            JsonNode host = element(root.path("hosts"), selectedId);
            if (vm != null) {
                String prefix = "/vms/" + token(root.path("vms"), selectedId);
                offer(i18n, name(vm), vm, prefix, VM, out);
                int index = 0;
                for (JsonNode device : root.path("devices")) {
                    if (selectedId.equals(device.path("vm").asText())) {
                        String id = device.path("id").asText();
                        offer(i18n, name(vm) + " · " + id, device,
                                "/devices/" + token(root.path("devices"), id, index), DEVICE, out);
                    }
                    index++;
                }
            } else if (host != null) {
                offer(i18n, name(host), host, "/hosts/" + token(root.path("hosts"), selectedId), HOST, out);
            }
        }
        offer(i18n, i18n.get("props.heading.lesson"), root, "", LESSON, out);
        return out;
    }

    /** The summary's numbers ({@code /vms/vm2/cpu/avgGhz}, …) in words, using the names in the file {@code json}. */
    static List<SweepChoice> metrics(I18n i18n, String json, List<String> pointers) {
        JsonNode root = tree(json);
        List<SweepChoice> out = new ArrayList<>();
        for (String pointer : pointers) {
            String[] t = pointer.substring(1).split("/");
            String kind = t[0].equals("vms") ? "vm" : "host";
            JsonNode element = element(root.path(t[0]), t[1]);
            String who = element == null ? t[1] : name(element);
            StringBuilder key = new StringBuilder("sweep.metric." + kind);
            for (int i = 2; i < t.length; i++) {
                if (t[i - 1].equals("io") && i == 3) {
                    who = who + " · " + t[i]; // a device id
                } else {
                    key.append('.').append(t[i]);
                }
            }
            String label = i18n.get(key.toString());
            out.add(new SweepChoice(label.startsWith("!") ? pointer : who + " · " + label, pointer));
        }
        return out;
    }

    private static void offer(I18n i18n, String who, JsonNode element, String prefix, Map<String, String> fields,
                              List<SweepChoice> out) {
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String[] keyAndWhen = f.getValue().split("\t", -1);
            JsonNode value = element.at("/" + f.getKey());
            boolean offered = value.isNumber() || f.getKey().endsWith("shares") && value.isTextual()
                    || value.isMissingNode() && keyAndWhen[1].equals(ALWAYS) && !element.path(
                            f.getKey().split("/")[0]).isValueNode();
            if (offered) {
                out.add(new SweepChoice(who + " · " + i18n.get(keyAndWhen[0]), prefix + "/" + f.getKey()));
            }
        }
    }

    private static JsonNode element(JsonNode list, String id) {
        for (JsonNode e : list) {
            if (id.equals(e.path("id").asText(null))) {
                return e;
            }
        }
        return null;
    }

    /** The id as a pointer token, or the index where the id would read as one. */
    private static String token(JsonNode list, String id) {
        int index = 0;
        for (JsonNode e : list) {
            if (id.equals(e.path("id").asText(null))) {
                return token(list, id, index);
            }
            index++;
        }
        return SweepPointer.escape(id);
    }

    private static String token(JsonNode list, String id, int index) {
        return id.matches("0|[1-9][0-9]*") ? Integer.toString(index) : SweepPointer.escape(id);
    }

    private static String name(JsonNode element) {
        return element.path("name").asText(element.path("id").asText());
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
