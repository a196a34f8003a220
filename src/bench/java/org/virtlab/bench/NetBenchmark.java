package org.virtlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.virtlab.engine.cpu.Workload;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.NetworkMode;
import org.virtlab.engine.model.NetworkSpec;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.PortGroupSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.SwitchSpec;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;

/**
 * The reachability matrix of 200 endpoints (issue #7: 40,000 traces, request and reply, in under 2 s): 8 hosts,
 * each with a NAT network of 10 guests, a routed one of 5 (with the LAN router's route), a bridged one of 3 and
 * an isolated one of 2, and a distributed switch over all of them with 30 guests in 3 VLANs; plus the 8 hosts,
 * the LAN machine and the Internet server. One operation is one whole matrix on a fresh network state.
 *
 * <p>Run with {@code mvn -B -o -Pbench verify -DskipTests -Djmh.args="-f 1 -wi 2 -w 1s -i 5 -r 1s NetBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetBenchmark {
    static final int HOSTS = 8;
    private NetTopology topology;

    @Setup
    public void setUp() {
        List<HostSpec> hosts = new ArrayList<>();
        List<NetworkSpec> networks = new ArrayList<>();
        List<VmSpec> vms = new ArrayList<>();
        List<String> hostIds = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            String host = "host" + h;
            hostIds.add(host);
            hosts.add(new HostSpec(host, host, new CpuTopology(2, 16, 2, 2_000), 262_144, 0, 0));
            networks.add(new NetworkSpec("nat" + h, null, host, NetworkMode.NAT, "192.168.122.0/24", "virbr0", 0, 0));
            networks.add(new NetworkSpec("routed" + h, null, host, NetworkMode.ROUTED, "192.168." + (100 + h) + ".0/24",
                    "virbr1", true, 0, 0));
            networks.add(new NetworkSpec("iso" + h, null, host, NetworkMode.ISOLATED, "192.168.150.0/24", "virbr2", 0, 0));
            networks.add(new NetworkSpec("br" + h, null, host, NetworkMode.BRIDGED, null, "br0", 0, 0));
            add(vms, host, "nat" + h, 10);
            add(vms, host, "routed" + h, 5);
            add(vms, host, "br" + h, 3);
            add(vms, host, "iso" + h, 2);
        }
        SwitchSpec dvs = new SwitchSpec("dvs1", null, hostIds, List.of(new PortGroupSpec("pg10", null, 10),
                new PortGroupSpec("pg20", null, 20), new PortGroupSpec("pg30", null, 30)), 0, 0);
        for (int i = 0; i < 30; i++) {
            vms.add(vm("d" + i, hostIds.get(i % HOSTS), NicSpec.toPortGroup("pg" + (10 + 10 * (i % 3)))));
        }
        Scenario scenario = new Scenario(LocalizedText.EMPTY, LocalizedText.EMPTY, List.of(), 1, 1_000,
                Scenario.DEFAULT_DURATION_MICROS, hosts, vms, networks, List.of(dvs), null, null);
        topology = NetTopology.of(scenario);
        if (topology.endpoints().size() != 200) {
            throw new IllegalStateException("expected 200 endpoints, got " + topology.endpoints().size());
        }
    }

    private static void add(List<VmSpec> vms, String host, String network, int count) {
        for (int i = 0; i < count; i++) {
            vms.add(vm(network + "-" + i, host, NicSpec.toNetwork(network)));
        }
    }

    private static VmSpec vm(String id, String host, NicSpec nic) {
        return new VmSpec(id, id, host, 1, 512, new Workload.Idle(1), 0, 0).withNics(List.of(nic));
    }

    /** 200 × 200 probes, each a TCP SYN and its SYN-ACK, hop by hop. */
    @Benchmark
    public Reachability matrix200() {
        return Reachability.of(topology, 0, Protocol.TCP, 443);
    }
}
