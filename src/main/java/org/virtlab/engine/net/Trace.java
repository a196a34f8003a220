package org.virtlab.engine.net;

/**
 * A probe and what became of it: the request's hops and verdict, and, if the request was delivered, the reply's.
 *
 * @param port  the destination port asked for (TCP, UDP); 0 for ICMP
 * @param reply {@code null} when the request never arrived
 */
public record Trace(String from, String to, Protocol protocol, int port, Leg request, Leg reply) {

    /** Whether the request arrived and the reply came back. */
    public boolean delivered() {
        return reply != null && reply.verdict().delivered();
    }

    /** The verdict that decided: the request's if it was dropped, else the reply's. */
    public Verdict verdict() {
        return reply == null ? request.verdict() : reply.verdict();
    }

    /** {@code delivered}, {@code dropped: no-route} or, when the reply was lost, {@code dropped: no-route (reply)}. */
    public String summary() {
        if (delivered()) {
            return "delivered";
        }
        return "dropped: " + verdict().reason().code() + (reply != null ? " (reply)" : "");
    }
}
