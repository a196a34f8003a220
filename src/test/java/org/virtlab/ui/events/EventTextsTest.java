package org.virtlab.ui.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.alloc.Admission;
import org.virtlab.engine.io.ExitReason;
import org.virtlab.engine.memory.WalkRole;
import org.virtlab.engine.memory.host.Reclamation;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.engine.net.DropReason;
import org.virtlab.engine.net.Hop;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.NetSubsystem;
import org.virtlab.engine.net.Rewrite;
import org.virtlab.ui.i18n.I18n;

/** Every event kind reads as a sentence in both languages, built from the event's data (issue #9, "Simulation mode"). */
class EventTextsTest {
    private static final EventTexts EN = new EventTexts(new I18n(Locale.ENGLISH));
    private static final EventTexts ZH = new EventTexts(new I18n(Locale.SIMPLIFIED_CHINESE));

    /** An event of {@code kind} with the fields the engine fills for it (see EventKind's comments). */
    private static SimEvent sample(EventKind kind) {
        // a network event's device is where the packet is: here the guest VM2 itself
        String device = EventTopic.of(kind) == EventTopic.IO ? "vda" : EventTopic.of(kind) == EventTopic.NETWORK ? "VM2"
                : null;
        String peer = EventTopic.of(kind) == EventTopic.MIGRATION ? "H2" : kind == EventKind.VCPU_SWITCH ? "VM1" : null;
        boolean walk = kind == EventKind.WALK_REFERENCE; // a page walk has no source (EventKind's comment)
        String vm = kind == EventKind.KSM_MERGE || walk ? null : "VM2";
        String host = EventTopic.of(kind) == EventTopic.IO || walk ? null : "H1";
        Enum<?> cause = null;
        switch (kind) {
            case POWER_REFUSED: cause = Admission.Resource.MEMORY; break;
            case BALLOON_INFLATE: case BALLOON_DEFLATE: case SWAP_OUT: cause = Reclamation.Reason.HOST_HARD; break;
            case VM_EXIT: cause = ExitReason.IO_INSTRUCTION; break;
            case MIGRATION_REFUSED: case MIGRATION_FAILED: cause = MigrationReason.DIRTY_RATE_AT_LEAST_BANDWIDTH; break;
            case PACKET_HOP: cause = Hop.Frame.ARP_REQUEST; break;
            case NAT_SOURCE_REWRITE: case NAT_DESTINATION_REWRITE: cause = Rewrite.Kind.MASQUERADE; break;
            case PACKET_DROPPED: cause = DropReason.NO_ROUTE; break;
            case WALK_REFERENCE: cause = WalkRole.HOST_FOR_GUEST_PDPT; break;
            default: break;
        }
        List<Long> args = new ArrayList<>();
        long[] values = {2, 524_288, 65_536};
        for (int i = 0; i < kind.arity(); i++) {
            args.add(values[i]);
        }
        if (kind == EventKind.VCPU_SWITCH) {
            args = List.of(1L, 0L, 0L); // pCPU1 takes VM2's vCPU0 after VM1's vCPU0
        }
        if (kind == EventKind.PACKET_HOP) {
            args = List.of(2L, 1L, 3L); // packet 2, the reply's third hop
        }
        if (kind == EventKind.NAT_SOURCE_REWRITE || kind == EventKind.NAT_DESTINATION_REWRITE) {
            // 192.168.122.2:32768 → 10.0.0.11:32769, as NetSubsystem.ipPort packs them
            args = List.of(2L, NetSubsystem.ipPort(Ip.of(192, 168, 122, 2), 32768),
                    NetSubsystem.ipPort(Ip.of(10, 0, 0, 11), 32769));
        }
        if (kind == EventKind.PACKET_DELIVERED || kind == EventKind.PACKET_DROPPED) {
            args = List.of(2L, 0L); // packet 2, the request
        }
        if (walk) {
            args = List.of(7L, 4L, 0x10f8L); // step 7, a PML4 entry (level 4), its address
        }
        return new SimEvent(12_345_678, 0, 3, kind, host, vm, device, peer, cause, args);
    }

