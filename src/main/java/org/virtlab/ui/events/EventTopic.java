package org.virtlab.ui.events;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.EventKind;

/** The topics the Events panel groups kinds by: the subsystem that emits them (see {@link EventKind}). */
public enum EventTopic {
    CPU, MEMORY, IO, MIGRATION, NETWORK;

    /** The topic of {@code kind}, from the engine's grouping of the kinds. */
    public static EventTopic of(EventKind kind) {
        switch (kind) {
            case POWER_ON:
            case POWER_REFUSED:
            case VCPU_SWITCH:
                return CPU;
            case COW_FAULT:
            case SHARE_BROKEN:
            case KSM_MERGE:
            case BALLOON_INFLATE:
            case BALLOON_DEFLATE:
            case SWAP_OUT:
            case SWAP_IN:
            case WALK_REFERENCE:
                return MEMORY;
            case MIGRATION_START:
            case MIGRATION_REFUSED:
            case MIGRATION_ROUND:
            case MIGRATION_SWITCH_OVER:
            case MIGRATION_DONE:
            case MIGRATION_FAILED:
            case MIGRATION_CANCELLED:
                return MIGRATION;
            case PACKET_HOP:
            case NAT_SOURCE_REWRITE:
            case NAT_DESTINATION_REWRITE:
            case PACKET_DELIVERED:
            case PACKET_DROPPED:
                return NETWORK;
            default:
                return IO;
        }
    }

    /** The kinds of this topic, in the engine's order. */
    public List<EventKind> kinds() {
        List<EventKind> out = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            if (of(k) == this) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    /** The bundle key of the topic's name. */
    public String messageKey() {
        return "event.topic." + name();
    }
}
