package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.migration.StartMigration;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.cpu.GanttData;
import org.virtlab.ui.events.EventTopic;
import org.virtlab.ui.events.EventsViewModel;
import org.virtlab.ui.shell.ShellView;

/**
 * The Events panel in the window (issue #9, "Filters and highlighting via TestFX on a lesson of each topic"): shown
 * from the tool bar, filtered to one topic, an event clicked puts the run just after it, Back steps to the previous
 * one, and a vCPU switch is pointed at in the CPU tab's Gantt. Writes {@code events-en.png} and {@code events-zh.png}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventPanelTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private Stage open(String lang, String lessonId) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        var lesson = Lessons.load(lessonId);
        robot.interact(() -> {
            app.shell().openLessonForTest(lesson);
            app.shell().viewModel().pause();
        });
        robot.clickOn("#eventsToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#eventsTable").tryQuery().isPresent()));
        return stage;
    }

    private EventsViewModel events() {
        return app.shell().viewModel().events();
    }

    private void onlyTopic(EventTopic topic) {
        robot.interact(() -> {
            for (EventTopic t : EventTopic.values()) {
                events().setTopicShown(t, t == topic);
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"cpu-shares, CPU, 300000", "mem-zero-pages, MEMORY, 2000000", "io-event-idx, IO, 200000",
            "migration-precopy, MIGRATION, 40000000"})
    void filterToATopicThenClickAnEventAndGoBack(String lessonId, EventTopic topic, long runMicros) throws Exception {
        open("en", lessonId);
        if (topic == EventTopic.MIGRATION) {
            app.runner().runTo(500_000);
            app.runner().submit(new StartMigration("web", "host2")); // the lesson's step 1
        }
        app.runner().runTo(runMicros);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == runMicros
                        && events().shown().stream().anyMatch(e -> EventTopic.of(e.kind()) == topic)));
        int total = events().totalProperty().get();
        onlyTopic(topic);
        WaitForAsyncUtils.waitForFxEvents(3);
        TableView<?> table = robot.lookup("#eventsTable").queryAs(TableView.class);
        int shown = table.getItems().size();
        assertTrue(shown > 1, "events of " + topic + ": " + shown);
        assertTrue(events().shown().stream().allMatch(e -> EventTopic.of(e.kind()) == topic));
        // the count as events.count formats it (MessageFormat groups thousands in English)
        assertTrue(robot.lookup("#eventsCount").queryLabeled().getText().startsWith(
                String.format(java.util.Locale.ENGLISH, "%,d of %,d events shown", shown, total)));

        robot.interact(() -> table.scrollTo(1));
        robot.clickOn(robot.lookup("#eventsTable .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        SimEvent clicked = events().selectedProperty().get();
        assertTrue(clicked != null, "a click selects an event");
        long tick = 1_000; // the lessons' tickMicros: the run is put at the end of the event's tick
        long after = clicked.atMicros() / tick * tick + tick;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == after));
        if (topic == EventTopic.MIGRATION) { // its card below the topology is marked
            robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("topology")));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    robot.lookup(".migration-marked").tryQuery().isPresent()));
            WaitForAsyncUtils.waitForFxEvents(3);
            Screenshots.write(robot, robot.lookup("#eventsTable").query().getScene(), "events-migration-en");
        }
        int index = events().selectedIndexProperty().get();
        if (index > 0) {
            SimEvent previous = events().shown().get(index - 1);
            robot.clickOn("#eventsBack");
            assertEquals(previous, events().selectedProperty().get());
            long back = previous.atMicros() / tick * tick + tick;
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                    app.shell().viewModel().nowMicrosProperty().get() == back));
            assertEquals(index - 1, table.getSelectionModel().getSelectedIndex(), "the table follows");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aSelectedVcpuSwitchIsPointedAtInTheGantt(String lang) throws Exception {
        Stage stage = open(lang, "cpu-pinning"); // 4 logical CPUs: the Gantt's rows are tall enough to see
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("cpu")));
        app.runner().runTo(400_000);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 400_000 && events().totalProperty().get() > 0));
        robot.interact(() -> {
            for (EventKind k : EventKind.values()) {
                events().kindShownProperty(k).set(k == EventKind.VCPU_SWITCH);
            }
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        List<SimEvent> switches = List.copyOf(events().shown());
        assertTrue(switches.size() > 4, "vCPU switches in 0.4 s: " + switches.size());
        int pick = switches.size() - 3;
        robot.interact(() -> events().select(pick));
        SimEvent chosen = switches.get(pick);
        var gantt = robot.lookup("#cpuGantt").queryAs(org.virtlab.ui.cpu.GanttCanvas.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> gantt.highlighted().isPresent()
                && app.shell().viewModel().nowMicrosProperty().get() == chosen.atMicros() / 1000 * 1000 + 1000));
        GanttData.Bar bar = gantt.highlighted().orElseThrow();
        assertEquals(chosen.arg(0), bar.logicalCpu(), "the slice on the event's logical CPU");
        assertEquals(chosen.atMicros(), bar.startMicros(), "the slice that started with the switch");
        assertEquals(chosen.arg(1), bar.vcpu());
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "events-" + lang);
    }

    @org.junit.jupiter.api.Test
    void aSelectedInterruptIsFramedInTheVirtqueue() throws Exception {
        Stage stage = open("en", "io-emulation-vs-virtio"); // a virtio disk beside emulated and passthrough ones
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("io")));
        app.runner().runTo(100_000);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 100_000 && events().totalProperty().get() > 0));
        robot.interact(() -> {
            for (EventKind k : EventKind.values()) {
                events().kindShownProperty(k).set(k == EventKind.INTERRUPT);
            }
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        List<SimEvent> interrupts = List.copyOf(events().shown());
        int pick = -1;
        for (int i = interrupts.size() - 1; i >= 0 && pick < 0; i--) {
            if (interrupts.get(i).arg(0) >= 0) { // a virtio interrupt (−1: a device without a ring)
                pick = i;
            }
        }
        assertTrue(pick > 0, "virtio interrupts in 0.1 s");
        SimEvent chosen = interrupts.get(pick);
        int index = pick;
        robot.interact(() -> events().select(index));
        var ring = robot.lookup("#ioRing").queryAs(org.virtlab.ui.io.RingCanvas.class);
        // the used ring's entry the interrupt announced: slot (used.idx − 1) mod queue size (virtio 1.1 §2.6.8)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> ring.markedSlot() >= 0
                && app.shell().viewModel().io().focusProperty().get().equals(chosen.deviceId())));
        int queueSize = app.shell().viewModel().io().ringProperty().get().queueSize();
        assertEquals(Math.floorMod(chosen.arg(0) - 1, queueSize), ring.markedSlot());
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "events-io-en");
    }
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aSelectedNatRewriteShowsItsHopOnTheWireAndBackForgetsTheLaterConnection(String lang) throws Exception {
        Stage stage = open(lang, "net-nat-port-forward"); // Host 1's NAT network with client1, client2 and web
        var network = app.shell().viewModel().network();
        robot.interact(() -> {
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("network"));
            network.protocolProperty().set(org.virtlab.engine.net.Protocol.TCP);
            network.portTextProperty().set("80");
            network.choosePair("client1:nic0", "lan-pc");
            network.send();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> !network.hops().isEmpty()));
        app.runner().runTo(200_000);
        robot.interact(() -> {
            network.choosePair("client2:nic0", "lan-pc");
            network.send();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> network.traceProperty().get() != null
                && network.traceProperty().get().from().equals("client2:nic0")));
        onlyTopic(EventTopic.NETWORK);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> events().shown().stream()
                .anyMatch(e -> e.arg(0) == 2)));
        assertTrue(events().shown().stream().allMatch(e -> EventTopic.of(e.kind()) == EventTopic.NETWORK));
        // Host 1 masquerades both behind its LAN address (libvirt's NAT); after the first, the second's reply tuple
        // would clash on port 32768, so nf_nat gives it another port: two conntrack entries at Host 1
        robot.interact(() -> network.tables().chosenProperty().set("host1"));
        assertEquals(2, network.tables().conntrackRows().size());

        // Choose the first probe's masquerade: the run goes back to just after it (before the second probe), the
        // Network tab and the canvas show that probe at the hop where Host 1 rewrote the source
        List<SimEvent> shown = List.copyOf(events().shown());
        int pick = -1;
        for (int i = 0; i < shown.size() && pick < 0; i++) {
            if (shown.get(i).kind() == EventKind.NAT_SOURCE_REWRITE && shown.get(i).arg(0) == 1) {
                pick = i;
            }
        }
        assertTrue(pick >= 0, "the first probe's masquerade is listed");
        SimEvent chosen = shown.get(pick);
        int index = pick;
        robot.interact(() -> events().select(index));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> network.traceProperty().get() != null
                && network.traceProperty().get().from().equals("client1:nic0") && network.stepProperty().get() >= 0
                && !network.hops().get(network.stepProperty().get()).rewrites().isEmpty()));
        var row = network.hops().get(network.stepProperty().get());
        assertEquals("Host 1", row.device()); // the lesson names it so in both languages
        assertEquals(lang.equals("en") ? "masquerade: source" : new org.virtlab.ui.i18n.I18n(
                java.util.Locale.SIMPLIFIED_CHINESE).get("net.rewrite.MASQUERADE"), row.rewrites().get(0).what());
        assertEquals("host1", chosen.deviceId());
        // Back across the second probe's NAT rewrite: Host 1 tracks one connection again (the table follows the
        // packet to Host 1), and the topology's trail is at the same hop
        assertEquals("host1", network.tables().chosenProperty().get());
        assertEquals(1, network.tables().conntrackRows().size());
        robot.interact(() -> app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("topology")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#traceMarker").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "events-network-" + lang);
    }
}
