package org.virtlab.engine.model;

import java.util.Optional;

/**
 * An IPv4 address with a prefix length, as CIDR notation writes it: {@code 192.168.122.0/24} (RFC 4632).
 * Any prefix from 0 to 32 and any address: whether it names a network (host bits zero) is {@link #isNetwork}.
 *
 * @param address the 32 address bits, most significant octet first
 * @param prefix  how many leading bits name the network
 */
public record Ipv4Cidr(int address, int prefix) {

    public Ipv4Cidr {
        Ranges.check("prefix", prefix, 0, 32);
    }

    /**
     * Reads {@code a.b.c.d/p}: four decimal octets 0–255 and a prefix 0–32, no signs, spaces or leading
     * zeros (some tools read {@code 010} as octal 8, others as 10, so a leading zero is refused rather
     * than guessed). Empty if {@code text} is anything else.
     */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String[] octets = text.substring(0, slash).split("\\.", -1);
        if (octets.length != 4) {
            return Optional.empty();
        }
        int address = 0;
        for (String octet : octets) {
            int value = decimal(octet, 255);
            if (value < 0) {
                return Optional.empty();
            }
            address = (address << 8) | value;
        }
        int prefix = decimal(text.substring(slash + 1), 32);
        return prefix < 0 ? Optional.empty() : Optional.of(new Ipv4Cidr(address, prefix));
    }

    /** A number of 1–3 digits without a leading zero, at most {@code max}; -1 if not. */
    private static int decimal(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** The network bits set: /24 is 255.255.255.0. */
    public int mask() {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** Whether the host bits are all zero, so that this names a network rather than an address in it. */
    public boolean isNetwork() {
        return (address & ~mask()) == 0;
    }

    /** The network this address is in: the host bits cleared ({@code 192.168.122.1/24} → {@code 192.168.122.0/24}). */
    public Ipv4Cidr network() {
        return new Ipv4Cidr(address & mask(), prefix);
    }

    /** Whether the two share any address: one network lies inside the other. */
    public boolean overlaps(Ipv4Cidr other) {
        int shorter = Math.min(prefix, other.prefix);
        int mask = shorter == 0 ? 0 : -1 << (32 - shorter);
        return (address & mask) == (other.address & mask);
    }

    /** The notation {@link #parse} reads. */
    @Override
    public String toString() {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF) + "/" + prefix;
    }
}
