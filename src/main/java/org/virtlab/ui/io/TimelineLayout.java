package org.virtlab.ui.io;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.io.ExitReason;
import org.virtlab.engine.io.IoEventKind;
import org.virtlab.engine.io.IoSnapshot;

/**
 * Turns the devices' recent events into the exit timeline. A device keeps its last 256 events, which cover less
 * time the busier it is; the axis spans the time every device still has events for (a round 1-2-5 step), so the
 * lanes compare the same moments.
 */
public final class TimelineLayout {
    /** The shortest axis: 10 µs. */
    static final long MIN_SPAN_NANOS = 10_000;
    /** The longest: 100 ms, one metrics window. */
    static final long MAX_SPAN_NANOS = 100_000_000;

    private TimelineLayout() {
    }

    /** A device with the lane title to show for it. */
    public record Source(String title, IoSnapshot.Device device) {
    }

    public static TimelineData of(List<Source> devices, long nowNanos) {
        long span = MAX_SPAN_NANOS;
        for (Source s : devices) {
            List<IoSnapshot.Event> events = s.device().events();
            if (events.size() >= 2) {
                span = Math.min(span, nowNanos - events.get(0).atNanos());
            }
        }
        span = roundDown(Math.max(MIN_SPAN_NANOS, span));
        long start = nowNanos - span;
        List<TimelineData.Lane> lanes = new ArrayList<>(devices.size());
        for (Source s : devices) {
            lanes.add(lane(s, start, nowNanos));
        }
        return new TimelineData(start, nowNanos, lanes);
    }

    private static TimelineData.Lane lane(Source s, long start, long end) {
        boolean emulated = ModeKind.of(s.device().mode()) == ModeKind.EMULATED;
        List<TimelineData.Event> out = new ArrayList<>();
        boolean acknowledging = false; // between an interrupt and the completion it announces
        int exits = 0;
        for (IoSnapshot.Event e : s.device().events()) {
            TimelineData.Mark mark = null;
            if (e.kind() == IoEventKind.INTERRUPT) {
                acknowledging = emulated;
                mark = TimelineData.Mark.INTERRUPT;
            } else if (e.kind() == IoEventKind.COMPLETE) {
                acknowledging = false;
                mark = TimelineData.Mark.COMPLETE;
            } else if (e.kind() == IoEventKind.VM_EXIT) {
                mark = exitMark(e.exitReason(), acknowledging);
            } else if (e.kind() == IoEventKind.SUBMIT) {
                mark = TimelineData.Mark.SUBMIT;
            } else if (e.kind() == IoEventKind.KICK) {
                mark = TimelineData.Mark.KICK;
            } else if (e.kind() == IoEventKind.DOORBELL) {
                mark = TimelineData.Mark.DOORBELL;
            }
            if (mark != null && e.atNanos() >= start && e.atNanos() <= end) {
                out.add(new TimelineData.Event(e.atNanos(), mark));
                if (mark.exit()) {
                    exits++;
                }
            }
        }
        return new TimelineData.Lane(s.title(), ModeKind.of(s.device().mode()), exits, out);
    }

    /**
     * An exit's mark: an emulated device's accesses between its interrupt and the completion are the interrupt's
     * acknowledgement; a remapped interrupt is an external-interrupt exit; the rest are on the way to the device.
     */
    static TimelineData.Mark exitMark(ExitReason reason, boolean acknowledging) {
        if (reason == ExitReason.EXTERNAL_INTERRUPT) {
            return TimelineData.Mark.EXIT_EXTERNAL_INTERRUPT;
        }
        if (acknowledging) {
            return TimelineData.Mark.EXIT_INTERRUPT_ACK;
        }
        return reason == ExitReason.IO_INSTRUCTION ? TimelineData.Mark.EXIT_IO_INSTRUCTION : TimelineData.Mark.EXIT_MMIO;
    }

    /** The largest 1, 2 or 5 × 10^k nanoseconds not above {@code nanos}. */
    static long roundDown(long nanos) {
        long decade = 1;
        while (decade * 10 <= nanos) {
            decade *= 10;
        }
        if (5 * decade <= nanos) {
            return 5 * decade;
        }
        return 2 * decade <= nanos ? 2 * decade : decade;
    }
}
