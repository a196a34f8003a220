package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtlab.scenario.ScenarioFixtures.english;
import static org.virtlab.scenario.ScenarioFixtures.problemsAfter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.migration.MigrationSettings;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.ViewState;

/** Steps, the run's duration, the migration settings and the view state in scenario files. */
class LessonSettingsReaderTest {

    private static Scenario read(Consumer<ObjectNode> change) throws ScenarioException {
        return ScenarioReader.read(ScenarioFixtures.changed(change), "test.json");
    }

    private static void assertProblem(String pointer, String message, Consumer<ObjectNode> change) {
        List<Problem> problems = problemsAfter(change);
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        assertEquals(pointer, problems.get(0).pointer());
        assertEquals(message, english(problems.get(0)));
    }

    @Test
    void absentSettingsTakeTheirDefaults() throws ScenarioException {
        Scenario s = read(root -> { });
        assertEquals(List.of(), s.steps());
        assertEquals(60_000_000, s.durationMicros()); // issue #4: 60 s unless the file says
        assertEquals(MigrationSettings.QEMU_DEFAULTS, s.migration()); // QEMU: 128 MiB/s, 300 ms
        assertEquals(ViewState.DEFAULT, s.view());
        assertEquals(List.of(), s.networks());
        assertEquals(List.of(), s.switches());
        assertEquals(16, s.vm("web").orElseThrow().dirtyMibPerSecond()); // VmSpec.DEFAULT_DIRTY_MIB_PER_SECOND
    }

    @Test
    void readsStepsDurationMigrationAndView() throws ScenarioException {
        Scenario s = read(root -> {
            root.putArray("steps").addObject().put("en", "Play").put("zh", "运行");
            root.put("durationSeconds", 86_400);
            root.putObject("migration").put("downtimeLimitMillis", 30);
            root.putObject("view").put("tab", "network").put("zoom", 0.1);
        });
        assertEquals(List.of(LocalizedText.of("Play", "运行")), s.steps());
        assertEquals(86_400_000_000L, s.durationMicros()); // 24 h, the longest run
        assertEquals(new MigrationSettings(128, 30, 30), s.migration());
        assertEquals(new ViewState("network", 0.1), s.view());
    }

    @Test
    void aStepWithoutTextIsRefused() {
        assertProblem("/steps/0", "a step needs text in at least one language, \"en\" or \"zh\"",
                root -> root.putArray("steps").addObject().put("en", ""));
        assertProblem("/steps/0/de", "unknown field \"de\"; allowed: en, zh",
                root -> root.putArray("steps").addObject().put("en", "Play").put("de", "Spielen"));
    }

    @Test
    void theDurationIsWholeSecondsFromOneToADay() {
        assertProblem("/durationSeconds", "must be 1–86400 s, was 0", root -> root.put("durationSeconds", 0));
        assertProblem("/durationSeconds", "must be a whole number of s from 1 to 86400, was 1.5",
                root -> root.put("durationSeconds", 1.5));
    }

    @Test
    void migrationSettingsAreCheckedByName() {
        // MigrationSettings: bandwidth 1–100000 MiB/s, downtime limit 1–60000 ms, 1–1000 rounds
        assertProblem("/migration/bandwidthMibPerSecond", "must be 1–100000 MiB/s, was 0",
                root -> root.putObject("migration").put("bandwidthMibPerSecond", 0));
        assertProblem("/migration/maxRounds", "must be an integer between 1 and 1000, was 1001",
                root -> root.putObject("migration").put("maxRounds", 1001));
        assertProblem("/migration/downtime", "unknown field \"downtime\"; allowed: bandwidthMibPerSecond, "
                + "downtimeLimitMillis, maxRounds", root -> root.putObject("migration").put("downtime", 300));
    }

    @Test
    void theViewNamesATabOfTheWindow() {
        assertProblem("/view/tab", "unknown tab \"disk\"; allowed: topology, cpu, memory, io, network",
                root -> root.putObject("view").put("tab", "disk"));
        assertProblem("/view/zoom", "must be a number between 0.1 and 4, was 5",
                root -> root.putObject("view").put("zoom", 5));
        // ViewState.MEMORY_VIEWS: the Memory tab's two parts
        assertProblem("/view/memoryView", "unknown part of the Memory tab \"swap\"; allowed: translation, overcommit",
                root -> root.putObject("view").put("memoryView", "swap"));
    }

    @Test
    void theViewMayOpenTheMemoryTabOnItsOvercommitPart() throws ScenarioException {
        Scenario s = read(root -> root.putObject("view").put("tab", "memory").put("memoryView", "overcommit"));
        assertEquals(new ViewState("memory", 1, "overcommit"), s.view());
    }

    @Test
    void theDirtyRateIsZeroToAHundredThousandMibPerSecond() {
        assertProblem("/vms/0/dirtyMibPerSecond", "must be a number between 0 and 100000, was -1",
                root -> ScenarioFixtures.at(root, "/vms/0").put("dirtyMibPerSecond", -1));
    }
}
