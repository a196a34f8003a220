package org.virtlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.virtlab.engine.model.CpuTopology;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * Writes scenarios in the file format {@link ScenarioReader} reads: fields in a fixed order, two-space
 * indents, {@code \n} line ends whatever the platform, so the same scenario always gives the same bytes.
 */
public final class ScenarioWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER;
    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?";
    private static final Pattern NUMBER_LIST =
            Pattern.compile("\\[\\n\\s*(" + NUMBER + "(?:,\\n\\s*" + NUMBER + ")*)\\n\\s*]");

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = JsonMapper.builder().build().writer(printer);
    }

    private ScenarioWriter() {
    }

    /**
     * The scenario as pretty-printed JSON, ending with a newline.
     *
     * @throws IllegalArgumentException if a position on the canvas is NaN or infinite (JSON cannot hold it)
     */
    public static String toJson(Scenario scenario) {
        ObjectNode root = NODES.objectNode();
        root.put("format", ScenarioMapper.FORMAT);
        root.put("version", ScenarioMapper.VERSION);
        LessonJson.writeText(root, "title", scenario.title());
        LessonJson.writeText(root, "goal", scenario.goal());
        LessonJson.writeSteps(root, scenario.steps());
        root.put("seed", scenario.seed());
        root.put("tickMicros", scenario.tickMicros());
        LessonJson.writeDuration(root, scenario.durationMicros());
        LessonJson.writeMigration(root, scenario.migration());
        ArrayNode hosts = root.putArray("hosts");
        for (HostSpec host : scenario.hosts()) {
            hosts.add(host(host));
        }
        NetworkJson.writeNetworks(root, scenario.networks());
        NetworkJson.writeSwitches(root, scenario.switches());
        ArrayNode vms = root.putArray("vms");
        for (VmSpec vm : scenario.vms()) {
            vms.add(vm(vm));
        }
        DeviceJson.write(root, scenario.devices());
        TranslationJson.write(root, scenario.translation());
        LessonJson.writeView(root, scenario.view());
        LessonJson.writeHelp(root, scenario.help());
        try {
            return inlineNumberLists(WRITER.writeValueAsString(root)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree could not be written to a string", e);
        }
    }

    /**
     * Puts lists of numbers (pinned logical CPUs, a trace's points) on one line, {@code [0, 1]}, where the
     * pretty printer gives each number its own line. Only line breaks the printer wrote can match: inside strings they are
     * escaped, so texts are never touched. Files without such lists keep their bytes.
     */
    static String inlineNumberLists(String json) {
        return NUMBER_LIST.matcher(json).replaceAll(m -> "[" + m.group(1).replaceAll(",\\n\\s*", ", ") + "]");
    }

    /**
     * Writes the scenario to {@code file} atomically: into a temporary file in the same folder, flushed to
     * the disk, then moved over {@code file}. If anything fails, {@code file} is as it was and the
     * temporary file is gone.
     */
    public static void write(Scenario scenario, Path file) throws IOException {
        byte[] bytes = toJson(scenario).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        // Not Files.createTempFile: that makes the file private (0600) and the move would pass that on.
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            removeStaleTemps(folder, target.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** How old another save's temporary file must be before a save takes it for a leftover. */
    static final Duration STALE_TEMP = Duration.ofMinutes(10);

    /**
     * Deletes temporary files of earlier saves of the same file that were killed before they could clean
     * up (a crash, a power cut). Only old ones: a young one may belong to a save still going on.
     */
    private static void removeStaleTemps(Path folder, String name) {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "." + name + ".*.tmp")) {
            for (Path t : temps) {
                try {
                    if (Files.getLastModifiedTime(t).toInstant().isBefore(before)) {
                        Files.deleteIfExists(t);
                    }
                } catch (IOException e) {
                    // another process may hold or have removed it: not this save's business
                }
            }
        } catch (IOException | RuntimeException e) {
            // the save itself succeeded; a leftover can go next time
        }
    }

    /** Gives the new file the permissions of the one it replaces, where the file system has them. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.isRegularFile(target)
                && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    private static ObjectNode host(HostSpec host) {
        ObjectNode node = NODES.objectNode();
        node.put("id", host.id());
        node.put("name", host.name());
        CpuTopology cpu = host.cpu();
        ObjectNode cpuNode = node.putObject("cpu");
        cpuNode.put("sockets", cpu.sockets());
        cpuNode.put("coresPerSocket", cpu.coresPerSocket());
        cpuNode.put("threadsPerCore", cpu.threadsPerCore());
        cpuNode.put("mhzPerCore", cpu.mhzPerCore());
        CpuJson.writePolicy(host.cpuPolicy(), node);
        node.put("memoryMib", host.memoryMib());
        MemoryJson.writePolicy(host.memoryPolicy(), node);
        position(node, host.x(), host.y());
        return node;
    }

    private static ObjectNode vm(VmSpec vm) {
        ObjectNode node = NODES.objectNode();
        node.put("id", vm.id());
        node.put("name", vm.name());
        node.put("host", vm.hostId());
        node.put("vcpus", vm.vcpus());
        node.put("memoryMib", vm.memoryMib());
        WorkloadJson.write(vm.workload(), node.putObject("workload"));
        CpuJson.writeQos(vm.cpuQos(), node);
        PinningJson.write(vm.pinning(), node);
        NetworkJson.writeNics(node, vm.nics());
        if (Double.compare(vm.dirtyMibPerSecond(), VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND) != 0) {
            Json.putNumber(node, "dirtyMibPerSecond", vm.dirtyMibPerSecond());
        }
        MemoryJson.writeQos(vm.memoryQos(), node);
        MemoryJson.writeActivity(vm.memoryActivity(), node);
        position(node, vm.x(), vm.y());
        return node;
    }

    /** Writes {@code "position": {"x": .., "y": ..}}. */
    static void position(ObjectNode owner, double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            // JSON has no NaN or infinity; a file written with them could never be read back.
            throw new IllegalArgumentException("position must be finite, was (" + x + ", " + y + ")");
        }
        ObjectNode position = owner.putObject("position");
        Json.putNumber(position, "x", x);
        Json.putNumber(position, "y", y);
    }
}
