package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.NetException;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;

/**
 * What the lesson network-models says packets do, now that they flow (its goal sends the student to the Network
 * tab and {@code virtlab trace}): each model as its goal describes it, against libvirt's docs/formatnetwork.rst
 * ({@code <forward>} modes, libvirt.org/formatnetwork.html) and virtualization.md §4. {@link NetworkLessonTest}
 * checks the topology itself.
 */
class NetworkModelsTrafficLessonTest {
    private static Scenario lesson;
    private static Reachability matrix;

    @BeforeAll
    static void load() throws ScenarioException {
        lesson = Lessons.load("network-models").scenario();
        matrix = Reachability.of(NetTopology.of(lesson), 0, Protocol.ICMP, 0);
    }

    private static boolean reaches(String from, String to) {
        return matrix.cell(from, to).delivered();
    }

    @Test
    void theGoalNoLongerSaysPacketsDoNotFlow() {
        assertFalse(lesson.goal().en().contains("do not flow"), lesson.goal().en());
        assertFalse(lesson.goal().zh().contains("还没有报文"), lesson.goal().zh());
        assertTrue(lesson.goal().en().contains("Network tab") && lesson.goal().zh().contains("网络标签页"));
    }

    @Test
    void natGuestsReachOutAndNobodyOutsideConnectsIn() {
        // mode='nat': "Inbound connections from other networks are all prohibited".
        assertTrue(reaches("web1:nic0", "lan-pc"));
        assertTrue(reaches("web1:nic0", "internet"));
        assertFalse(reaches("lan-pc", "web1:nic0"));
        assertFalse(reaches("internet", "web1:nic0"));
    }

    @Test
    void isolatedGuestsReachEachOtherAndTheHostAndNothingBeyond() {
        // No <forward>: "isolated from any other network"; the host's bridge address still answers.
        assertTrue(reaches("db1:nic0", "test1:nic0"));
        assertTrue(reaches("db1:nic0", "host1"));
        assertFalse(reaches("db1:nic0", "lan-pc"));
        assertFalse(reaches("db1:nic0", "internet"));
    }

    @Test
    void theRoutedNetworksRepliesNeverArriveWithoutTheRouteBack() {
        // mode='route' "presumes that the local LAN router has suitable routing table entries to return traffic";
        // the lesson's lab network has none (lanRoute false).
        Reachability.Cell c = matrix.cell("web2:nic0", "lan-pc");
        assertEquals("dropped: no-route (reply)", c.summary());
        assertEquals("router", c.device());
        assertFalse(lesson.network("lab").orElseThrow().lanRoute());
    }

    @Test
    void theBridgedGuestIsOneMoreMachineOfTheLan() {
        // mode='bridge': "the guest interface appears to be directly connected to the physical interface".
        assertTrue(reaches("files:nic0", "lan-pc"));
        assertTrue(reaches("lan-pc", "files:nic0"));
    }

    @Test
    void thePortGroupsJoinVmsOfBothHostsAndKeepTheVlansApart() {
        // virtualization.md §4: a distributed port group carries its VLAN across the hosts; VLANs stay apart.
        assertTrue(reaches("web1:nic1", "web2:nic1"));
        assertTrue(reaches("db1:nic1", "files:nic1"));
        assertFalse(reaches("web1:nic1", "files:nic1"));
        assertEquals(DropReason.NO_ROUTE, matrix.cell("web1:nic1", "db1:nic1").reason());
    }

    @Test
    void theTestVmsSecondNicIsPluggedIntoNothing() {
        // Step 2: a probe from it is refused by name.
        NetException e = assertThrows(NetException.class, () -> NetTopology.of(lesson).endpoint("test1:nic1"));
        assertEquals(NetException.Kind.UNWIRED_NIC, e.kind());
    }
}
