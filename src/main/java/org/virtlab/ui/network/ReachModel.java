package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.ui.i18n.I18n;

/**
 * The reachability matrix as a heat map: every endpoint to every other with the sender's protocol and port, on
 * a network that has seen no traffic ({@link Reachability}); per cell whether the request arrived and the reply
 * came back, a glyph so that the answer never rests on colour alone, and the reason in words. For 200 endpoints
 * that is 40,000 probes, about 0.3 s: worked out off the FX thread, the newest request winning.
 */
public final class ReachModel {
    /** How a probe between two endpoints ended. */
    public enum Outcome {
        DELIVERED("✓"), DROPPED("✗"), REPLY_DROPPED("↩");

        private final String glyph;

        Outcome(String glyph) {
            this.glyph = glyph;
        }

        /** ✓ delivered, ✗ dropped on the way there, ↩ arrived but its reply was dropped. */
        public String glyph() {
            return glyph;
        }
    }

    /** One pair: from the row's endpoint to the column's. */
    public record Cell(String from, String to, Outcome outcome, String tooltip) {
    }

    /**
     * @param ids    the endpoints' ids, rows and columns alike
     * @param labels their names in the window's language
     * @param title  what was probed: "ICMP echo", "TCP 80"
     */
    public record Matrix(List<String> ids, List<String> labels, List<List<Cell>> cells, String title) {
        public static final Matrix EMPTY = new Matrix(List.of(), List.of(), List.of(), "");

        public Matrix {
            ids = List.copyOf(ids);
            labels = List.copyOf(labels);
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    private final I18n i18n;
    private final ReadOnlyObjectWrapper<Matrix> matrix = new ReadOnlyObjectWrapper<>(Matrix.EMPTY);
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    /** Runs the probes: off the FX thread. */
    private final Executor worker;
    /** Applies a result: on the FX thread. */
    private final Executor fx;
    /** The newest request; an older one still queued or running is superseded, its result thrown away. */
    private final AtomicLong latest = new AtomicLong();

    /**
     * A model whose matrix is worked out on a worker thread of its own (one at a time, gone when idle) and applied
     * with {@link Platform#runLater}.
     */
    ReachModel(I18n i18n) {
        this(i18n, worker(), Platform::runLater);
    }

    /** A model with the given threads: tests pass a queue they run by hand, or run everything in place. */
    ReachModel(I18n i18n, Executor worker, Executor fx) {
        this.i18n = i18n;
        this.worker = worker;
        this.fx = fx;
    }

    private static Executor worker() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "virtlab-reachability");
            t.setDaemon(true);
            return t;
        });
        return pool;
    }

    public ReadOnlyObjectProperty<Matrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    /** Whether a matrix is being worked out: the view says "computing…" and dims the old one. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /**
     * Works the matrix out for the network and the sender's protocol and port, off the FX thread; call on the FX
     * thread. A later call supersedes this one: if this one has not started it never does, if it has its result
     * is dropped.
     */
    void recompute(NetTopology topology, NetTexts texts, Protocol protocol, int port) {
        long mine = latest.incrementAndGet();
        if (topology == null || (protocol != Protocol.ICMP && port == 0)) {
            matrix.set(Matrix.EMPTY);
            computing.set(false);
            return;
        }
        computing.set(true);
        worker.execute(() -> {
            if (latest.get() != mine) {
                return; // superseded while queued
            }
            Matrix m = compute(topology, texts, protocol, port);
            fx.execute(() -> {
                if (latest.get() == mine) {
                    matrix.set(m);
                    computing.set(false);
                }
            });
        });
    }

    /** The matrix itself, on whichever thread calls: the engine's probes and their texts. */
    Matrix compute(NetTopology topology, NetTexts texts, Protocol protocol, int port) {
        Reachability r = Reachability.of(topology, 0, protocol, port);
        List<String> labels = new ArrayList<>();
        for (String id : r.endpoints()) {
            labels.add(texts.endpoint(topology.endpoint(id)));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < r.endpoints().size(); i++) {
            List<Cell> row = new ArrayList<>();
            for (int j = 0; j < r.endpoints().size(); j++) {
                Reachability.Cell c = r.cells().get(i).get(j);
                Outcome o = c.delivered() ? Outcome.DELIVERED : c.inReply() ? Outcome.REPLY_DROPPED : Outcome.DROPPED;
                String from = texts.endpoint(topology.endpoint(r.endpoints().get(i)));
                String to = texts.endpoint(topology.endpoint(r.endpoints().get(j)));
                String tip = c.delivered() ? i18n.format("network.reach.tip.delivered", from, to)
                        : i18n.format(c.inReply() ? "network.reach.tip.replyDropped" : "network.reach.tip.dropped", from,
                        to, texts.named(c.device()), i18n.get("net.reason." + c.reason().name()));
                row.add(new Cell(r.endpoints().get(i), r.endpoints().get(j), o, tip));
            }
            rows.add(row);
        }
        String what = texts.protocol(protocol) + (protocol == Protocol.ICMP ? "" : " " + port);
        return new Matrix(r.endpoints(), labels, rows, i18n.format("network.reach.title", what));
    }
}
