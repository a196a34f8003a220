package org.virtlab.ui.common;

import java.util.Locale;

/** Number formats shared by the views; locale-independent digits so screenshots and tests agree. */
public final class Formats {
    private Formats() {
    }

    /** Simulated time as seconds with millisecond precision: "12.345 s". */
    public static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.3f s", micros / 1e6);
    }

    /** MHz as GHz with two decimals: "11.20 GHz". */
    public static String ghz(double mhz) {
        return String.format(Locale.ROOT, "%.2f GHz", mhz / 1000.0);
    }

    /** A percentage with no decimals: "70 %". */
    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }

    /** MiB with one decimal: "38.4 MiB". */
    public static String mib(double mib) {
        return String.format(Locale.ROOT, "%.1f MiB", mib);
    }

    /** A duration in ms below a second, else in s: "125 ms", "42.6 s". */
    public static String duration(double micros) {
        return micros < 1e6 ? String.format(Locale.ROOT, "%.0f ms", micros / 1e3)
                : String.format(Locale.ROOT, "%.1f s", micros / 1e6);
    }

    /** MiB as GiB when whole, else MiB: "64 GiB", "1536 MiB". */
    public static String memory(long mib) {
        return mib % 1024 == 0 ? (mib / 1024) + " GiB" : mib + " MiB";
    }
}
