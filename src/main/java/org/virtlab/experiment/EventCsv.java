package org.virtlab.experiment;

import java.util.List;
import org.virtlab.engine.SimEvent;
import org.virtlab.text.EventText;

/**
 * {@code events.csv}: the run's journaled events, oldest first, one per line: {@code time_us}, {@code kind} (the
 * engine's constant), {@code source} and {@code description} in the chosen language, then the raw data: the ids,
 * the cause's constant and the kind's numbers as {@code name=value} pairs. The same events give the same bytes.
 */
public final class EventCsv {
    /** The file's name in a run's folder. */
    public static final String FILE = "events.csv";
    /** The events a run keeps (the newest; the window keeps as many): bounded memory. */
    public static final int CAPACITY = 100_000;
    static final String HEADER = "time_us,kind,source,description,host_id,vm_id,device_id,peer_id,cause,args";

    private EventCsv() {
    }

    /** The CSV text of {@code events}, described by {@code text}. */
    public static String csv(List<SimEvent> events, EventText text) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SimEvent e : events) {
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < e.args().size(); i++) {
                args.append(i == 0 ? "" : ";").append(e.kind().argNames().get(i)).append('=').append(e.arg(i));
            }
            out.append(e.atMicros()).append(',').append(e.kind().name()).append(',')
                    .append(field(text.source(e))).append(',').append(field(text.describe(e))).append(',')
                    .append(field(e.hostId())).append(',').append(field(e.vmId())).append(',')
                    .append(field(e.deviceId())).append(',').append(field(e.peerId())).append(',')
                    .append(e.cause() == null ? "" : e.cause().name()).append(',').append(args).append('\n');
        }
        return out.toString();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
