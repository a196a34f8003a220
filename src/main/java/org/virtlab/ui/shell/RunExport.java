package org.virtlab.ui.shell;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.virtlab.charts.ChartExport;
import org.virtlab.charts.IoCostChart;
import org.virtlab.charts.IoOccupancyChart;
import org.virtlab.charts.MemoryStateChart;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.experiment.EventCsv;
import org.virtlab.text.EventText;
import org.virtlab.engine.model.Scenario;

/**
 * File › Export › This run: a folder with every chart of the run (PNG, SVG and the CSV of its data),
 * {@code summary.json} as {@code virtlab run} writes it, {@code events.csv} (the run's events), a picture of the topology and the scenario itself. The
 * folder is filled under a hidden temporary name beside it and renamed when complete, so a folder with the
 * final name is always whole; a failure removes the temporary one.
 */
final class RunExport {
    /** The layout size of every chart in the folder: the 16:9 of a projector. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    /** A chart's files, drawn on the FX thread (the charts are fed there) and written on another. */
    record Chart(String baseName, BufferedImage png, String svg, String csv) {
        /** Draws the chart as it is now. */
        static Chart of(String baseName, JFreeChart chart) {
            return new Chart(baseName, ChartExport.image(chart, WIDTH, HEIGHT, 1),
                    ChartExport.svgDocument(chart, WIDTH, HEIGHT), ChartExport.csv(chart));
        }
    }

    /**
     * Everything the folder holds, ready to write.
     *
     * @param events    the run's events up to now, written as {@code events.csv} described by {@code eventText}
     */
    record Contents(List<Chart> charts, String summaryJson, BufferedImage topology, String scenarioJson,
                    List<SimEvent> events, EventText eventText) {
        Contents {
            charts = List.copyOf(charts);
            events = List.copyOf(events);
        }
    }

    private RunExport() {
    }

    /**
     * Draws the run's charts: {@code cpu-usage}; per host {@code memory-<host id>}, the memory chart showing that
     * host's VMs (the chart shows the host in focus again afterwards); {@code io-cost} and {@code io-occupancy}
     * when the scenario has I/O devices.
     *
     * @param vmHost    the host each VM runs on now, by VM id (a live migration moves it)
     * @param hostTitle the memory chart's title for a host's name
     */
    static List<Chart> charts(Scenario scenario, JFreeChart cpu, MemoryStateChart memory, Map<String, String> vmHost,
                              Function<String, String> hostTitle, IoCostChart ioCost, IoOccupancyChart occupancy) {
        List<Chart> out = new ArrayList<>();
        out.add(Chart.of("cpu-usage", cpu));
        List<Integer> shown = memory.shownVms();
        String title = memory.chart().getTitle().getText();
        try {
            for (HostSpec host : scenario.hosts()) {
                List<Integer> here = new ArrayList<>();
                for (int i = 0; i < scenario.vms().size(); i++) {
                    String vmId = scenario.vms().get(i).id();
                    if (host.id().equals(vmHost.getOrDefault(vmId, scenario.vms().get(i).hostId()))) {
                        here.add(i);
                    }
                }
                memory.show(here);
                memory.setTitle(hostTitle.apply(host.name()));
                out.add(Chart.of("memory-" + host.id(), memory.chart()));
            }
        } finally {
            memory.show(shown);
            memory.setTitle(title);
        }
        if (!scenario.devices().isEmpty()) {
            out.add(Chart.of("io-cost", ioCost.chart()));
            out.add(Chart.of("io-occupancy", occupancy.chart()));
        }
        return out;
    }

    /**
     * Writes the folder {@code parent/name}, or {@code parent/name (2)} and so on when that name is taken.
     *
     * @return the folder written
     */
    static Path write(Path parent, String name, Contents contents) throws IOException {
        Files.createDirectories(parent);
        // Not Files.createTempDirectory: that folder is private (rwx------) and it becomes the export itself.
        Path tmp = Files.createDirectory(parent.resolve(".virtlab-run-" + UUID.randomUUID()));
        try {
            for (Chart c : contents.charts()) {
                ChartExport.png(c.png(), tmp.resolve(c.baseName() + ".png"));
                ChartExport.text(c.svg(), tmp.resolve(c.baseName() + ".svg"));
                ChartExport.text(c.csv(), tmp.resolve(c.baseName() + ".csv"));
            }
            Files.writeString(tmp.resolve("summary.json"), contents.summaryJson(), StandardCharsets.UTF_8);
            if (contents.topology() != null) {
                ChartExport.png(contents.topology(), tmp.resolve("topology.png"));
            }
            Files.writeString(tmp.resolve("scenario.json"), contents.scenarioJson(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(EventCsv.FILE), EventCsv.csv(contents.events(), contents.eventText()),
                    StandardCharsets.UTF_8);
            return rename(tmp, parent, name);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /** Moves the finished folder to the first free name: a rename, atomic on one file system. */
    private static Path rename(Path tmp, Path parent, String name) throws IOException {
        for (int n = 1; ; n++) {
            Path target = parent.resolve(n == 1 ? name : name + " (" + n + ")");
            if (Files.exists(target)) {
                continue;
            }
            try {
                return Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // someone took the name in between: try the next
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
