package org.virtlab.ui.network;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.virtlab.engine.net.NetTopology;
import org.virtlab.engine.net.Protocol;
import org.virtlab.engine.net.Reachability;
import org.virtlab.ui.i18n.I18n;

/**
 * The reachability matrix as a heat map: every endpoint to every other with the sender's protocol and port, on
 * a network that has seen no traffic ({@link Reachability}); per cell whether the request arrived and the reply
 * came back, a glyph so that the answer never rests on colour alone, and the reason in words.
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

    ReachModel(I18n i18n) {
        this.i18n = i18n;
    }

    public ReadOnlyObjectProperty<Matrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    void recompute(NetTopology topology, NetTexts texts, Protocol protocol, int port) {
        if (topology == null || (protocol != Protocol.ICMP && port == 0)) {
            matrix.set(Matrix.EMPTY);
            return;
        }
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
        matrix.set(new Matrix(r.endpoints(), labels, rows, i18n.format("network.reach.title", what)));
    }
}
