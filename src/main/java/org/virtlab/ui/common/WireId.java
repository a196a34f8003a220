package org.virtlab.ui.common;

import java.util.Optional;
import org.virtlab.engine.model.VmSpec;

/**
 * The selection id of a wire: {@code wire:<vmId>:<nicIndex>}, the NIC of a VM that is plugged into a network
 * or a port group. Ids of the scenario never hold a colon ({@code Ranges.ID_PATTERN}), so the two parts are
 * unambiguous.
 */
public record WireId(String vmId, int nicIndex) {
    public static final String PREFIX = "wire:";

    /** The wire an id names; empty for any other id, or for a NIC index no VM can have ({@link VmSpec#MAX_NICS}). */
    public static Optional<WireId> parse(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int colon = id.lastIndexOf(':');
        if (colon <= PREFIX.length()) {
            return Optional.empty();
        }
        String index = id.substring(colon + 1);
        if (!index.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(index);
        return n < VmSpec.MAX_NICS ? Optional.of(new WireId(id.substring(PREFIX.length(), colon), n)) : Optional.empty();
    }

    /** The id the selection holds. */
    public String id() {
        return PREFIX + vmId + ":" + nicIndex;
    }
}
