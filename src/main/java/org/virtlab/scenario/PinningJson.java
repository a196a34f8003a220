package org.virtlab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.virtlab.engine.cpu.Pinning;
import org.virtlab.engine.model.CpuTopology;

/**
 * A VM's optional {@code pinning} (libvirt's {@code <vcpupin>}): one list of logical CPUs per vCPU,
 * {@code [[0, 1], [2, 3]]}, or the shorthand {@code {"all": [0]}} for every vCPU on the same CPUs.
 *
 * <p>The model would sort and drop repeated CPUs silently; the reader refuses a repeat instead, since a
 * student who wrote {@code [0, 0]} most likely meant something else.
 */
final class PinningJson {
    static final String ALL = "all";
    /** The most logical CPUs any host can have: the checks when the VM's host is unknown. */
    static final int MAX_LOGICAL_CPUS =
            CpuTopology.MAX_SOCKETS * CpuTopology.MAX_CORES_PER_SOCKET * CpuTopology.MAX_THREADS_PER_CORE;

    private PinningJson() {
    }

    /**
     * Reads {@code pinning}; none when absent, {@code null} if something is wrong (reported).
     *
     * @param vcpus       the VM's vCPUs, {@code null} if unknown (then the count is not checked)
     * @param hostId      the VM's host, for messages
     * @param logicalCpus the host's logical CPUs, {@code null} if unknown (then any CPU a host could have)
     */
    static Supplier<Pinning> read(JsonObject vm, Long vcpus, String hostId, Integer logicalCpus) {
        JsonNode value = vm.optional("pinning");
        if (value == null) {
            return () -> Pinning.NONE;
        }
        Problems problems = vm.problems();
        String at = vm.pointer("pinning");
        int before = problems.count();
        Supplier<Pinning> build;
        if (value.isArray()) {
            if (vcpus != null && value.size() != vcpus) {
                problems.add(at, "pinning.count", value.size(), vcpus);
            }
            List<List<Integer>> perVcpu = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                perVcpu.add(cpus(value.get(i), Json.child(at, i), hostId, logicalCpus, problems));
            }
            build = () -> new Pinning(perVcpu);
        } else if (value.isObject()) {
            JsonObject shorthand = JsonObject.of(value, at, problems);
            shorthand.allowOnly(List.of(ALL));
            JsonNode list = shorthand.required(ALL);
            List<Integer> cpus = list == null ? null
                    : cpus(list, shorthand.pointer(ALL), hostId, logicalCpus, problems);
            build = () -> Pinning.all(Math.toIntExact(vcpus), cpus);
        } else {
            problems.add(at, "pinning.type", Json.show(value));
            return null;
        }
        return problems.count() == before ? build : null;
    }

    /** One vCPU's list of logical CPUs: non-empty, each a CPU of the host, none twice. */
    private static List<Integer> cpus(JsonNode list, String at, String hostId, Integer logicalCpus,
                                      Problems problems) {
        if (!list.isArray()) {
            problems.add(at, "type.array", Json.show(list));
            return null;
        }
        if (list.isEmpty()) {
            problems.add(at, "pinning.empty");
            return null;
        }
        int limit = logicalCpus == null ? MAX_LOGICAL_CPUS : logicalCpus;
        Map<Integer, String> seen = new HashMap<>();
        List<Integer> cpus = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            JsonNode element = list.get(j);
            String where = Json.child(at, j);
            BigInteger exact = JsonObject.exactInteger(element);
            if (exact == null || exact.signum() < 0 || exact.compareTo(BigInteger.valueOf(limit)) >= 0) {
                if (logicalCpus == null) {
                    problems.add(where, "range.int", 0, limit - 1, Json.show(element));
                } else {
                    problems.add(where, "pinning.cpu", hostId, limit - 1, Json.show(element));
                }
                continue;
            }
            int cpu = exact.intValueExact();
            String first = seen.putIfAbsent(cpu, where);
            if (first != null) {
                problems.add(where, "pinning.duplicate", cpu, first);
            }
            cpus.add(cpu);
        }
        return cpus;
    }

    /** Writes the pinning: the {@code all} shorthand when every vCPU has the same list, else one list each. */
    static void write(Pinning pinning, ObjectNode vm) {
        if (!pinning.pinned()) {
            return;
        }
        List<List<Integer>> perVcpu = pinning.perVcpu();
        if (perVcpu.stream().distinct().count() == 1) {
            add(vm.putObject("pinning").putArray(ALL), perVcpu.get(0));
        } else {
            ArrayNode lists = vm.putArray("pinning");
            for (List<Integer> cpus : perVcpu) {
                add(lists.addArray(), cpus);
            }
        }
    }

    private static void add(ArrayNode out, List<Integer> cpus) {
        for (int cpu : cpus) {
            out.add(cpu);
        }
    }
}
