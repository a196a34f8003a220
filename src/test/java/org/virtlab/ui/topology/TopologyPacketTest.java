package org.virtlab.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.engine.net.Protocol;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.FxConditions;
import org.virtlab.ui.VirtLabApp;
import org.virtlab.ui.network.NetworkViewModel;

/**
 * The Network tab's packet on the Topology tab (issue #7), in the real window: a trace sent from the topology (a
 * VM card's context menu) or from the Network tab shows as a marker on the canvas; the topology's step buttons
 * move it from element to element and the Network tab's step moves with it (one state); Clear takes it away.
 * Writes {@code topology-packet(-zh).png} and {@code topology-four-models.png} for the gallery.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TopologyPacketTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private Stage open(String lang, String lesson) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        var l = Lessons.load(lesson);
        robot.interact(() -> {
            app.shell().openLessonForTest(l);
            app.shell().viewModel().pause();
            app.shell().tabs().getSelectionModel().select(0); // the topology
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#lan-segment").tryQuery().isPresent()
                && robot.lookup("#host-host1").tryQuery().isPresent()));
        robot.clickOn("#topologyFit");
        WaitForAsyncUtils.waitForFxEvents(3);
        return stage;
    }

    /** The item of the open context menu that reads {@code text}, or null (a popup is a window of its own). */
    private static Node menuItem(String text) {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w instanceof javafx.scene.control.ContextMenu && w.isShowing()) {
                for (Node n : w.getScene().getRoot().lookupAll(".menu-item")) {
                    if (n.lookup(".label") instanceof Labeled l && text.equals(l.getText())) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    /** The marker's centre in scene coordinates, or null when it is hidden. */
    private javafx.geometry.Point2D marker() throws Exception {
        javafx.geometry.Point2D[] at = new javafx.geometry.Point2D[1];
        robot.interact(() -> {
            Node m = robot.lookup("#traceMarker").query();
            at[0] = m.isVisible() ? m.localToScene(0, 0) : null;
        });
        return at[0];
    }

    /** Whether the marker shows the reply (its pseudo-class, which colours it and its glyph ↩). */
    private boolean replyMarker() throws Exception {
        boolean[] reply = new boolean[1];
        robot.interact(() -> reply[0] = robot.lookup(".trace-marker-dot").query().getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("reply")));
        return reply[0];
    }

    /** Whether the point lies within the element's scene bounds, widened by {@code slack} pixels. */
    private boolean within(javafx.geometry.Point2D p, String selector, double slack) throws Exception {
        boolean[] in = new boolean[1];
        robot.interact(() -> {
            Node n = robot.lookup(selector).query();
            Bounds b = n.localToScene(n.getBoundsInLocal());
            in[0] = p != null && p.getX() >= b.getMinX() - slack && p.getX() <= b.getMaxX() + slack
                    && p.getY() >= b.getMinY() - slack && p.getY() <= b.getMaxY() + slack;
        });
        return in[0];
    }

    @Test
    void aTraceFromAVmsContextMenuTravelsTheWiresAndStepsWithTheNetworkTab() throws Exception {
        open("en", "net-nat-port-forward");
        NetworkViewModel network = app.shell().viewModel().network();
        robot.interact(() -> {
            // A ping first warms the ARP caches on the way (the traced probe then holds the packet's own hops
            // only) and leaves no TCP connection behind (the traced one is new: masqueraded from port 32768).
            network.protocolProperty().set(Protocol.ICMP);
            network.choosePair("client1:nic0", "lan-pc");
            network.send();
            network.clear();
            network.protocolProperty().set(Protocol.TCP);
            network.portTextProperty().set("80");
        });
        // Client 1's context menu: Trace a packet to … lan-pc.
        // Monocle's robot sends no context-menu event with a right click: fire it the way the toolkit would.
        robot.interact(() -> {
            Node vm = robot.lookup("#vm-client1").query();
            Bounds b = vm.localToScreen(vm.getBoundsInLocal());
            Bounds s = vm.localToScene(vm.getBoundsInLocal());
            javafx.event.Event.fireEvent(vm, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, s.getCenterX(), s.getCenterY(),
                    b.getCenterX(), b.getCenterY(), false, new javafx.scene.input.PickResult(vm, s.getCenterX(), s.getCenterY())));
        });
        Node[] item = new Node[1];
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, FxConditions.onFx(() -> {
            item[0] = menuItem("LAN PC"); // network.endpoint.lanPc
            return item[0] != null;
        }));
        robot.clickOn(item[0]);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertEquals(0, network.stepProperty().get());
        assertTrue(robot.lookup("#topoTraceBar").query().isVisible());
        // The hops, as `virtlab trace scenarios/net-nat-port-forward.json --from client1 --to lan-pc --proto tcp
        // --port 80` prints them: client1, host1/virbr0, host1 (masquerade), lan-switch, lan-pc; then back.
        assertTrue(within(marker(), "#vm-client1", 12), "hop 1 at Client 1's NIC");
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, network.stepProperty().get(), "the Network tab's step moved with the topology's");
        assertTrue(within(marker(), "#net-default", 2), "hop 2 on virbr0, the NAT network's bar");
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#host-host1", 2), "hop 3 at Host 1, where the masquerade is");
        Labeled caption = robot.lookup("#topoTraceCaption").queryAs(Labeled.class);
        // The masquerade as the Network tab's hop row reports it: the guest's source 192.168.122.2:p becomes Host 1's
        // 10.0.0.11:p (p is the guest's next ephemeral port: 32769 after the warming ping's 32768).
        var rewrite = network.hops().get(2).rewrites().get(0);
        assertTrue(rewrite.from().startsWith("192.168.122.2:") && rewrite.to().startsWith("10.0.0.11:"), rewrite.toString());
        assertTrue(caption.getText().contains(rewrite.from() + " → " + rewrite.to()), caption.getText());
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#lan-segment", 2), "hop 4 on the physical LAN");
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#phys-lan-pc", 12), "hop 5 at lan-pc");
        assertFalse(replyMarker());
        robot.clickOn("#topoTraceStep"); // the reply's first hop: lan-pc again, now answering
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#phys-lan-pc", 12));
        assertTrue(replyMarker(), "the reply's marker");

        // The Network tab steps back; the topology's marker follows.
        robot.interact(network::stepBack);
        robot.interact(network::stepBack);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#lan-segment", 2));
        robot.clickOn("#topoTraceClear");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(network.hops().isEmpty(), "Clear forgets the Network tab's trace too");
        assertFalse(robot.lookup("#topoTraceBar").query().isVisible());
        assertEquals(null, marker());
    }

    @Test
    void aRequestDroppedAtTheRouterShowsAStopMarkWithTheReason() throws Exception {
        open("en", "net-nat-port-forward");
        NetworkViewModel network = app.shell().viewModel().network();
        // The lesson's fourth step: from lan-pc straight to Web server's 192.168.122.10, dropped at the router,
        // which has no route to the guests' private subnet (libvirt formatnetwork: NAT hides the subnet).
        robot.interact(() -> {
            network.choosePair("lan-pc", "web:nic0");
            network.send();
        });
        // the simulation traces it at its next tick; the window shows it at the next frame
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> !network.hops().isEmpty()));
        robot.interact(() -> {
            while (network.canStepForwardBinding().get()) {
                network.stepForward();
            }
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertTrue(network.isDropAt(network.stepProperty().get()));
        assertTrue(robot.lookup("#traceStop").query().isVisible());
        assertFalse(robot.lookup("#traceMarker").query().isVisible());
        Labeled reason = robot.lookup("#traceDropReason").queryAs(Labeled.class);
        assertEquals(network.requestVerdictProperty().get(), reason.getText());
        javafx.geometry.Point2D[] stop = new javafx.geometry.Point2D[1];
        robot.interact(() -> stop[0] = robot.lookup("#traceStop").query().localToScene(0, 0));
        assertTrue(within(stop[0], "#phys-router", 12), "the stop mark is at the router");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void writesThePacketOnTheTopology(String lang) throws Exception {
        Stage stage = open(lang, "net-nat-port-forward");
        NetworkViewModel network = app.shell().viewModel().network();
        robot.interact(() -> {
            network.protocolProperty().set(Protocol.TCP);
            network.portTextProperty().set("80");
            network.choosePair("client1:nic0", "lan-pc");
            network.send();
            network.stepForward();
            network.stepForward(); // at Host 1: the masquerade
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        robot.clickOn("#topologyFit"); // again: the packet's bar took some of the canvas's height
        WaitForAsyncUtils.waitForFxEvents(3);
        write(stage.getScene(), "topology-packet" + ("en".equals(lang) ? "" : "-zh"));
    }

    @Test
    void writesTheFourModelsAsColouredSegments() throws Exception {
        Stage stage = open("en", "net-four-models");
        for (String net : new String[] {"#net-iso", "#net-default", "#net-routed", "#net-lan"}) {
            assertTrue(robot.lookup(net).tryQuery().isPresent(), net);
        }
        write(stage.getScene(), "topology-four-models");
    }

    @Test
    void writesAVlanCrossingTheLanBetweenTwoHosts() throws Exception {
        Stage stage = open("en", "net-dvs-vlans");
        NetworkViewModel network = app.shell().viewModel().network();
        robot.interact(() -> {
            network.choosePair("web1:nic0", "web2:nic0");
            network.send();
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        // Hop 2 is host1's proxy of the distributed switch (virtlab trace … --from web1 --to web2): on the dashed
        // uplink between DSwitch and Host 1.
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D proxy1 = marker();
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(within(marker(), "#lan-segment", 2), "hop 3: tagged across the physical LAN");
        write(stage.getScene(), "topology-dvs-packet");
        robot.clickOn("#topoTraceStep");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(marker().getX() > proxy1.getX() + 100, "hop 4: host2's proxy, right of host1's");
    }

    private void write(Scene scene, String name) throws Exception {
        Path dir = Path.of(System.getProperty("virtlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", tmp.toFile());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertTrue(Files.size(file) > 10_000, "screenshot " + file + " looks empty");
    }
}
