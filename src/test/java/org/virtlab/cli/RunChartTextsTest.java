package org.virtlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.virtlab.text.Bundles;
import org.virtlab.ui.i18n.I18n;

/**
 * The command line's charts carry the window's words: each {@code run.chart.*} text of the command-line bundle reads
 * as the window's key it copies, in English and in Chinese (the command line may not load the window's bundle).
 */
class RunChartTextsTest {
    private static final Map<String, String> WINDOW_KEYS = Map.ofEntries(
            Map.entry("run.chart.cpu.title", "cpu.chart.title"), Map.entry("run.chart.cpu.time", "cpu.chart.time"),
            Map.entry("run.chart.cpu.ghz", "cpu.chart.ghz"),
            Map.entry("run.chart.cpu.entitlement", "cpu.chart.entitlement"),
            Map.entry("run.chart.cpu.demand", "cpu.chart.demand"),
            Map.entry("run.chart.cpu.capacity", "cpu.chart.capacity"),
            Map.entry("run.chart.memory.title", "overcommit.chart.title"),
            Map.entry("run.chart.memory.hostTitle", "overcommit.chart.hostTitle"),
            Map.entry("run.chart.memory.time", "overcommit.chart.time"),
            Map.entry("run.chart.memory.mib", "overcommit.chart.mib"),
            Map.entry("run.chart.memory.configured", "overcommit.chart.configured"),
            Map.entry("run.chart.memory.private", "overcommit.private"),
            Map.entry("run.chart.memory.shared", "overcommit.shared"),
            Map.entry("run.chart.memory.ballooned", "overcommit.ballooned"),
            Map.entry("run.chart.memory.swapped", "overcommit.swapped"),
            Map.entry("run.chart.io.device", "io.device.label"),
            Map.entry("run.chart.io.cost.title", "io.cost.title"), Map.entry("run.chart.io.cost.axis", "io.cost.axis"),
            Map.entry("run.chart.io.where.guest", "io.where.guest"), Map.entry("run.chart.io.where.exit", "io.where.exit"),
            Map.entry("run.chart.io.where.host", "io.where.host"),
            Map.entry("run.chart.io.where.device", "io.where.device"),
            Map.entry("run.chart.io.where.wait", "io.where.wait"),
            Map.entry("run.chart.io.occupancy.title", "io.occupancy.title"),
            Map.entry("run.chart.io.occupancy.time", "io.occupancy.time"),
            Map.entry("run.chart.io.occupancy.axis", "io.occupancy.axis"),
            Map.entry("run.chart.io.occupancy.ceiling", "io.occupancy.ceiling"),
            Map.entry("run.chart.io.occupancy.ceiling.off", "io.occupancy.ceiling.off"));

    @Test
    void theChartsSpeakTheWindowsWords() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle cli = Bundles.load(VirtLabCommand.class, "messages", locale);
            I18n window = new I18n(locale);
            for (Map.Entry<String, String> e : WINDOW_KEYS.entrySet()) {
                // as each side uses it: the command line formats every text; the window formats those with
                // placeholders and shows the others as they are (so its apostrophes are single, ours doubled)
                Object[] args = {"A", "B"};
                String ours = new MessageFormat(cli.getString(e.getKey()), Locale.ROOT).format(args);
                String raw = window.get(e.getValue());
                String theirs = raw.contains("{") ? window.format(e.getValue(), args) : raw;
                assertEquals(theirs, ours, locale + " " + e.getKey());
            }
        }
    }
}
