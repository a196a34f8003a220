package org.virtlab.ui.events;

import java.util.function.UnaryOperator;
import org.virtlab.engine.EventKind;
import org.virtlab.engine.SimEvent;
import org.virtlab.text.EventText;
import org.virtlab.ui.i18n.I18n;

/**
 * The Events panel's words, in the window's language: a short name per kind and topic, the panel's labels, and,
 * from {@link EventText}, each event's source and one-line description and the simulated time.
 */
public final class EventTexts {
    private final I18n i18n;
    private final EventText text;

    /** Texts that show ids as they are (tests). */
    public EventTexts(I18n i18n) {
        this(i18n, UnaryOperator.identity());
    }

    /** @param names a VM's or host's name for display, from its id (the scenario's; the id if it has none) */
    public EventTexts(I18n i18n, UnaryOperator<String> names) {
        this.i18n = i18n;
        this.text = new EventText(i18n.locale(), names);
    }

    /** Simulated time in milliseconds with three decimals (microsecond precision): "1234.567 ms". */
    public static String time(long micros) {
        return EventText.time(micros);
    }

    /** The shared describer, for the CSV export. */
    public EventText text() {
        return text;
    }

    /** The display name of a VM or host id ("" for none). */
    public String name(String id) {
        return text.name(id);
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
        return text.source(e);
    }

    /** The VM an event concerns, else its host (what the VM/host filter matches); "" when neither. */
    public static String owner(SimEvent e) {
        return e.vmId() != null ? e.vmId() : e.hostId() == null ? "" : e.hostId();
    }

    /** Why, in words; "" without a cause. */
    public String cause(SimEvent e) {
        return text.cause(e);
    }

    /** The one-line description, e.g. "VM2 vCPU0 → pCPU1 (after VM1 vCPU0)". */
    public String describe(SimEvent e) {
        return text.describe(e);
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
}
