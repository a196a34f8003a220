package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.virtlab.engine.cpu.Shares;
import org.virtlab.engine.memory.host.HostMemoryPolicy;
import org.virtlab.engine.memory.host.MemoryActivity;
import org.virtlab.engine.memory.host.MemoryQos;
import org.virtlab.engine.memory.host.SharingMode;

/**
 * A host's optional {@code memoryPolicy} and a VM's optional {@code memoryQos} and {@code memoryActivity}. Every
 * field is optional and defaults to the model's default; the writer leaves out whatever equals the default, so
 * files made before these fields existed keep their exact bytes.
 *
 * <pre>
 * "memoryPolicy": {"highPercent": 6, "softPercent": 4, "hardPercent": 2, "lowPercent": 1, "sharing": "always",
 *                  "pagesToScan": 100, "sleepMillis": 20, "maxPageSharing": 256, "balloonMibPerSecond": 256,
 *                  "balloonMaxPercent": 65, "swapOutMibPerSecond": 128, "swapInMicros": 100, "idleTaxPercent": 75}
 * "memoryQos": {"shares": "high" | 20000, "limitMib": 4096, "reservationMib": 1024}
 * "memoryActivity": {"demandMib": 1024, "touchMibPerSecond": 1024, "writeMibPerSecond": 0, "zeroPercent": 10,
 *                    "imagePercent": 40, "image": "ubuntu-22.04", "activePercent": 100}
 * </pre>
 */
final class MemoryJson {
    static final List<String> POLICY_FIELDS = List.of("highPercent", "softPercent", "hardPercent", "lowPercent",
            "sharing", "pagesToScan", "sleepMillis", "maxPageSharing", "balloonMibPerSecond", "balloonMaxPercent",
            "swapOutMibPerSecond", "swapInMicros", "idleTaxPercent");
    static final List<String> QOS_FIELDS = List.of("shares", "limitMib", "reservationMib");
    static final List<String> ACTIVITY_FIELDS = List.of("demandMib", "touchMibPerSecond", "writeMibPerSecond",
            "zeroPercent", "imagePercent", "image", "activePercent");

    private MemoryJson() {
    }

    /** The sharing modes as spelled in files: always, underPressure, off. */
    static String spelling(SharingMode mode) {
        return switch (mode) {
            case ALWAYS -> "always";
            case UNDER_PRESSURE -> "underPressure";
            case OFF -> "off";
        };
    }

