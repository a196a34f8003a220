package org.virtlab.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #10: "A test fails when a key is missing from either bundle, when a bundle has a key nobody uses, or when a
 * view sets a literal user-visible string". For each bundle family (the window's, the command line's, the scenario
 * reader's and the CPU derivation texts) English and Chinese have the same keys, each key is used by the code,
 * the views pass no literal text to the controls, and no Java source holds Chinese text. Failures name the key, the
 * file and the line.
 *
 * <p>A key is used when the code has it as a whole string literal, or when it is built at run time by one of the
 * {@link #DYNAMIC} patterns (a literal prefix joined with an enum or id, each listed with the class that builds it,
 * which this test checks still holds the prefix), or when it is a used key plus one of the {@link #SUFFIXES} the code
 * appends (again with the class that appends it).
 */
class BundleCompletenessTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/virtlab");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CODE = SOURCES.resolve("org/virtlab");

    /** Family name → its folder and base name under src/main/resources/org/virtlab. */
    private static final Map<String, String> FAMILIES = Map.of(
            "ui", "ui/i18n/messages",
            "cli", "cli/messages",
            "scenario", "scenario/messages",
            "derivation", "text/derivation",
            "events", "text/events",
            "exercise", "experiment/exercise/exercise");

    /** A key built at run time: {@code family} keys matching {@code keys}, built in {@code site} from {@code literal}. */
    private record Dynamic(String family, String prefix, String tail, String site) {
        Dynamic(String family, String prefix, String site) {
            this(family, prefix, "[A-Za-z0-9_]+", site);
        }

        boolean matches(String family, String key) {
            return this.family.equals(family) && key.startsWith(prefix) && key.substring(prefix.length()).matches(tail);
        }
    }

    /** A suffix the code appends to a key it already has ({@code key + ".help"}), in {@code site}. */
    private record Suffix(String suffix, String site) {
    }

    private static final List<Dynamic> DYNAMIC = List.of(
            // the window
            new Dynamic("ui", "tab.", "ui/shell/ShellView.java"), // tab("cpu", ...): "tab." + id
            new Dynamic("ui", "language.", "ui/shell/MainMenu.java"), // "language." + locale.getLanguage()
            new Dynamic("ui", "help.seeing.", "ui/help/HelpPanelViewModel.java"),
            new Dynamic("ui", "help.try.", "ui/help/HelpPanelViewModel.java"),
            new Dynamic("ui", "shortcuts.mouse.", "[0-9]+\\.(action|keys)", "ui/shell/ShortcutsDialog.java"),
            new Dynamic("ui", "device.kind.", "ui/properties/DeviceTemplate.java"),
            new Dynamic("ui", "device.model.", "ui/properties/DeviceEditorModel.java"),
            new Dynamic("ui", "device.requests.", "ui/properties/DeviceEditorModel.java"), // label(choice): prefix by type
            new Dynamic("ui", "device.loop.", "ui/properties/DeviceEditorModel.java"),
            new Dynamic("ui", "device.backend.", "ui/properties/DeviceEditorModel.java"),
            new Dynamic("ui", "io.suppression.", "ui/io/IoView.java"),
            new Dynamic("ui", "io.mark.", "[a-z]+(\\.[a-z]+)*", "ui/io/TimelineData.java"), // EXIT_MMIO → exit.mmio
            new Dynamic("ui", "io.mode.", "ui/io/ModeKind.java"),
            new Dynamic("ui", "io.stage.", "ui/io/IoViewModel.java"),
            new Dynamic("ui", "io.state.", "ui/io/RingCanvas.java"),
            new Dynamic("ui", "memPolicy.sharing.", "ui/properties/HostMemoryPolicyEditorModel.java"),
            new Dynamic("ui", "memory.", "(native|shadow|nested)", "ui/memory/WalkColumnViewModel.java"),
            new Dynamic("ui", "memory.table.", "ui/memory/WalkTexts.java"),
            new Dynamic("ui", "memory.tlb.col.", "ui/memory/TlbPanelView.java"),
            new Dynamic("ui", "memory.tlb.mode.", "ui/memory/TlbViewModel.java"),
            new Dynamic("ui", "memory.tlb.pattern.", "ui/memory/TlbViewModel.java"),
            new Dynamic("ui", "migration.reason.", "ui/topology/MigrationText.java"),
            new Dynamic("ui", "net.drop.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "net.error.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "net.kind.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "net.lookup.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "net.rewrite.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "net.nat.", "ui/network/DeviceTablesModel.java"),
            new Dynamic("ui", "net.reason.", "ui/network/ReachModel.java"),
            new Dynamic("ui", "network.arp.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "network.frame.", "ui/network/NetTexts.java"),
            new Dynamic("ui", "network.protocol.", "ui/network/NetworkViewModel.java"),
            new Dynamic("ui", "network.mode.", "ui/properties/ElementTexts.java"),
            new Dynamic("ui", "new.networkName.", "ui/topology/TopologyViewModel.java"),
            new Dynamic("ui", "topology.net.mode.", "ui/topology/TopologyViewModel.java"),
            new Dynamic("ui", "overcommit.action.", "ui/memory/OvercommitViewModel.java"),
            new Dynamic("ui", "overcommit.col.", "ui/memory/OvercommitView.java"),
            new Dynamic("ui", "overcommit.reason.", "ui/memory/OvercommitViewModel.java"),
            new Dynamic("ui", "overcommit.reclaim.", "ui/memory/OvercommitViewModel.java"),
            new Dynamic("ui", "overcommit.state.", "ui/memory/OvercommitViewModel.java"),
            new Dynamic("ui", "reservationMode.", "ui/properties/HostCpuPolicyEditorModel.java"),
            new Dynamic("ui", "sweep.error.", "ui/sweep/SweepViewModel.java"),
            new Dynamic("ui", "sweep.metric.", "[a-z]+(\\.[a-zA-Z0-9]+)+", "ui/sweep/SweepChoices.java"), // vm.cpu.avgGhz
            new Dynamic("ui", "workload.", "(idle|constant|bursty|periodic|ramp|trace)", "ui/properties/WorkloadEditorModel.java"),
            new Dynamic("ui", "event.kind.", "[A-Z_]+", "ui/events/EventTexts.java"), // "event.kind." + kind.name()
            new Dynamic("ui", "event.topic.", "[A-Z_]+", "ui/events/EventTopic.java"),
            new Dynamic("ui", "exercise.topic.", "ui/exercise/ExerciseViewModel.java"),
            new Dynamic("ui", "menu.view.theme.", "(light|dark)", "ui/shell/MainMenu.java"),
            // the command line
            new Dynamic("cli", "net.drop.", "cli/NetCommands.java"),
            new Dynamic("cli", "net.error.", "cli/NetCommands.java"),
            new Dynamic("cli", "net.lookup.", "cli/NetCommands.java"),
            new Dynamic("cli", "net.rewrite.", "cli/NetCommands.java"),
            new Dynamic("cli", "reach.reason.", "cli/ReachCommand.java"),
            new Dynamic("cli", "trace.arp.", "cli/TraceCommand.java"),
            new Dynamic("cli", "walk.count.", "cli/WalkCommand.java"),
            new Dynamic("cli", "walk.heading.", "cli/WalkCommand.java"),
            new Dynamic("cli", "walk.table.", "cli/WalkCommand.java"),
            new Dynamic("cli", "sweep.error.", "cli/SweepCommand.java"),
            new Dynamic("cli", "exercise.topic.", "cli/ExerciseCommand.java"));

    private static final List<Suffix> SUFFIXES = List.of(
            new Suffix(".help", "ui/properties/EditorForm.java"), // tooltips: key + ".help"
            new Suffix(".tip", "ui/palette/PaletteView.java"),
            new Suffix(".explain", "ui/properties/ElementTexts.java"),
            new Suffix(".sub", "ui/memory/WalkColumnViewModel.java"),
            new Suffix(".does", "ui/memory/OvercommitViewModel.java"),
            new Suffix(".title", "ui/io/RingCanvas.java"), // "io.avail"/"io.used" + ".title", ".flags.help", ...
            new Suffix(".flags.help", "ui/io/RingCanvas.java"),
            new Suffix(".idx.help", "ui/io/RingCanvas.java"),
            new Suffix(".event.help", "ui/io/RingCanvas.java"),
            new Suffix(".consumer.help", "ui/io/RingCanvas.java"),
            new Suffix(".marker.help", "ui/io/RingCanvas.java"));

    /**
     * picocli reads these from the command line's bundle by convention (picocli manual, "Internationalization"):
     * the section headings, and {@code <command path>.usage.header|description} for each {@code @Command}.
     */
    private static final Set<String> PICOCLI_HEADINGS = Set.of("usage.headerHeading", "usage.commandListHeading");
    private static final Pattern PICOCLI_USAGE = Pattern.compile("virtlab(?:\\.([a-z]+))?\\.usage\\.(header|description)");

    /** Icon literal codes (Ikonli's Material Design 2 pack), not text. */
    private static final Pattern ICON = Pattern.compile("mdi2[a-z]-[a-z0-9-]+");
    /** Literals the views may pass although they hold letters: format patterns of numbers, with what they draw. */
    private static final Set<String> FORMATS = Set.of(
            "%.2f s", // GanttCanvas: the time axis in seconds, the SI unit symbol
            "0x%X"); // RingCanvas: a guest-physical address in hexadecimal

    /** The calls that put text on screen, whose arguments must come from the bundle. */
    private static final Pattern TEXT_CALL = Pattern.compile("\\b(setText|setTitle|setPromptText|setHeaderText"
            + "|setContentText|setAccessibleText|fillText|strokeText|new (?:Label|Button|Tooltip|MenuItem|Menu|Tab"
            + "|CheckBox|RadioButton|ToggleButton|TitledPane|CheckMenuItem|RadioMenuItem|Text|Hyperlink|TableColumn"
            + "|ButtonType|Alert))\\s*\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern I18N_CALL = Pattern.compile("\\b(?:i18n|texts|bundle)\\.(?:get|format|getString)\\(\\s*\"[^\"]*\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** A key and the line of the file it is on. */
    private record Entry(String key, int line) {
    }

    private static Map<String, Entry> entries(Path file, List<String> duplicates) {
        Map<String, Entry> keys = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean continued = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            boolean wasContinued = continued;
            continued = trimmed.endsWith("\\") && !trimmed.endsWith("\\\\");
            if (wasContinued || trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            Matcher m = Pattern.compile("^((?:[^=:\\s\\\\]|\\\\.)+)").matcher(trimmed);
            if (m.find()) {
                String key = m.group(1);
                Entry earlier = keys.putIfAbsent(key, new Entry(key, i + 1));
                if (earlier != null) {
                    duplicates.add(file + ":" + (i + 1) + ": " + key + " (also on line " + earlier.line() + ")");
                }
            }
        }
        return keys;
    }

    private static Path english(String family) {
        return RESOURCES.resolve(FAMILIES.get(family) + ".properties");
    }

    private static Path chinese(String family) {
        return RESOURCES.resolve(FAMILIES.get(family) + "_zh.properties");
    }

    private static Map<Path, String> javaSources() {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.put(p, Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static Set<String> literals(Iterable<String> texts) {
        Set<String> all = new TreeSet<>();
        for (String text : texts) {
            Matcher m = LITERAL.matcher(text);
            while (m.find()) {
                all.add(m.group(1));
            }
        }
        return all;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ui", "cli", "scenario", "derivation"})
    void everyKeyIsInBothLanguagesOnce(String family) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> en = entries(english(family), problems);
        Map<String, Entry> zh = entries(chinese(family), problems);
        for (Entry e : en.values()) {
            if (!zh.containsKey(e.key())) {
                problems.add(english(family) + ":" + e.line() + ": " + e.key() + " is missing from " + chinese(family));
            }
        }
        for (Entry e : zh.values()) {
            if (!en.containsKey(e.key())) {
                problems.add(chinese(family) + ":" + e.line() + ": " + e.key() + " is missing from " + english(family));
            }
        }
        assertEquals(List.of(), problems, "keys in one language only, or twice in a file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ui", "cli", "scenario", "derivation"})
    void everyKeyIsUsed(String family) {
        Set<String> literals = literals(javaSources().values());
        Set<String> commands = commandNames();
        List<String> unused = new ArrayList<>();
        for (Entry e : entries(english(family), new ArrayList<>()).values()) {
            if (!used(family, e.key(), literals, commands)) {
                unused.add(english(family) + ":" + e.line() + ": " + e.key());
            }
        }
        assertEquals(List.of(), unused, "keys no code uses: remove them from both languages, or list the code that"
                + " builds them in BundleCompletenessTest.DYNAMIC");
    }

    private static boolean used(String family, String key, Set<String> literals, Set<String> commands) {
        if (literals.contains(key) || DYNAMIC.stream().anyMatch(d -> d.matches(family, key))) {
            return true;
        }
        if ("cli".equals(family)) {
            Matcher m = PICOCLI_USAGE.matcher(key);
            if (PICOCLI_HEADINGS.contains(key) || m.matches() && (m.group(1) == null || commands.contains(m.group(1)))) {
                return true;
            }
        }
        for (Suffix s : SUFFIXES) {
            if ("ui".equals(family) && key.endsWith(s.suffix()) && key.length() > s.suffix().length()
                    && used(family, key.substring(0, key.length() - s.suffix().length()), literals, commands)) {
                return true;
            }
        }
        return false;
    }

    /** The names of the command line's sub-commands, from their {@code @Command(name = ...)}. */
    private static Set<String> commandNames() {
        Set<String> names = new TreeSet<>();
        Pattern command = Pattern.compile("@Command\\(name = \"([a-z]+)\"");
        javaSources().forEach((path, text) -> {
            if (path.startsWith(CODE.resolve("cli"))) {
                Matcher m = command.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    /** Each dynamic prefix and suffix is still built where the list says: otherwise the list would hide dead keys. */
    @Test
    void everyListedDynamicKeyIsBuiltWhereTheListSays() throws IOException {
        List<String> stale = new ArrayList<>();
        for (Dynamic d : DYNAMIC) {
            if (!Files.readString(CODE.resolve(d.site())).contains("\"" + d.prefix() + "\"")) {
                stale.add(d.site() + " no longer has \"" + d.prefix() + "\"");
            }
        }
        for (Suffix s : SUFFIXES) {
            if (!Files.readString(CODE.resolve(s.site())).contains("\"" + s.suffix() + "\"")) {
                stale.add(s.site() + " no longer has \"" + s.suffix() + "\"");
            }
        }
        assertEquals(List.of(), stale);
    }

    /**
     * The views put no literal text on screen: every literal with a letter in the arguments of a text-setting call in
     * src/main/java/org/virtlab/ui is a bundle key passed to i18n, a key chosen by a condition, an icon code or one of
     * {@link #FORMATS}.
     */
    @Test
    void viewsSetNoLiteralText() {
        Set<String> uiKeys = entries(english("ui"), new ArrayList<>()).keySet();
        List<String> literalTexts = new ArrayList<>();
        javaSources().forEach((path, text) -> {
            if (!path.startsWith(CODE.resolve("ui"))) {
                return;
            }
            Matcher call = TEXT_CALL.matcher(text);
            while (call.find()) {
                String args = I18N_CALL.matcher(arguments(text, call.end())).replaceAll("");
                Matcher lit = LITERAL.matcher(args);
                while (lit.find()) {
                    String s = lit.group(1);
                    boolean hasLetter = s.replaceAll("\\\\.", "").codePoints().anyMatch(Character::isLetter);
                    boolean allowed = uiKeys.contains(s) || ICON.matcher(s).matches() || FORMATS.contains(s)
                            || SUFFIXES.stream().anyMatch(x -> x.suffix().equals(s));
                    if (hasLetter && !allowed) {
                        literalTexts.add(path + ":" + lineOf(text, call.start()) + ": " + call.group(1) + "(\"" + s
                                + "\"): put the text in both bundles and use i18n.get");
                    }
                }
            }
        });
        assertEquals(List.of(), literalTexts);
    }

    /** The text between the parenthesis at {@code start - 1} and its closing one, string literals skipped whole. */
    private static String arguments(String text, int start) {
        int depth = 1;
        int i = start;
        while (i < text.length() && depth > 0) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '\'') {
                i += text.charAt(i + 1) == '\\' ? 3 : 2;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return text.substring(start, Math.max(start, i - 1));
    }

    /** Chinese text lives in the bundles (and lesson files) only, never in Java sources, code or comments. */
    @Test
    void noJavaSourceHoldsChineseText() {
        List<String> found = new ArrayList<>();
        javaSources().forEach((path, text) -> {
            Matcher m = HAN.matcher(text);
            while (m.find()) {
                found.add(path + ":" + lineOf(text, m.start()) + ": " + m.group());
            }
        });
        assertEquals(List.of(), found);
    }

    /** The checks above would pass on nothing: make sure they read the real files. */
    @Test
    void theBundlesAndSourcesAreRead() {
        assertTrue(entries(english("ui"), new ArrayList<>()).size() > 1000, "ui bundle read");
        assertTrue(entries(english("scenario"), new ArrayList<>()).containsKey("help.empty"), "scenario bundle read");
        assertTrue(javaSources().size() > 100, "sources read");
        assertTrue(commandNames().containsAll(Set.of("check", "run", "walk")), commandNames().toString());
    }
}
