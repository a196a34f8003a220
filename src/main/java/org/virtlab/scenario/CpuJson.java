package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.virtlab.engine.cpu.CpuQos;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.Shares;

/**
 * A host's optional {@code cpuPolicy} and a VM's optional {@code cpuQos}. Every field is optional and
 * defaults to the model's default; the writer leaves out whatever equals the default, so files made
 * before these fields existed keep their exact bytes.
 *
 * <pre>
 * "cpuPolicy": {"reservationMode": "held", "htFactor": 1.3, "quantumMillis": 30}
 * "cpuQos": {"shares": "high" | 2500, "limitMhz": 2000, "reservationMhz": 1000}
 * </pre>
 */
final class CpuJson {
    static final List<String> POLICY_FIELDS = List.of("reservationMode", "htFactor", "quantumMillis");
    static final List<String> QOS_FIELDS = List.of("shares", "limitMhz", "reservationMhz");
    private static final BigDecimal MICROS_PER_MILLI = BigDecimal.valueOf(1000);

    private CpuJson() {
    }

    /** The reservation modes as spelled in files. */
    static String spelling(ReservationMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private static ReservationMode mode(String spelling) {
        return Arrays.stream(ReservationMode.values()).filter(m -> spelling(m).equals(spelling)).findFirst()
                .orElse(null);
    }

    /** The shares presets as spelled in files. */
    private static Shares preset(String spelling) {
        return switch (spelling) {
            case "low" -> Shares.LOW;
            case "normal" -> Shares.NORMAL;
            case "high" -> Shares.HIGH;
            default -> null;
        };
    }

    /** Reads a host's {@code cpuPolicy}; the default when absent, {@code null} if something is wrong (reported). */
    static Supplier<HostCpuPolicy> policy(JsonObject host) {
        JsonNode value = host.optional("cpuPolicy");
        if (value == null) {
            return () -> HostCpuPolicy.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, host.pointer("cpuPolicy"), host.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(POLICY_FIELDS);
        int before = json.problems().count();
        ReservationMode mode = HostCpuPolicy.DEFAULT.reservationMode();
        String spelling = json.string("reservationMode", false);
        if (spelling != null) {
            mode = mode(spelling);
            if (mode == null) {
                String allowed = String.join(", ",
                        Arrays.stream(ReservationMode.values()).map(CpuJson::spelling).toList());
                json.problems().add(json.pointer("reservationMode"), "cpuPolicy.unknownReservationMode",
                        Json.escape(spelling), allowed);
            }
        }
        Double htFactor = json.number("htFactor", HostCpuPolicy.MIN_HT_FACTOR, HostCpuPolicy.MAX_HT_FACTOR,
                HostCpuPolicy.DEFAULT_HT_FACTOR);
        Long quantumMicros = quantumMicros(json);
        if (json.problems().count() != before) {
            return null;
        }
        ReservationMode checkedMode = mode;
        return () -> new HostCpuPolicy(checkedMode, htFactor, quantumMicros);
    }

    /**
     * {@code quantumMillis}: milliseconds in the file, whole microseconds in the model, so at most three
     * decimals (0.1 ms is the shortest slice the model allows).
     */
    private static Long quantumMicros(JsonObject json) {
        JsonNode value = json.optional("quantumMillis");
        if (value == null) {
            return HostCpuPolicy.DEFAULT_QUANTUM_MICROS;
        }
        if (value.isNumber() && Double.isFinite(value.doubleValue())) {
            BigDecimal micros = value.decimalValue().multiply(MICROS_PER_MILLI).stripTrailingZeros();
            if (micros.scale() <= 0
                    && micros.compareTo(BigDecimal.valueOf(HostCpuPolicy.MIN_QUANTUM_MICROS)) >= 0
                    && micros.compareTo(BigDecimal.valueOf(HostCpuPolicy.MAX_QUANTUM_MICROS)) <= 0) {
                return micros.longValueExact();
            }
        }
        json.problems().add(json.pointer("quantumMillis"), "cpuPolicy.quantum",
                HostCpuPolicy.MIN_QUANTUM_MICROS / 1000.0, HostCpuPolicy.MAX_QUANTUM_MICROS / 1000.0,
                Json.show(value));
        return null;
    }

    /** Reads a VM's {@code cpuQos}; the default when absent, {@code null} if something is wrong (reported). */
    static Supplier<CpuQos> qos(JsonObject vm) {
        JsonNode value = vm.optional("cpuQos");
        if (value == null) {
            return () -> CpuQos.DEFAULT;
        }
        JsonObject json = JsonObject.of(value, vm.pointer("cpuQos"), vm.problems());
        if (json == null) {
            return null;
        }
        json.allowOnly(QOS_FIELDS);
        int before = json.problems().count();
        Shares shares = shares(json);
        Long limit = limitMhz(json);
        Long reservation = json.integer("reservationMhz", 0, CpuQos.MAX_MHZ, "MHz", 0);
        if (limit != null && reservation != null && limit != CpuQos.NO_LIMIT && limit < reservation) {
            json.problems().add(json.pointer("limitMhz"), "cpuQos.limitBelowReservation", reservation, limit);
        }
        if (json.problems().count() != before) {
            return null;
        }
        return () -> new CpuQos(shares, limit, reservation);
    }

    /** {@code shares}: a preset word or a custom total; Normal when absent. CPU and memory QoS spell it alike. */
    static Shares shares(JsonObject json) {
        JsonNode value = json.optional("shares");
        if (value == null) {
            return Shares.NORMAL;
        }
        if (value.isTextual()) {
            Shares preset = preset(value.textValue());
            if (preset != null) {
                return preset;
            }
        } else {
            BigInteger exact = JsonObject.exactInteger(value);
            if (exact != null && exact.compareTo(BigInteger.valueOf(Shares.MIN_CUSTOM)) >= 0
                    && exact.compareTo(BigInteger.valueOf(Shares.MAX_CUSTOM)) <= 0) {
                return Shares.custom(exact.intValueExact());
            }
        }
        json.problems().add(json.pointer("shares"), "cpuQos.shares", Shares.MIN_CUSTOM, Shares.MAX_CUSTOM,
                Json.show(value));
        return null;
    }

    /** {@code limitMhz}: absent or {@code null} means no limit. */
    private static Long limitMhz(JsonObject json) {
        JsonNode value = json.optional("limitMhz");
        if (value == null || value.isNull()) {
            return CpuQos.NO_LIMIT;
        }
        return json.integerValue(value, json.pointer("limitMhz"), 1, CpuQos.MAX_MHZ, "MHz");
    }

    /** Writes a host's policy, leaving out the fields (or the whole object) that equal the default. */
    static void writePolicy(HostCpuPolicy policy, ObjectNode host) {
        if (policy.equals(HostCpuPolicy.DEFAULT)) {
            return;
        }
        ObjectNode out = host.putObject("cpuPolicy");
        if (policy.reservationMode() != HostCpuPolicy.DEFAULT.reservationMode()) {
            out.put("reservationMode", spelling(policy.reservationMode()));
        }
        if (Double.compare(policy.htFactor(), HostCpuPolicy.DEFAULT_HT_FACTOR) != 0) {
            Json.putNumber(out, "htFactor", policy.htFactor());
        }
        if (policy.quantumMicros() != HostCpuPolicy.DEFAULT_QUANTUM_MICROS) {
            // micros / 1000.0 prints as the shortest decimal that reads back to it: 100 µs as 0.1.
            Json.putNumber(out, "quantumMillis", policy.quantumMicros() / 1000.0);
        }
    }

    /** Writes a VM's QoS, leaving out the fields (or the whole object) that equal the default. */
    static void writeQos(CpuQos qos, ObjectNode vm) {
        if (qos.equals(CpuQos.DEFAULT)) {
            return;
        }
        ObjectNode out = vm.putObject("cpuQos");
        writeShares(qos.shares(), out);
        if (qos.limited()) {
            out.put("limitMhz", qos.limitMhz());
        }
        if (qos.reservationMhz() != 0) {
            out.put("reservationMhz", qos.reservationMhz());
        }
    }

    /** Writes {@code shares} unless it is Normal, the default. */
    static void writeShares(Shares shares, ObjectNode out) {
        switch (shares.level()) {
            case LOW -> out.put("shares", "low");
            case NORMAL -> { } // the default
            case HIGH -> out.put("shares", "high");
            case CUSTOM -> out.put("shares", shares.custom());
        }
    }
}
