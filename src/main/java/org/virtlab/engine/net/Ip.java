package org.virtlab.engine.net;

import java.util.Optional;
import org.virtlab.engine.model.NicSpec;

/** IPv4 addresses as the 32 bits of an {@code int}, most significant octet first. */
public final class Ip {
    private Ip() {
    }

    /** Dotted-quad notation: {@code 192.168.122.1}. */
    public static String format(int ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    /** Reads a dotted quad as strictly as the scenario does (no leading zeros); empty if it is none. */
    public static Optional<Integer> parse(String text) {
        return NicSpec.parseAddress(text);
    }

    /** The address {@code a.b.c.d}. */
    public static int of(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    /** The network bits of a prefix: /24 is 255.255.255.0. */
    public static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** Whether {@code ip} lies in {@code network}/{@code prefix}. */
    public static boolean in(int ip, int network, int prefix) {
        int mask = mask(prefix);
        return (ip & mask) == (network & mask);
    }

    /** {@code network/prefix} in CIDR notation. */
    public static String cidr(int network, int prefix) {
        return format(network) + "/" + prefix;
    }
}
