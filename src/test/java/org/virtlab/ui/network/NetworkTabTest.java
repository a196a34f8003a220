package org.virtlab.ui.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.VirtLabApp;

/**
 * The real window on the lesson network-models: choose From and To in the combo boxes, Send, step to Host 1 and
 * see its masquerade in the hop table; a click on the heat map loads its pair into the sender.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkTabTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=en", "--no-recovery");
        var lesson = Lessons.load("network-models");
        robot.interact(() -> {
            app.shell().openLessonForTest(lesson);
            app.shell().viewModel().pause();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.shell().viewModel().network().endpoints().contains("web1:nic0"));
        robot.clickOn("#tab-network");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Opens the combo box and clicks the item in its pop-up list (not the button cell, which may show it too). */
    private void choose(String combo, String item) {
        Node box = robot.lookup(combo).query();
        robot.clickOn(box);
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = robot.lookup((Node n) -> n instanceof ListCell && item.equals(((ListCell<?>) n).getText())
                && n.getScene() != box.getScene()).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(TextFlow flow) {
        StringBuilder out = new StringBuilder();
        flow.getChildren().forEach(t -> out.append(((Text) t).getText()));
        return out.toString();
    }

    @Test
    void sendsFromAVmOverNatAndStepsToTheRewrite() {
        choose("#networkFrom", "Web 1 · nic0 (default)");
        choose("#networkTo", "Internet");
        assertEquals("web1:nic0", app.shell().viewModel().network().fromProperty().get());
        assertEquals("internet", app.shell().viewModel().network().toProperty().get());
        robot.clickOn("#networkSend");
        WaitForAsyncUtils.waitForFxEvents();
        // Hop 1 of 19 is the VM asking for its gateway's MAC (RFC 826): the network has seen no traffic yet. The
        // packet's own path is VM, virbr0, Host 1, LAN, router, WAN, Internet; each machine that sends on first
        // asks (request, flood, answer, forward: 3 × 4 ARP rows).
        assertEquals("Request, hop 1 of 19: Web 1 (VM). ARP request: who has 192.168.122.1? tell 192.168.122.2.",
                robot.lookup("#networkCurrent").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#networkHopRow-0").query().getStyleClass().contains("net-row-arp"),
                "an ARP row looks different from the packet's");
        for (int i = 0; i < 10; i++) {
            robot.clickOn("#networkStep");
        }
        WaitForAsyncUtils.waitForFxEvents();
        // web1's ARP (0–3), its packet (4), virbr0 (5), Host 1's ARP for the router (6–9), Host 1's packet (10)
        assertEquals("Request, hop 11 of 19: Host 1 (host).", robot.lookup("#networkCurrent").queryAs(Label.class).getText());
        Node box = robot.lookup("#networkHop-10").query();
        assertTrue(box.getStyleClass().contains("net-box-current"), "the packet is drawn at Host 1");
        Node number = robot.lookup("#networkHopRow-10").query();
        assertTrue(number.getStyleClass().contains("net-row-current"), "its row is highlighted");
        assertTrue(!number.getStyleClass().contains("net-row-arp"), "the packet's row is not an ARP row");
        // Host 1 masquerades the guest's 192.168.122.2 behind its LAN address 10.0.0.11 (libvirt's NAT; PhysicalLan).
        TextFlow rewrite = robot.lookup(".net-rewrite").queryAs(TextFlow.class);
        assertEquals("masquerade: source\n192.168.122.2:32768 →\n10.0.0.11:32768", text(rewrite));
        robot.clickOn("#networkStepBack");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, app.shell().viewModel().network().stepProperty().get());
    }

    @Test
    void aHeatMapCellLoadsItsPairIntoTheSender() {
        robot.clickOn("#networkReachTab");
        WaitForAsyncUtils.waitForFxEvents();
        // Worked out off the FX thread: wait for its cells.
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, org.virtlab.ui.FxConditions.onFx(
                    () -> !robot.lookup("#networkReach-11-2").queryAll().isEmpty()
                            && !app.shell().viewModel().network().reach().computingProperty().get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the heat map never came", e);
        }
        // Row 12 is lan-pc, column 3 web1:nic0 (NetTopology.endpoints(): hosts, NICs, lan-pc, internet).
        Label cell = robot.lookup("#networkReach-11-2").queryAs(Label.class);
        assertEquals("✗", cell.getText(), "the LAN router has no route into a NAT network");
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> from = robot.lookup("#networkFrom").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> to = robot.lookup("#networkTo").queryAs(ComboBox.class);
        assertEquals("lan-pc", from.getValue());
        assertEquals("web1:nic0", to.getValue());
        assertEquals("LAN PC", from.getButtonCell().getText());
        robot.clickOn("#networkPathTab");
        robot.clickOn("#networkSend");
        WaitForAsyncUtils.waitForFxEvents();
        Label reason = robot.lookup("#networkDropReason").queryAs(Label.class);
        assertTrue(reason.getText().isEmpty(), "the drop shows when the packet gets there");
        Node step = robot.lookup("#networkStep").query();
        for (int i = 0; i < 12 && !step.isDisabled(); i++) {
            robot.clickOn(step);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // LAN PC asks for the router's MAC (4 ARP rows), then LAN PC → LAN → Router, where it ends: the router's
        // routes are the LAN, the WAN and networks with lanRoute.
        assertEquals(6, app.shell().viewModel().network().stepProperty().get());
        assertEquals("✗ Dropped at Router: Router has no route to 192.168.122.2.", reason.getText());
        assertTrue(robot.lookup("#networkHop-6").query().getStyleClass().contains("net-box-dropped"));
    }
}
