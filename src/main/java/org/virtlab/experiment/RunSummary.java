package org.virtlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.Simulation;
import org.virtlab.engine.SimulationObserver;
import org.virtlab.engine.SimulationSnapshot;
import org.virtlab.engine.cpu.CpuSnapshot;
import org.virtlab.engine.io.IoMode;
import org.virtlab.engine.io.IoSnapshot;
import org.virtlab.engine.memory.host.MemorySnapshot;

/**
 * Collects what {@code virtlab run} reports and writes it as {@code summary.json}: per VM the CPU averages
 * over the whole run (from the engine's cumulative counters) and its memory at the end, per host the average
 * CPU capacity and use and its memory at the end; per VM with I/O devices, each device's totals over the run
 * ({@code io}, absent when the scenario has no devices). Same scenario and seed ⇒ same bytes.
 */
public final class RunSummary implements SimulationObserver {
    private final List<String> hostIds = new ArrayList<>();
    private double[] capacityMhzMicros = new double[0];
    private long lastMicros;
    private CpuSnapshot last;
    private MemorySnapshot lastMemory;
    private IoSnapshot lastIo;

    /** Called every tick: integrates each host's capacity, which hyper-threading makes vary with load. */
    @Override
    public void onTick(SimulationSnapshot snapshot) {
        CpuSnapshot cpu = snapshot.find(CpuSnapshot.class).orElseThrow(
                () -> new IllegalStateException("the simulation has no CPU subsystem"));
        if (capacityMhzMicros.length != cpu.hosts().size()) {
            capacityMhzMicros = new double[cpu.hosts().size()];
            hostIds.clear();
            cpu.hosts().forEach(h -> hostIds.add(h.hostId()));
        }
        long tick = snapshot.nowMicros() - lastMicros;
        for (int h = 0; h < capacityMhzMicros.length; h++) {
            capacityMhzMicros[h] += cpu.hosts().get(h).capacityMhz() * tick;
        }
        lastMicros = snapshot.nowMicros();
        last = cpu;
        lastMemory = snapshot.find(MemorySnapshot.class).orElse(null);
        lastIo = snapshot.find(IoSnapshot.class).orElse(null);
    }

    public String toJson(Simulation simulation) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        double micros = simulation.nowMicros();
        root.put("seed", simulation.seed());
        root.put("simulatedSeconds", micros / 1e6);
        ArrayNode hosts = root.putArray("hosts");
        ArrayNode vms = root.putArray("vms");
        if (last != null && micros > 0) {
            for (int h = 0; h < last.hosts().size(); h++) {
                CpuSnapshot.HostCpu host = last.hosts().get(h);
                ObjectNode node = hosts.addObject();
                node.put("id", host.hostId());
                ObjectNode cpu = node.putObject("cpu");
                cpu.put("reservationMode", host.reservationMode().name().toLowerCase(java.util.Locale.ROOT));
                cpu.put("capacityGhz", round(capacityMhzMicros[h] / micros / 1000));
                cpu.put("usedGhz", round(host.usedMhzMicros() / micros / 1000));
                ArrayNode refused = cpu.putArray("powerOnRefused");
                for (CpuSnapshot.Refusal r : host.refusals()) {
                    ObjectNode rn = refused.addObject();
                    rn.put("vm", r.vmId());
                    rn.put("resource", r.resource().name().toLowerCase(java.util.Locale.ROOT));
                    rn.put("reservationMhz", r.reservationMhz());
                    rn.put("unreservedMhz", r.unreservedMhz());
                    rn.put("reservationMib", r.reservationMib());
                    rn.put("unreservedMib", r.unreservedMib());
                }
                if (lastMemory != null) {
                    MemorySnapshot.HostMemory m = lastMemory.host(host.hostId());
                    ObjectNode memory = node.putObject("memory");
                    memory.put("capacityMib", round(m.capacityMib()));
                    memory.put("usedMib", round(m.usedMib()));
                    memory.put("savedBySharingMib", round(m.savedBySharingMib()));
                }
            }
            for (CpuSnapshot.VmCpu vm : last.vms()) {
                ObjectNode node = vms.addObject();
                node.put("id", vm.vmId());
                node.put("host", vm.hostId());
                ObjectNode cpu = node.putObject("cpu");
                cpu.put("poweredOn", vm.poweredOn());
                cpu.put("demandGhz", round(vm.demandMhzMicros() / micros / 1000));
                cpu.put("entitlementGhz", round(vm.entitlementMhzMicros() / micros / 1000));
                cpu.put("avgGhz", round(vm.usedMhzMicros() / micros / 1000));
                double readyPct = 100 * vm.readyMicros() / micros;
                cpu.put("readyPct", round(readyPct));
                cpu.put("stealPct", round(readyPct / vm.vcpus()));
                cpu.put("limitedPct", round(100 * vm.limitedMicros() / micros));
                if (lastMemory != null) {
                    MemorySnapshot.VmMemory m = lastMemory.vm(vm.vmId());
                    ObjectNode memory = node.putObject("memory");
                    memory.put("configuredMib", round(m.configuredMib()));
                    memory.put("consumedMib", round(m.consumedMib()));
                    memory.put("sharedMib", round(m.sharedMib()));
                    memory.put("balloonedMib", round(m.balloonedMib()));
                    memory.put("swappedMib", round(m.swappedMib()));
                    memory.put("grantedMib", round(m.grantedMib()));
                }
                if (lastIo != null) {
                    io(node, vm.vmId());
                }
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The VM's devices, in the scenario's order; nothing when it has none. */
    private void io(ObjectNode vmNode, String vmId) {
        List<IoSnapshot.Device> devices = lastIo.devices().stream().filter(d -> d.vmId().equals(vmId)).toList();
        if (devices.isEmpty()) {
            return;
        }
        ArrayNode io = vmNode.putArray("io");
        for (IoSnapshot.Device d : devices) {
            IoSnapshot.Totals t = d.totals();
            ObjectNode node = io.addObject();
            node.put("id", d.id());
            node.put("device", modeName(d.mode()));
            node.put("requests", t.completed());
            node.put("vmExits", t.exits());
            node.put("dataPathExits", t.dataPathExits());
            node.put("kicks", t.kicks());
            node.put("interrupts", t.interrupts());
            node.put("iops", round(t.iops()));
            node.put("meanLatencyUs", round(t.meanLatencyNanos() / 1000));
            node.put("p99LatencyUs", round(t.latencyP99Nanos() / 1000.0));
        }
    }

    private static String modeName(IoMode mode) {
        if (mode instanceof IoMode.Emulated) {
            return "emulated";
        }
        return mode instanceof IoMode.Virtio ? "virtio" : "passthrough";
    }

    /** Six decimals: below anything a lesson shows, and stable text. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
