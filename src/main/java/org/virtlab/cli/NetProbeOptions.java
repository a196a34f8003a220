package org.virtlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scenario and the probe's protocol and port, as {@code virtlab trace} and {@code virtlab reach} take them (a
 * picocli mixin), and their checks: a bad protocol, a port out of range, a scenario that cannot be read or a network
 * the engine refuses is reported on standard error, in that order, and stops the command.
 */
final class NetProbeOptions {
    @Parameters(index = "0", paramLabel = "SCENARIO", descriptionKey = "net.scenario")
    Path scenarioFile;

    @Option(names = "--proto", paramLabel = "PROTO", defaultValue = "icmp", descriptionKey = "net.proto")
    String proto;

    @Option(names = "--port", paramLabel = "P", descriptionKey = "net.port")
    Integer port;

    /** The scenario's network, and the protocol and destination port a probe uses on it (0 for ICMP). */
    record Probe(NetTopology topology, Protocol protocol, int port) {
    }

    /** The probe these options describe; empty, with the reason printed through {@code command}, if they are wrong. */
    Optional<Probe> probe(LocalizedCommand command) {
        Optional<Protocol> protocol = NetCommands.protocol(command, proto);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        int dstPort = NetCommands.port(command, protocol.get(), port);
        if (dstPort < 0) {
            return Optional.empty();
        }
        return command.readScenario(scenarioFile)
                .flatMap(s -> NetCommands.topology(command, s))
                .map(topology -> new Probe(topology, protocol.get(), dstPort));
    }
}
