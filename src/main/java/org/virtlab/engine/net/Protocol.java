package org.virtlab.engine.net;

import java.util.Locale;

/** What a probe sends: an ICMP echo request (ping), a TCP SYN or a UDP datagram. */
public enum Protocol {
    /** RFC 792 echo; the echo identifier travels in the port fields of {@link Headers}. */
    ICMP,
    /** RFC 793 SYN; the reply is the SYN-ACK. */
    TCP,
    /** RFC 768 datagram; the reply is a datagram back. */
    UDP;

    /** As the command line spells it: {@code icmp}, {@code tcp}, {@code udp}. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }
}
