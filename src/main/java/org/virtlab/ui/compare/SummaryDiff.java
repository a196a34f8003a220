package org.virtlab.ui.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.experiment.SweepPointer;
import org.virtlab.ui.i18n.I18n;

/**
 * The numbers of two runs' {@code summary.json} side by side: every numeric field per VM (CPU, memory, each I/O
 * device) and per host (CPU, memory), as {@code virtlab sweep} can measure them ({@code /vms/vm2/cpu/avgGhz}), in
 * words with their units as the Sweep window labels them. The run's seed and length are left out (the same for both)
 * and so are the power-on refusals (a list of events, not a measure). A field only one run has (B got a device) has
 * no value in the other.
 */
final class SummaryDiff {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryDiff() {
    }

    /**
     * One metric in both runs.
     *
     * @param element the VM or host (and device) it is about, by name
     * @param metric  what it is, with its unit
     * @param pointer where it is in summary.json, elements by id
     * @param a       run A's value, or null when A has no such field
     * @param b       run B's value, or null
     */
    record Row(String element, String metric, String pointer, BigDecimal a, BigDecimal b) {
        /** B − A, exactly, of the values as summary.json holds them; null when one is missing. */
        BigDecimal delta() {
            return a == null || b == null ? null : b.subtract(a);
        }

        boolean differs() {
            return a == null || b == null || a.compareTo(b) != 0;
        }
    }

    /**
     * The rows, those that differ first, each group in summary order (VMs, then hosts).
     *
     * @param a the scenario run as A, for names; {@code b} likewise
     */
    static List<Row> rows(I18n i18n, Scenario a, String summaryA, Scenario b, String summaryB) {
        Map<String, BigDecimal> valuesA = numbers(summaryA);
        Map<String, BigDecimal> valuesB = numbers(summaryB);
        Map<String, Boolean> pointers = new LinkedHashMap<>();
        valuesA.keySet().forEach(p -> pointers.put(p, true));
        valuesB.keySet().forEach(p -> pointers.put(p, true));
        List<Row> differ = new ArrayList<>();
        List<Row> same = new ArrayList<>();
        for (String pointer : pointers.keySet()) {
            String[] label = label(i18n, pointer, a, b);
            Row row = new Row(label[0], label[1], pointer, valuesA.get(pointer), valuesB.get(pointer));
            (row.differs() ? differ : same).add(row);
        }
        differ.addAll(same);
        return differ;
    }

    /** Every number under {@code vms} and {@code hosts}, by pointer, in document order. */
    static Map<String, BigDecimal> numbers(String summaryJson) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        try {
            JsonNode root = MAPPER.readTree(summaryJson);
            for (String list : List.of("vms", "hosts")) {
                collect(root.path(list), "/" + list, out);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a summary: " + e.getOriginalMessage(), e);
        }
        return out;
    }

    private static void collect(JsonNode node, String at, Map<String, BigDecimal> out) {
        if (node.isNumber()) {
            out.put(at, node.decimalValue());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), at + "/" + SweepPointer.escape(f.getKey()), out));
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                if (e.path("id").isTextual()) { // VMs, hosts, devices; not the power-on refusals
                    collect(e, at + "/" + SweepPointer.escape(e.get("id").textValue()), out);
                }
            }
        }
    }

    /** The element's name (and device id) and the metric's words, from the Sweep window's labels. */
    private static String[] label(I18n i18n, String pointer, Scenario a, Scenario b) {
        String[] t = pointer.substring(1).split("/");
        boolean vm = t[0].equals("vms");
        String id = unescape(t[1]);
        String who = vm ? vmName(id, a, b) : hostName(id, a, b);
        StringBuilder key = new StringBuilder("sweep.metric." + (vm ? "vm" : "host"));
        for (int i = 2; i < t.length; i++) {
            if (t[i - 1].equals("io") && i == 3) {
                who = who + " · " + unescape(t[i]); // a device id
            } else {
                key.append('.').append(unescape(t[i]));
            }
        }
        String metric = i18n.get(key.toString());
        return new String[] {who, metric.startsWith("!") ? pointer : metric};
    }

    private static String vmName(String id, Scenario a, Scenario b) {
        return a.vm(id).or(() -> b.vm(id)).map(VmSpec::name).orElse(id);
    }

    private static String hostName(String id, Scenario a, Scenario b) {
        return a.host(id).or(() -> b.host(id)).map(HostSpec::name).orElse(id);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
