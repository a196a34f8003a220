package org.virtlab.engine.net;

import java.util.List;

/**
 * How a packet's journey ended: delivered to {@code device}, or dropped there for {@code reason}.
 *
 * @param params the reason's parameters (device, addresses, network), as {@link DropReason} lists them; none
 *               when delivered
 */
public record Verdict(boolean delivered, String device, DropReason reason, List<String> params) {

    public Verdict {
        params = List.copyOf(params);
        if (delivered != (reason == null)) {
            throw new IllegalArgumentException("a verdict is delivered or has a reason, not both or neither");
        }
    }

    static Verdict delivered(String device) {
        return new Verdict(true, device, null, List.of());
    }

    static Verdict dropped(String device, DropReason reason, String... params) {
        return new Verdict(false, device, reason, List.of(params));
    }

    @Override
    public String toString() {
        return delivered ? "delivered to " + device : "dropped at " + device + ": " + reason.code() + " " + params;
    }
}
