package org.virtlab.ui.events;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.engine.migration.MigrationReason;
import org.virtlab.ui.i18n.I18n;

/**
 * Renders journaled events for people, in the window's language: a short name per kind, the source (VM, host or
 * device), the one-line description from the kind's {@code event.<KIND>} message and the cause's text, and the
 * simulated time. The engine's events hold only data (ids, a cause constant, numbers); every sentence is here.
 */
public final class EventTexts {
    private final I18n i18n;
    private final UnaryOperator<String> names;

    /** Texts that show ids as they are (the command line, tests). */
    public EventTexts(I18n i18n) {
        this(i18n, UnaryOperator.identity());
    }

    /** @param names a VM's or host's name for display, from its id (the scenario's; the id if it has none) */
    public EventTexts(I18n i18n, UnaryOperator<String> names) {
        this.i18n = i18n;
        this.names = names;
    }

    /** The display name of a VM or host id ("" for none). */
    public String name(String id) {
        return id == null || id.isEmpty() ? "" : names.apply(id);
    }

    /** Simulated time in milliseconds with three decimals (microsecond precision): "1234.567 ms". */
    public static String time(long micros) {
        return String.format(Locale.ROOT, "%d.%03d ms", micros / 1000, micros % 1000);
    }

    /** The kind's short name, e.g. "vCPU switch". */
    public String kind(EventKind kind) {
        return i18n.get("event.kind." + kind.name());
    }

    /** The topic's name, e.g. "Memory". */
    public String topic(EventTopic topic) {
        return i18n.get(topic.messageKey());
    }

    /** Where it happened: "VM1 · vda" for a device, else the VM, else the host. */
    public String source(SimEvent e) {
        if (e.vmId() != null && e.deviceId() != null) {
            return name(e.vmId()) + " · " + e.deviceId();
        }
        if (e.vmId() != null) {
            return name(e.vmId());
        }
        return name(e.hostId());
    }

    /** The VM an event concerns, else its host (what the VM/host filter matches); "" when neither. */
    public static String owner(SimEvent e) {
        return e.vmId() != null ? e.vmId() : e.hostId() == null ? "" : e.hostId();
    }

    /** Why, in words; "" without a cause. */
    public String cause(SimEvent e) {
        if (e.cause() == null) {
            return "";
        }
        if (e.cause() instanceof MigrationReason r) {
            return i18n.get("migration.reason." + r.name()); // the migration panel's own texts
        }
        return i18n.get(e.causeKey());
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
        switch (k) {
            case POWER_ON:
            case DOORBELL:
            case VM_EXIT:
            case REQUEST_DROPPED:
            case DEVICE_RESET:
            case MIGRATION_REFUSED:
            case MIGRATION_CANCELLED:
                return i18n.format(key, vm, host, device, peer, cause, k.arity() > 0 ? e.arg(0) : 0);
            case POWER_REFUSED: {
                String unit = "MEMORY".equals(e.cause() == null ? "" : e.cause().name()) ? " MiB" : " MHz";
                return i18n.format(key, vm, host, cause, e.arg(0) + unit, e.arg(1) + unit);
            }
            case VCPU_SWITCH:
                if (e.arg(2) < 0 || e.peerId() == null) {
                    return i18n.format(key + ".first", vm, e.arg(1), e.arg(0));
                }
                return i18n.format(key, vm, e.arg(1), e.arg(0), peer, e.arg(2));
            case COW_FAULT:
            case SHARE_BROKEN:
            case BALLOON_DEFLATE:
                return i18n.format(key, vm, host, e.arg(0), cause);
            case KSM_MERGE:
                return i18n.format(key, host, e.arg(0), e.arg(1));
            case BALLOON_INFLATE:
            case SWAP_OUT:
                return i18n.format(key, vm, host, e.arg(0), e.arg(1), cause);
            case SWAP_IN:
                return i18n.format(key, vm, host, e.arg(0), micros(e.arg(1)));
            case REQUEST_SUBMIT:
            case REQUEST_COMPLETE:
                return i18n.format(e.arg(1) < 0 ? key + ".slot" : key, device, e.arg(0), e.arg(1));
            case VIRTQUEUE_KICK:
            case KICK_SUPPRESSED:
                return i18n.format(key, device, e.arg(0));
            case INTERRUPT:
            case INTERRUPT_SUPPRESSED:
                return i18n.format(e.arg(0) < 0 ? key + ".plain" : key, device, e.arg(0));
            case IOTLB_MISS:
                return i18n.format(key, device, e.arg(0), e.arg(1));
            case MIGRATION_START:
                return i18n.format(key, vm, host, peer, mib(e.arg(0) * 1024));
            case MIGRATION_ROUND:
                return i18n.format(key, vm, e.arg(0), mib(e.arg(1)), mib(e.arg(2)));
            case MIGRATION_SWITCH_OVER:
                return i18n.format(key, vm, mib(e.arg(0)), micros(e.arg(1)));
            case MIGRATION_DONE:
                return i18n.format(key, vm, peer, micros(e.arg(0)), micros(e.arg(1)));
            case MIGRATION_FAILED:
                return i18n.format(key, vm, host, e.arg(0), cause);
            default:
                throw new IllegalStateException("no text for " + k);
        }
    }

    /** "12 of 340 events shown". */
    public String count(int shown, int total) {
        return i18n.format("events.count", shown, total);
    }

    /** That the {@code dropped} oldest events were let go. */
    public String dropped(long dropped) {
        return i18n.format("events.dropped", dropped);
    }

    /** A panel text by its key (the view's labels). */
    public String get(String key) {
        return i18n.get(key);
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
