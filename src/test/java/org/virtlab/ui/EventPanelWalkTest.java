package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.events.EventsViewModel;
import org.virtlab.ui.memory.MemoryViewModel;
import org.virtlab.ui.shell.ShellView;

/**
 * Page-walk references in the Events panel (issue #9: "page-walk references" are events; the selected one is
 * highlighted "in the walk"; Back returns the app to that moment), on the mem-page-walk lesson: two addresses walked
 * from the Memory tab, the panel filtered to the walk's kind, a reference of the first walk clicked: the run goes
 * back to it, the animator shows that walk again with its step on the reference. Writes {@code events-walk-en.png}
 * and {@code events-walk-zh.png}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EventPanelWalkTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private EventsViewModel events() {
        return app.shell().viewModel().events();
    }

    private MemoryViewModel memory() {
        return app.shell().viewModel().memory();
    }

    /** The mem-page-walk lesson, paused, on the Memory tab, with the Events panel open. */
    private Stage openMemoryTab(String lang) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        var lesson = Lessons.load("mem-page-walk");
        robot.interact(() -> {
            app.shell().openLessonForTest(lesson);
            app.shell().viewModel().pause();
            app.shell().tabs().getSelectionModel().select(ShellView.TABS.indexOf("memory"));
        });
        robot.clickOn("#eventsToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() ->
                robot.lookup("#eventsTable").tryQuery().isPresent()));
        return stage;
    }

    private void walk(String address) {
        TextField field = robot.lookup("#memoryAddress").queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(address).type(KeyCode.ENTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aReferenceSelectedInTheEventsPanelIsTheAnimatorsCurrentStepInTheWalkOfThen(String lang) throws Exception {
        Stage stage = openMemoryTab(lang);
        app.runner().runTo(300_000);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 300_000));

        walk("0x7f00aabbc123"); // walk A: paused, its tick runs at once (300 ms → 301 ms)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 301_000));
        robot.interact(() -> memory().chooseHostPage(org.virtlab.engine.memory.PageSize.TWO_MIB)); // walk B
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 302_000));
        robot.interact(() -> {
            for (EventKind k : EventKind.values()) {
                events().kindShownProperty(k).set(k == EventKind.WALK_REFERENCE);
            }
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        List<SimEvent> refs = List.copyOf(events().shown());
        // A: 4 over 4, (4+1)(4+1) − 1 = 24; B: over 2 MiB host pages, (4+1)(3+1) − 1 = 19 (mem-page-walk's steps)
        assertEquals(24 + 19, refs.size());
        assertEquals(19, memory().maxStepProperty().get(), "B is shown");

        SimEvent seventhOfA = refs.get(6);
        assertEquals(300_000, seventhOfA.atMicros());
        TableView<?> table = robot.lookup("#eventsTable").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(4));
        WaitForAsyncUtils.waitForFxEvents(3);
        Node row = robot.lookup("#eventsTable .table-row-cell").match((Node n) ->
                n instanceof TableRow<?> r && r.getItem() == seventhOfA).query();
        robot.clickOn(row);
        assertEquals(seventhOfA, events().selectedProperty().get());
        // the run is put just after the event's 1 ms tick; the animator shows A with the 7th reference current
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() ->
                app.shell().viewModel().nowMicrosProperty().get() == 301_000 && memory().stepProperty().get() == 7));
        assertEquals(24, memory().maxStepProperty().get(), "A is shown again");
        assertEquals("0x7f00aabbc123", robot.lookup("#memoryAddress").queryAs(TextField.class).getText());
        assertEquals(seventhOfA.arg(0), memory().stepProperty().get(), "the selected reference is the current step");
        assertTrue(memory().currentBinding().get().contains(lang.equals("en") ? "Step 7:" : "第 7 次访存"),
                memory().currentBinding().get());
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "events-walk-" + lang);
    }

    @org.junit.jupiter.api.Test
    void theGuestsCr3AndPageTableWritesAreListedAsShadowPagingExits() throws Exception {
        Stage stage = openMemoryTab("en");
        robot.interact(() -> {
            for (EventKind k : EventKind.values()) {
                events().kindShownProperty(k).set(k == EventKind.VM_EXIT);
            }
        });
        robot.clickOn("#memoryCr3Write");
        robot.clickOn("#memoryPteWrite");
        // the lesson's goal: under shadow paging each CR3 switch and each page-table write is a VM exit (paused, each
        // click's tick runs at once)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, FxConditions.onFx(() -> events().shown().size() == 2));
        List<SimEvent> exits = List.copyOf(events().shown());
        assertEquals(List.of(org.virtlab.engine.memory.PagingExit.CR3_WRITE,
                org.virtlab.engine.memory.PagingExit.PAGE_TABLE_WRITE), exits.stream().map(SimEvent::cause).toList());
        assertTrue(app.shell().viewModel().events().texts().describe(exits.get(0))
                .startsWith("VM exit under shadow paging: CR3 write"));
        WaitForAsyncUtils.waitForFxEvents(3);
        Screenshots.write(robot, stage.getScene(), "events-shadow-exits-en");
    }
}
