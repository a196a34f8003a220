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
import org.virtlab.engine.model.Scenario;

/**
 * Collects what {@code virtlab run} reports and writes it as {@code summary.json} (its schema: scenarios/README.md,
 * "summary.json"): per VM the CPU averages over the whole run (from the engine's cumulative counters) and its memory
 * at the end, per host the average CPU capacity and use and its memory at the end; per VM with I/O devices, each device's totals over the run
 * ({@code io}, absent when the scenario has no devices). Same scenario and seed ⇒ same bytes.
 */
public final class RunSummary implements SimulationObserver {
    private final List<String> hostIds = new ArrayList<>();
    private double[] capacityMhzMicros = new double[0];
    private double[] lastCapacityMhz = new double[0];
    private long lastMicros;

    /**
     * A summary observing {@code simulation} from now on, as often as the hosts' capacity can change: every tick when
     * a host of {@code scenario} has hyper-threading (its capacity follows how many threads are busy), else every
     * {@link RunRecorder#SAMPLE_MICROS} (cores × clock, constant: a snapshot per tick would only cost time).
     */
    public static RunSummary attach(Simulation simulation, Scenario scenario) {
        RunSummary summary = new RunSummary();
        boolean varies = scenario.hosts().stream().anyMatch(h -> h.cpu().threadsPerCore() > 1);
        simulation.addObserver(summary, varies ? simulation.tickMicros() : RunRecorder.SAMPLE_MICROS);
        return summary;
    }

    /** An independent summary that has observed what this one has (to go on from here on another timeline). */
    public RunSummary copy() {
        RunSummary c = new RunSummary();
        c.hostIds.addAll(hostIds);
        c.capacityMhzMicros = capacityMhzMicros.clone();
        c.lastCapacityMhz = lastCapacityMhz.clone();
        c.lastMicros = lastMicros;
        return c;
    }

    /**
     * Integrates each host's capacity since the last call at its value now: exact when called every tick (the
     * capacity holds for the tick that just ended) or when it does not change.
     */
    @Override
    public void onTick(SimulationSnapshot snapshot) {
        CpuSnapshot cpu = snapshot.find(CpuSnapshot.class).orElseThrow(
                () -> new IllegalStateException("the simulation has no CPU subsystem"));
        if (capacityMhzMicros.length != cpu.hosts().size()) {
            capacityMhzMicros = new double[cpu.hosts().size()];
            lastCapacityMhz = new double[cpu.hosts().size()];
            hostIds.clear();
            cpu.hosts().forEach(h -> hostIds.add(h.hostId()));
        }
        long span = snapshot.nowMicros() - lastMicros;
        for (int h = 0; h < capacityMhzMicros.length; h++) {
            lastCapacityMhz[h] = cpu.hosts().get(h).capacityMhz();
            capacityMhzMicros[h] += lastCapacityMhz[h] * span;
        }
        lastMicros = snapshot.nowMicros();
    }

    /**
     * The summary of the run so far as JSON: the counters read from the simulation now, the capacity integrated up to
     * now (the part since the last observation at the capacity then).
     */
    public String toJson(Simulation simulation) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        SimulationSnapshot now = simulation.snapshot();
        CpuSnapshot last = now.find(CpuSnapshot.class).orElse(null);
        MemorySnapshot lastMemory = now.find(MemorySnapshot.class).orElse(null);
        IoSnapshot lastIo = now.find(IoSnapshot.class).orElse(null);
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
                cpu.put("capacityGhz", round(capacityMhzMicros(h, host, simulation.nowMicros()) / micros / 1000));
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
                    io(node, vm.vmId(), lastIo);
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
    private static void io(ObjectNode vmNode, String vmId, IoSnapshot lastIo) {
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

    /** Host {@code h}'s capacity integrated up to {@code nowMicros}: observed, then the rest at the last value. */
    private double capacityMhzMicros(int h, CpuSnapshot.HostCpu host, long nowMicros) {
        if (h >= capacityMhzMicros.length || !hostIds.get(h).equals(host.hostId())) {
            return host.capacityMhz() * nowMicros; // never observed: the capacity now, all along
        }
        return capacityMhzMicros[h] + lastCapacityMhz[h] * (nowMicros - lastMicros);
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
