package org.virtlab.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.net.Ip;
import org.virtlab.engine.net.NetSubsystem;
import org.virtlab.engine.memory.PageTableConfig;
import org.virtlab.engine.memory.PagingExit;
import org.virtlab.engine.memory.WalkRole;

/**
 * A journaled event in words, in English or Chinese: the one-line description from the kind's {@code event.<KIND>}
 * text and its cause's {@code event.cause.<Type>.<CONSTANT>}, filled with the event's ids (as display names) and
 * numbers. The engine's events hold only data; the window's Events panel and {@code events.csv} read them here.
 */
public final class EventText {
    private final Locale locale;
    private final ResourceBundle texts;
    private final UnaryOperator<String> names;

    /**
     * @param names a VM's or host's display name from its id (the identity shows ids)
     */
    public EventText(Locale locale, UnaryOperator<String> names) {
        this.locale = Bundles.chinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        this.texts = Bundles.load(EventText.class, "events", this.locale);
        this.names = names;
    }

    /** Simulated time in milliseconds with three decimals (microsecond precision): "1234.567 ms". */
    public static String time(long micros) {
        return String.format(Locale.ROOT, "%d.%03d ms", micros / 1000, micros % 1000);
    }

    /** The display name of a VM or host id ("" for none). */
    public String name(String id) {
        return id == null || id.isEmpty() ? "" : names.apply(id);
    }

    /** Where it happened: "VM1 · vda" for a device, else the VM, else the host. */
    public String source(SimEvent e) {
        if (network(e.kind())) {
            return name(e.deviceId()); // where the packet is: a machine or a switch
        }
        if (e.vmId() != null && e.deviceId() != null) {
            return name(e.vmId()) + " · " + e.deviceId();
        }
        if (e.vmId() != null) {
            return name(e.vmId());
        }
        if (e.hostId() == null && (e.kind() == EventKind.WALK_REFERENCE || e.cause() instanceof PagingExit)) {
            return texts.getString("event.source.mmu"); // the Memory tab's walk: its MMU, no VM of the scenario
        }
        return name(e.hostId());
    }

    private String format(String key, Object... args) {
        return new MessageFormat(texts.getString(key), locale).format(args);
    }

    /** Why, in words; "" without a cause. */
    public String cause(SimEvent e) {
        if (e.cause() == null) {
            return "";
        }
        return texts.getString(e.causeKey());
    }

    /** The one-line description, e.g. "VM2 vCPU0 → pCPU1 (after VM1 vCPU0)". */
    public String describe(SimEvent e) {
        String vm = name(e.vmId());
        String host = name(e.hostId());
        String device = e.deviceId() == null ? "" : e.deviceId();
        String peer = name(e.peerId());
        String cause = cause(e);
        EventKind k = e.kind();
        String key = k.messageKey();
        if (e.cause() instanceof PagingExit) { // a guest's paging write under shadow paging, the Memory tab's
            return format(key + ".shadow", cause);
        }
        switch (k) {
            case POWER_ON:
            case DOORBELL:
            case VM_EXIT:
            case REQUEST_DROPPED:
            case DEVICE_RESET:
            case MIGRATION_REFUSED:
            case MIGRATION_CANCELLED:
                return format(key, vm, host, device, peer, cause, k.arity() > 0 ? e.arg(0) : 0);
            case POWER_REFUSED: {
                String unit = "MEMORY".equals(e.cause() == null ? "" : e.cause().name()) ? " MiB" : " MHz";
                return format(key, vm, host, cause, e.arg(0) + unit, e.arg(1) + unit);
            }
            case VCPU_SWITCH:
                if (e.arg(2) < 0 || e.peerId() == null) {
                    return format(key + ".first", vm, e.arg(1), e.arg(0));
                }
                return format(key, vm, e.arg(1), e.arg(0), peer, e.arg(2));
            case COW_FAULT:
            case SHARE_BROKEN:
            case BALLOON_DEFLATE:
                return format(key, vm, host, e.arg(0), cause);
            case KSM_MERGE:
                return format(key, host, e.arg(0), e.arg(1));
            case BALLOON_INFLATE:
            case SWAP_OUT:
                return format(key, vm, host, e.arg(0), e.arg(1), cause);
            case SWAP_IN:
                return format(key, vm, host, e.arg(0), micros(e.arg(1)));
            case REQUEST_SUBMIT:
            case REQUEST_COMPLETE:
                return format(e.arg(1) < 0 ? key + ".slot" : key, device, e.arg(0), e.arg(1));
            case VIRTQUEUE_KICK:
            case KICK_SUPPRESSED:
                return format(key, device, e.arg(0));
            case INTERRUPT:
            case INTERRUPT_SUPPRESSED:
                return format(e.arg(0) < 0 ? key + ".plain" : key, device, e.arg(0));
            case IOTLB_MISS:
                return format(key, device, e.arg(0), e.arg(1));
            case MIGRATION_START:
                return format(key, vm, host, peer, mib(e.arg(0) * 1024));
            case MIGRATION_ROUND:
                return format(key, vm, e.arg(0), mib(e.arg(1)), mib(e.arg(2)));
            case MIGRATION_SWITCH_OVER:
                return format(key, vm, mib(e.arg(0)), micros(e.arg(1)));
            case MIGRATION_DONE:
                return format(key, vm, peer, micros(e.arg(0)), micros(e.arg(1)));
            case MIGRATION_FAILED:
                return format(key, vm, host, e.arg(0), cause);
            case PACKET_HOP:
                return format(e.arg(1) == 1 ? key + ".reply" : key, e.arg(0), e.arg(2), cause, name(e.deviceId()));
            case NAT_SOURCE_REWRITE:
            case NAT_DESTINATION_REWRITE:
                return format(key, e.arg(0), name(e.deviceId()), ipPort(e.arg(1)), ipPort(e.arg(2)), cause);
            case PACKET_DELIVERED:
            case PACKET_DROPPED:
                return format(e.arg(1) == 1 ? key + ".reply" : key, e.arg(0), name(e.deviceId()), cause);
            case WALK_REFERENCE: // a guest entry's address is guest physical, a host entry's host physical
                return format(e.cause() == WalkRole.GUEST_ENTRY ? key + ".guest" : key, e.arg(0),
                        PageTableConfig.levelName((int) e.arg(1)), "0x" + Long.toHexString(e.arg(2)), cause);
            default:
                throw new IllegalStateException("no text for " + k);
        }
    }

    /** Whether the kind is one of the network's (a packet's hop, a NAT rewrite, how a leg ended). */
    private static boolean network(EventKind k) {
        switch (k) {
            case PACKET_HOP:
            case NAT_SOURCE_REWRITE:
            case NAT_DESTINATION_REWRITE:
            case PACKET_DELIVERED:
            case PACKET_DROPPED:
                return true;
            default:
                return false;
        }
    }

    /** A NAT event's address and port ({@link NetSubsystem#ipPort}): "192.168.122.2:32768". */
    static String ipPort(long ipPort) {
        return Ip.format(NetSubsystem.ipOf(ipPort)) + ":" + NetSubsystem.portOf(ipPort);
    }

    /** KiB as MiB with one decimal: "512.0 MiB". */
    static String mib(long kib) {
        return String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    /** A span of simulated time: "850 µs" below a millisecond, else "12.345 ms". */
    static String micros(long micros) {
        return micros < 1000 ? micros + " µs" : time(micros);
    }
}