    /** Reads a host's {@code memoryPolicy}; the default when absent, {@code null} if something is wrong (reported). */
    static Supplier<HostMemoryPolicy> policy(JsonObject host) {
        JsonNode value = host.optional("memoryPolicy");
        if (value == null) {
            return () -> HostMemoryPolicy.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, host.pointer("memoryPolicy"), host.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(POLICY_FIELDS);
        int before = json.problems().count();
        HostMemoryPolicy d = HostMemoryPolicy.DEFAULT;
        double min = HostMemoryPolicy.MIN_THRESHOLD_PERCENT;
        double max = HostMemoryPolicy.MAX_THRESHOLD_PERCENT;
        Double high = json.number("highPercent", min, max, d.highPercent());
        Double soft = json.number("softPercent", min, max, d.softPercent());
        Double hard = json.number("hardPercent", min, max, d.hardPercent());
        Double low = json.number("lowPercent", min, max, d.lowPercent());
        if (json.problems().count() == before) {
            between(json, "softPercent", soft, "highPercent", high, "hardPercent", hard);
            between(json, "hardPercent", hard, "softPercent", soft, "lowPercent", low);
        }
        SharingMode sharing = sharing(json);
        Long pages = json.integer("pagesToScan", 1, HostMemoryPolicy.MAX_PAGES_TO_SCAN, null, d.pagesToScan());
        Long sleep = json.integer("sleepMillis", 1, HostMemoryPolicy.MAX_SLEEP_MILLIS, "ms", d.sleepMillis());
        Long maxSharing = json.integer("maxPageSharing", 2, HostMemoryPolicy.MAX_PAGE_SHARING, null,
                d.maxPageSharing());
        Double balloon = json.number("balloonMibPerSecond", 0, HostMemoryPolicy.MAX_MIB_PER_SECOND,
                d.balloonMibPerSecond());
        Double balloonMax = json.number("balloonMaxPercent", 0, 100, d.balloonMaxPercent());
        Double swapOut = json.number("swapOutMibPerSecond", 0, HostMemoryPolicy.MAX_MIB_PER_SECOND,
                d.swapOutMibPerSecond());
        Long swapIn = json.integer("swapInMicros", 0, HostMemoryPolicy.MAX_SWAP_IN_MICROS, "µs", d.swapInMicros());
        Double tax = json.number("idleTaxPercent", 0, HostMemoryPolicy.MAX_IDLE_TAX_PERCENT, d.idleTaxPercent());
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new HostMemoryPolicy(high, soft, hard, low, sharing, Math.toIntExact(pages),
                Math.toIntExact(sleep), Math.toIntExact(maxSharing), balloon, balloonMax, swapOut, swapIn, tax);
    }

    /** A threshold must lie strictly between its neighbours: high &gt; soft &gt; hard &gt; low. */
    private static void between(JsonObject json, String field, double value, String aboveField, double above,
                                String belowField, double below) {
        if (!(value < above && value > below)) {
            json.problems().add(json.pointer(field), "memoryPolicy.thresholdOrder", aboveField, above,
                    belowField, below, value);
        }
    }

    private static SharingMode sharing(JsonObject json) {
        String spelling = json.string("sharing", false);
        if (spelling == null) {
            return HostMemoryPolicy.DEFAULT.sharing();
        }
        for (SharingMode mode : SharingMode.values()) {
            if (spelling(mode).equals(spelling)) {
                return mode;
            }
        }
        String allowed = String.join(", ", Arrays.stream(SharingMode.values()).map(MemoryJson::spelling).toList());
        json.problems().add(json.pointer("sharing"), "memoryPolicy.unknownSharing", Json.escape(spelling), allowed);
        return null;
    }

    /**
     * Reads a VM's {@code memoryQos}; the default when absent, {@code null} if something is wrong (reported).
     *
     * @param memoryMib the VM's memory if it checked out, else null: a reservation may not exceed it
     */
    static Supplier<MemoryQos> qos(JsonObject vm, Long memoryMib) {
        JsonNode value = vm.optional("memoryQos");
        if (value == null) {
            return () -> MemoryQos.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, vm.pointer("memoryQos"), vm.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(QOS_FIELDS);
        int before = json.problems().count();
        Shares shares = CpuJson.shares(json);
        Long limit = limitMib(json);
        Long reservation = json.integer("reservationMib", 0, MemoryQos.MAX_MIB, "MiB", 0);
        if (reservation != null && memoryMib != null && reservation > memoryMib) {
            json.problems().add(json.pointer("reservationMib"), "memoryQos.reservationAboveMemory", memoryMib,
                    reservation);
        } else if (limit != null && reservation != null && limit != MemoryQos.NO_LIMIT && limit < reservation) {
            json.problems().add(json.pointer("limitMib"), "memoryQos.limitBelowReservation", reservation, limit);
        }
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new MemoryQos(shares, limit, reservation);
    }

    /** {@code limitMib}: absent or {@code null} means no limit. */
    private static Long limitMib(JsonObject json) {
        JsonNode value = json.optional("limitMib");
        if (value == null || value.isNull()) {
            return MemoryQos.NO_LIMIT;
        }
        return json.integerValue(value, json.pointer("limitMib"), 1, MemoryQos.MAX_MIB, "MiB");
    }

    /**
     * Reads a VM's {@code memoryActivity}; the default when absent, {@code null} if something is wrong (reported).
     *
     * @param memoryMib the VM's memory if it checked out, else null: the demand may not exceed it
     */
    static Supplier<MemoryActivity> activity(JsonObject vm, Long memoryMib) {
        JsonNode value = vm.optional("memoryActivity");
        if (value == null) {
            return () -> MemoryActivity.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, vm.pointer("memoryActivity"), vm.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(ACTIVITY_FIELDS);
        int before = json.problems().count();
        MemoryActivity d = MemoryActivity.DEFAULT;
        Long demand = json.integer("demandMib", 0, MemoryQos.MAX_MIB, "MiB", d.demandMib());
        if (demand != null && memoryMib != null && demand > memoryMib) {
            json.problems().add(json.pointer("demandMib"), "memoryActivity.demandAboveMemory", memoryMib, demand);
        }
        Double touch = json.number("touchMibPerSecond", 0, MemoryActivity.MAX_MIB_PER_SECOND, d.touchMibPerSecond());
        Double write = json.number("writeMibPerSecond", 0, MemoryActivity.MAX_MIB_PER_SECOND, d.writeMibPerSecond());
        Double zero = json.number("zeroPercent", 0, 100, d.zeroPercent());
        Double image = json.number("imagePercent", 0, 100, d.imagePercent());
        if (zero != null && image != null && zero + image > 100) {
            json.problems().add(json.pointer("imagePercent"), "memoryActivity.contentOver100", zero,
                    image);
        }
        String imageName = json.optional("image") == null ? d.image() : json.optionalId("image");
        Double active = json.number("activePercent", 0, 100, d.activePercent());
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new MemoryActivity(demand, touch, write, zero, image, imageName, active);
    }

    // ---- writing ----

    /** Writes a host's memory policy, leaving out the fields (or the whole object) that equal the default. */
    static void writePolicy(HostMemoryPolicy policy, ObjectNode host) {
        HostMemoryPolicy d = HostMemoryPolicy.DEFAULT;
        if (policy.equals(d)) {
            return;
        }
        ObjectNode out = host.putObject("memoryPolicy");
        putIfOther(out, "highPercent", policy.highPercent(), d.highPercent());
        putIfOther(out, "softPercent", policy.softPercent(), d.softPercent());
        putIfOther(out, "hardPercent", policy.hardPercent(), d.hardPercent());
        putIfOther(out, "lowPercent", policy.lowPercent(), d.lowPercent());
        if (policy.sharing() != d.sharing()) {
            out.put("sharing", spelling(policy.sharing()));
        }
        putIfOther(out, "pagesToScan", policy.pagesToScan(), d.pagesToScan());
        putIfOther(out, "sleepMillis", policy.sleepMillis(), d.sleepMillis());
        putIfOther(out, "maxPageSharing", policy.maxPageSharing(), d.maxPageSharing());
        putIfOther(out, "balloonMibPerSecond", policy.balloonMibPerSecond(), d.balloonMibPerSecond());
        putIfOther(out, "balloonMaxPercent", policy.balloonMaxPercent(), d.balloonMaxPercent());
        putIfOther(out, "swapOutMibPerSecond", policy.swapOutMibPerSecond(), d.swapOutMibPerSecond());
        putIfOther(out, "swapInMicros", policy.swapInMicros(), d.swapInMicros());
        putIfOther(out, "idleTaxPercent", policy.idleTaxPercent(), d.idleTaxPercent());
    }

    /** Writes a VM's memory QoS, leaving out the fields (or the whole object) that equal the default. */
    static void writeQos(MemoryQos qos, ObjectNode vm) {
        if (qos.equals(MemoryQos.DEFAULT)) {
            return;
        }
        ObjectNode out = vm.putObject("memoryQos");
        CpuJson.writeShares(qos.shares(), out);
        if (qos.limited()) {
            out.put("limitMib", qos.limitMib());
        }
        if (qos.reservationMib() != 0) {
            out.put("reservationMib", qos.reservationMib());
        }
    }

    /** Writes a VM's memory activity, leaving out the fields (or the whole object) that equal the default. */
    static void writeActivity(MemoryActivity activity, ObjectNode vm) {
        MemoryActivity d = MemoryActivity.DEFAULT;
        if (activity.equals(d)) {
            return;
        }
        ObjectNode out = vm.putObject("memoryActivity");
        putIfOther(out, "demandMib", activity.demandMib(), d.demandMib());
        putIfOther(out, "touchMibPerSecond", activity.touchMibPerSecond(), d.touchMibPerSecond());
        putIfOther(out, "writeMibPerSecond", activity.writeMibPerSecond(), d.writeMibPerSecond());
        putIfOther(out, "zeroPercent", activity.zeroPercent(), d.zeroPercent());
        putIfOther(out, "imagePercent", activity.imagePercent(), d.imagePercent());
        if (!activity.image().equals(d.image())) {
            out.put("image", activity.image());
        }
        putIfOther(out, "activePercent", activity.activePercent(), d.activePercent());
    }

    private static void putIfOther(ObjectNode out, String field, double value, double fallback) {
        if (Double.compare(value, fallback) != 0) {
            Json.putNumber(out, field, value);
        }
    }
}
