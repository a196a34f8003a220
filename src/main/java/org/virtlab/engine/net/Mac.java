package org.virtlab.engine.net;

import java.nio.charset.StandardCharsets;

/** 48-bit MAC addresses in the low bits of a {@code long}, first octet most significant. */
public final class Mac {
    /** ff:ff:ff:ff:ff:ff, the broadcast address every station on a segment receives (IEEE 802). */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    /**
     * 52:54:00, the prefix libvirt and QEMU give the MACs they generate (libvirt.org/formatdomain.html,
     * "Setting the NIC model": "52:54:00:xx:xx:xx", a locally administered unicast range).
     */
    public static final long LIBVIRT_PREFIX = 0x5254_0000_0000L;

    private Mac() {
    }

    /** {@code 52:54:00:12:34:56}. */
    public static String format(long mac) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8) {
            int octet = (int) ((mac >>> shift) & 0xFF);
            out.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
            if (shift > 0) {
                out.append(':');
            }
        }
        return out.toString();
    }

    /** Reads six colon-separated hex octets (the scenario has already checked the form). */
    public static long parse(String text) {
        return Long.parseLong(text.replace(":", ""), 16);
    }

    /**
     * The MAC libvirt's prefix and 24 bits of an FNV-1a hash of {@code key} give: the same key, the same MAC,
     * wherever and whenever it is built.
     */
    public static long derive(String key) {
        int hash = 0x811C9DC5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return LIBVIRT_PREFIX | (hash & 0xFF_FFFFL);
    }

    /** The next MAC with the same 24-bit prefix, wrapping within it: where a derived MAC goes on a clash. */
    public static long next(long mac) {
        return (mac & ~0xFF_FFFFL) | ((mac + 1) & 0xFF_FFFFL);
    }
}