    @Test
    void everyKindHasANameAndADescriptionInBothLanguages() {
        for (EventKind kind : EventKind.values()) {
            SimEvent e = sample(kind);
            for (EventTexts texts : List.of(EN, ZH)) {
                String line = texts.describe(e);
                String name = texts.kind(kind);
                // I18n shows a missing key as !key!; an unfilled MessageFormat argument stays as {n}
                assertFalse(line.contains("!") || line.contains("{"), kind + ": " + line);
                assertFalse(name.contains("!") || name.isBlank(), kind + ": " + name);
                assertFalse(texts.topic(EventTopic.of(kind)).contains("!"), kind + " topic");
                if (e.vmId() != null) {
                    assertTrue(line.contains("VM2") || line.contains("vda"), kind + " names its VM or device: " + line);
                }
            }
            assertTrue(ZH.describe(e).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN) || kind == EventKind.VCPU_SWITCH, kind + " is Chinese: " + ZH.describe(e));
        }
    }

    @Test
    void descriptionsCarryTheEventsNumbers() {
        // the brief's examples, from the sample data above
        assertEquals("VM2 vCPU0 → pCPU1 (after VM1 vCPU0)", EN.describe(sample(EventKind.VCPU_SWITCH)));
        assertEquals("VM2 vCPU0 → pCPU1", EN.describe(new SimEvent(0, 0, 0, EventKind.VCPU_SWITCH, "H1", "VM2",
                null, null, null, List.of(1L, 0L, -1L))));
        assertEquals("VM exit: I/O instruction on vda", EN.describe(sample(EventKind.VM_EXIT)));
        assertEquals("VM exit：vda 上的I/O 指令".replace("VM exit", "VM 退出"), ZH.describe(sample(EventKind.VM_EXIT)));
        assertEquals("balloon VM2 +2 pages (524,288 frames freed; host memory hard)",
                EN.describe(sample(EventKind.BALLOON_INFLATE)));
        // 524288 KiB = 512 MiB sent, 65536 KiB = 64 MiB dirtied (computed by hand)
        assertEquals("Migration of VM2, round 2: 512.0 MiB sent, 64.0 MiB dirtied meanwhile",
                EN.describe(sample(EventKind.MIGRATION_ROUND)));
        assertEquals("Kick: driver notified vda (avail.idx 2)", EN.describe(sample(EventKind.VIRTQUEUE_KICK)));
        assertEquals("Migration of VM2 failed after 2 rounds: " + new I18n(Locale.ENGLISH).get(
                "migration.reason.DIRTY_RATE_AT_LEAST_BANDWIDTH") + "; it keeps running on H1",
                EN.describe(sample(EventKind.MIGRATION_FAILED)));
        // step 7 of a 4-over-4 walk: the host walk that finds the guest's PDPT (steps 6–9, WalkSubsystemTest), its PML4
        // entry (level 4); 0x1000 + 8·0x1f = 0x10f8 an entry's address (made up for the sample)
        SimEvent ref = new SimEvent(5_000, 4, 6, EventKind.WALK_REFERENCE, null, null, null, null,
                WalkRole.HOST_FOR_GUEST_PDPT, List.of(7L, 4L, 0x10f8L));
        assertEquals("Ref. 7: EPT/NPT PML4 entry to find the guest's PDPT, at host physical 0x10f8", EN.describe(ref));
        assertEquals("第 7 次访存：EPT/NPT PML4 表项，定位客户机 PDPT 页表，主机物理地址 0x10f8", ZH.describe(ref));
        assertEquals("Ref. 10: guest PDPT entry translating the address, at guest physical 0x2008",
                EN.describe(new SimEvent(5_000, 4, 9, EventKind.WALK_REFERENCE, null, null, null, null,
                WalkRole.GUEST_ENTRY, List.of(10L, 3L, 0x2008L))));
        assertEquals("Admission control kept VM2 off on H1: memory reservation 2 MiB, only 524288 MiB unreserved",
                EN.describe(sample(EventKind.POWER_REFUSED)));
        // the network's: an ARP request on the reply's way, a masquerade (libvirt's NAT: source NAT behind the host's
        // address, virtualization.md §4), a drop for want of a route
        assertEquals("Packet 2, reply hop 3: ARP request (who has the next hop?) at VM2",
                EN.describe(sample(EventKind.PACKET_HOP)));
        assertEquals("Packet 2: VM2 rewrote the source 192.168.122.2:32768 → 10.0.0.11:32769 (masquerade, source NAT)",
                EN.describe(sample(EventKind.NAT_SOURCE_REWRITE)));
        assertEquals("报文 2：VM2 把源地址 192.168.122.2:32768 改写为 10.0.0.11:32769（地址伪装，即源地址转换 SNAT）",
                ZH.describe(sample(EventKind.NAT_SOURCE_REWRITE)));
        assertEquals("Packet 2: request dropped at VM2: no route to the destination",
                EN.describe(sample(EventKind.PACKET_DROPPED)));
        assertEquals("VM2", EN.source(sample(EventKind.PACKET_HOP)), "a network event's source is the device");
        // shadow paging's exits (virtualization.md §3): the guest's CR3 write traps, with EPT/NPT it does not
        SimEvent cr3 = new SimEvent(2_000, 5, 0, EventKind.VM_EXIT, null, null, null, null,
                org.virtlab.engine.memory.PagingExit.CR3_WRITE, List.of());
        assertEquals("VM exit under shadow paging: CR3 write (a process switch), KVM loads its shadow tables; none with "
                + "EPT/NPT", EN.describe(cr3));
        assertEquals("影子页表下的 VM 退出：写 CR3（切换进程），KVM 换上其影子页表；EPT/NPT 下不退出", ZH.describe(cr3));
        assertEquals("MMU (Memory tab)", EN.source(cr3), "the tab's walk has no VM of the scenario: its MMU");
    }

    @Test
    void timeIsMillisecondsWithThreeDecimalsAndSourceNamesTheDevice() {
        assertEquals("12345.678 ms", EventTexts.time(12_345_678)); // 12 345 678 µs = 12 345.678 ms
        assertEquals("0.007 ms", EventTexts.time(7));
        assertEquals("VM2 · vda", EN.source(sample(EventKind.INTERRUPT)));
        assertEquals("H1", EN.source(sample(EventKind.KSM_MERGE)));
        assertEquals("VM2", EventTexts.owner(sample(EventKind.INTERRUPT)));
        EventTexts named = new EventTexts(new I18n(Locale.ENGLISH), id -> id.equals("VM2") ? "Web server" : id);
        assertEquals("Web server · vda", named.source(sample(EventKind.INTERRUPT)));
        assertEquals("Web server vCPU0 → pCPU1 (after VM1 vCPU0)", named.describe(sample(EventKind.VCPU_SWITCH)));
    }
}
