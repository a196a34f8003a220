package org.virtlab.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.Protocol;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.network.HopRow;
import org.virtlab.ui.network.NetworkViewModel;

/** The topology's view of the Network tab's trace: one step, shared; places index for index with the hop rows. */
class PacketTrailTest {
    private final Scenario lesson = load();
    private final NetworkViewModel network = new NetworkViewModel(new I18n(Locale.ENGLISH));
    private final PacketTrail trail = new PacketTrail(network, () -> lesson, new I18n(Locale.ENGLISH));

    private static Scenario load() {
        try {
            return Lessons.load("net-nat-port-forward").scenario();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    PacketTrailTest() {
        org.virtlab.ui.network.LocalNetwork.attach(network, lesson);
        network.protocolProperty().set(Protocol.TCP);
        network.portTextProperty().set("80");
    }

    @Test
    void aTraceSentFromTheCanvasIsTheNetworkTabsAndItsMarkerFollowsTheSharedStep() {
        assertFalse(trail.shownBinding().get());
        // A first probe warms the ARP caches, so that the traced one holds the packet's own hops only.
        assertEquals("", trail.traceTo("client1:nic0", "lan-pc"));
        trail.clear();
        assertFalse(trail.shownBinding().get());
        assertEquals("", trail.traceTo("client1:nic0", "lan-pc"));
        assertTrue(trail.shownBinding().get());
        assertEquals("client1:nic0", network.fromProperty().get()); // the Network tab's sender shows the same pair
        assertEquals(network.hops().size(), trail.places().size());
        assertEquals(TracePlace.of(lesson, network.traceProperty().get()), trail.places());
        assertEquals(trail.places().get(0), trail.currentProperty().get());
        trail.stepForward();
        trail.stepForward();
        assertEquals(2, network.stepProperty().get(), "one step, the Network tab's");
        // Hop 3 is Host 1, which masquerades (virtlab trace … --from client1 --to lan-pc --proto tcp --port 80).
        assertEquals(new TracePlace(TracePlace.Where.HOST, "host1", ""), trail.currentProperty().get());
        HopRow row = network.hops().get(2);
        String caption = trail.captionBinding().get();
        assertTrue(caption.startsWith("Request · hop 3 of " + network.requestHopsProperty().get() + " · Host 1"), caption);
        assertTrue(caption.contains(row.rewrites().get(0).from() + " → " + row.rewrites().get(0).to()), caption);
        network.stepBack(); // from the Network tab
        assertEquals(trail.places().get(1), trail.currentProperty().get());
        trail.clear();
        assertTrue(network.hops().isEmpty());
        assertTrue(trail.places().isEmpty());
        assertNull(trail.currentProperty().get());
        assertFalse(trail.shownBinding().get());
    }

    @Test
    void theReplyAndItsLastHopSayHowTheLegEnded() {
        trail.traceTo("client1:nic0", "lan-pc");
        while (trail.canStepForwardBinding().get()) {
            trail.stepForward();
        }
        assertTrue(trail.atReply());
        assertFalse(trail.atDrop());
        assertTrue(trail.captionBinding().get().endsWith(network.replyVerdictProperty().get()));
    }

    @Test
    void aDroppedRequestEndsWithTheReasonAtTheRouter() {
        network.protocolProperty().set(Protocol.ICMP);
        trail.traceTo("lan-pc", "web:nic0"); // no route back into a NAT network at the router (the lesson, step 4)
        while (trail.canStepForwardBinding().get()) {
            trail.stepForward();
        }
        assertEquals(TracePlace.Where.ROUTER, trail.currentProperty().get().where());
        assertTrue(trail.atDrop());
        assertEquals(network.requestVerdictProperty().get(), trail.dropReason());
        assertFalse(trail.dropReason().isEmpty());
    }

    @Test
    void aTraceStartsAtAVmsFirstPluggedNicOrAMachineItselfAndGoesAnywhereElse() {
        assertEquals("client1:nic0", trail.endpointOf("client1"));
        assertEquals("host1", trail.endpointOf("host1"));
        assertEquals("lan-pc", trail.endpointOf("lan-pc"));
        assertNull(trail.endpointOf("nothing"));
        // Endpoints, in the engine's order: hosts, VM NICs, lan-pc, internet; none of client1's own.
        assertEquals(java.util.List.of("host1", "web:nic0", "client2:nic0", "lan-pc", "internet"),
                trail.destinations("client1:nic0"));
    }

    @Test
    void aRefusedSendSaysWhy() {
        network.portTextProperty().set("70000"); // TCP ports are 1–65535
        assertFalse(trail.traceTo("client1:nic0", "lan-pc").isEmpty());
        assertTrue(network.hops().isEmpty());
    }
}
