package org.virtlab.engine;

import java.util.Comparator;
import java.util.List;

/**
 * One journaled event: what happened, when, where and why, as data. The window and the command line render it
 * (in English or Chinese) from {@link EventKind#messageKey()} and {@link #causeKey()} with {@link #args()}; the
 * engine holds no sentence.
 *
 * <p>Events are ordered totally by {@link #ORDER}: time, then the registration order of the subsystem that emitted
 * it, then the serial, the order of emission within its tick. (atMicros, subsystem, serial) identifies an event: a
 * rewind and the replay after it re-create it with the same three.
 *
 * @param atMicros  simulated time: within the tick it was decided in (the subsystem's finer time when it knows
 *                  one: a slice's start, a KSM wake-up, an I/O event's nanosecond rounded down; else the tick's start)
 * @param subsystem the index of the emitting subsystem in {@link Simulation#subsystems()}
 * @param serial    the order of emission within its tick (from 0)
 * @param kind      what happened
 * @param hostId    the host it happened on, or null (see the kind)
 * @param vmId      the VM, or null
 * @param deviceId  the I/O device, or null
 * @param peerId    the other party where there is one (a migration's target host, a switch's previous VM), or null
 * @param cause     why, as a constant of the emitting subsystem's own closed enum (see the kind), or null
 * @param args      the kind's numbers, {@link EventKind#argNames()} in order
 */
public record SimEvent(long atMicros, int subsystem, int serial, EventKind kind, String hostId, String vmId,
                       String deviceId, String peerId, Enum<?> cause, List<Long> args) {

    /** Time, subsystem order, serial. */
    public static final Comparator<SimEvent> ORDER = Comparator.comparingLong(SimEvent::atMicros)
            .thenComparingInt(SimEvent::subsystem).thenComparingInt(SimEvent::serial);

    public SimEvent {
        args = List.copyOf(args);
        if (args.size() != kind.arity()) {
            throw new IllegalArgumentException(kind + " carries " + kind.arity() + " numbers, got " + args.size());
        }
    }

    /** Number {@code i} of {@link #args()}. */
    public long arg(int i) {
        return args.get(i);
    }

    /**
     * The resource-bundle key of the cause, e.g. {@code event.cause.ExitReason.EPT_VIOLATION} or
     * {@code event.cause.Reclamation.Reason.HOST_SOFT} (enclosing classes joined by dots); null without a cause.
     */
    public String causeKey() {
        if (cause == null) {
            return null;
        }
        Class<?> type = cause.getDeclaringClass();
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return "event.cause." + name + "." + cause.name();
    }
}
