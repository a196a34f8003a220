package org.virtlab.ui.io;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.virtlab.engine.io.SplitVirtqueue;
import org.virtlab.ui.i18n.I18n;

/**
 * Draws a split virtqueue (virtio 1.1 §2.6): on the left a window of the descriptor table, a row per descriptor
 * {addr, len, flags, next} coloured by where its request is, chains linked by arrows; on the right the available
 * ring and the used ring as rows of slots with their header fields, the producer's idx above, the consumer's
 * private index and the other side's event index below, each at the slot it maps to. A kick flashes the available
 * ring, an interrupt the used ring. Every field explains itself on hover. Redraws when given data or resized.
 */
public final class RingCanvas extends Region {
    static final double ROW = 21;
    private static final double TABLE_TOP = 46;
    /** The table's width: index, addr, len, flags and next, and room for the chains' arrows. */
    private static final double TABLE_W = 366;
    private static final double CELL_W = 48;
    private static final double CELL_H = 30;
    private static final double STRIP_H = 140;
    private static final double LEGEND_H = 26;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 14);
    private static final Font BODY = Font.font("System", 13);
    private static final Font SMALL = Font.font("System", 12);
    private static final Font MONO = Font.font("Monospaced", 12.5);

    private final Canvas canvas = new Canvas();
    private final I18n i18n;
    private final BiConsumer<Integer, Integer> capacity;
    private final HitRegions hits;
    private RingData data;
    private RingData.Mark mark;
    /** The ring slot framed for the mark, or −1. */
    private int markedSlot = -1;

    /** @param capacity told the descriptor rows and ring slots that fit, whenever the size changes */
    RingCanvas(I18n i18n, BiConsumer<Integer, Integer> capacity) {
        this.i18n = i18n;
        this.capacity = capacity;
        getChildren().add(canvas);
        org.virtlab.ui.common.Presentation.paper(this); // drawn in light colours: a light sheet in the dark theme
        hits = new HitRegions(canvas);
        hits.followLook(this, 2 * STRIP_H + LEGEND_H + 8);
        setPrefHeight(2 * STRIP_H + LEGEND_H + 8);
    }

    void show(RingData next) {
        data = next;
        draw();
    }

    /** Points at a ring entry (the selected event), or at nothing. */
    void mark(RingData.Mark next) {
        mark = next;
        draw();
    }

    /** The slot framed for the selected event, if it is in the window shown (tests); −1: none. */
    public int markedSlot() {
        return markedSlot;
    }

    /** The explanation at a point of the drawing (tests). */
    String explanationAt(double x, double y) {
        return hits.at(x, y);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        double zoom = hits.fit(getHeight());
        double width = getWidth() / zoom; // in the drawing's own units
        double height = getHeight() / zoom;
        double tableW = tableWidth(width);
        int rows = (int) Math.max(1, Math.floor((height - TABLE_TOP - LEGEND_H - 18) / ROW));
        int slots = (int) Math.max(2, Math.floor((width - tableW - 40) / CELL_W));
        capacity.accept(rows, slots);
        draw();
    }

    private static double tableWidth(double w) {
        return TABLE_W;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[] size = hits.begin(canvas); // in the drawing's own units: presenter mode scales it up
        double w = size[0];
        double h = size[1];
        markedSlot = -1;
        if (data == null) {
            return;
        }
        double tableW = tableWidth(w);
        drawTable(g, 6, tableW - 12, h);
        double x0 = tableW + 16;
        double ringW = w - x0 - 8;
        drawStrip(g, x0, 4, ringW, data.avail(), data.used().event(), true);
        drawStrip(g, x0, Math.max(STRIP_H + 6, h - LEGEND_H - STRIP_H - 2), ringW, data.used(), data.avail().event(),
                false);
        drawLegend(g, 6, h - LEGEND_H + 4);
    }

    // ---- the descriptor table ----------------------------------------------------------------------------------

    private void drawTable(GraphicsContext g, double x, double width, double h) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(IoColours.TEXT);
        g.setFont(TITLE);
        String title = i18n.format("io.ring.table", Integer.toString(data.queueSize()), Integer.toString(data.numFree()));
        g.fillText(title, x, 4);
        hits.add(x, 4, textWidth(title, TITLE), 18, i18n.get("io.ring.table.help"));
        double[] col = {x, x + 34, x + 136, x + 194, x + 284};
        String[] head = {"#", "addr", "len", "flags", "next"};
        String[] help = {"io.field.index.help", "io.field.addr.help", "io.field.len.help", "io.field.flags.help",
            "io.field.next.help"};
        g.setFont(SMALL);
        g.setFill(IoColours.MUTED);
        for (int c = 0; c < head.length; c++) {
            g.fillText(head[c], col[c] + 2, 26);
            double cw = (c + 1 < col.length ? col[c + 1] : x + width) - col[c];
            hits.add(col[c], 24, cw, 20, i18n.get(help[c]));
        }
        double y = TABLE_TOP;
        List<RingData.Descriptor> rows = data.descriptors();
        if (data.moreAbove()) {
            g.fillText("⋮", x + 12, y - 14);
        }
        for (RingData.Descriptor d : rows) {
            boolean free = d.state() == RingData.State.FREE;
            g.setFill(free ? Color.WHITE : IoColours.tint(IoColours.state(d.state()), 0.45));
            g.fillRect(x, y, width - 18, ROW - 1);
            g.setFill(free ? IoColours.MUTED : IoColours.TEXT);
            g.setFont(d.index() == d.head() ? Font.font("Monospaced", FontWeight.BOLD, 12.5) : MONO);
            double ty = y + 3;
            g.fillText(Integer.toString(d.index()), col[0] + 2, ty);
            g.setFont(MONO);
            g.fillText(String.format(Locale.ROOT, "0x%X", d.addr()), col[1] + 2, ty);
            g.fillText(Integer.toString(d.lenBytes()), col[2] + 2, ty);
            g.fillText(flags(d.flags()), col[3] + 2, ty);
            g.fillText((d.flags() & SplitVirtqueue.DESC_F_NEXT) != 0 ? Integer.toString(d.next()) : "–", col[4] + 2, ty);
            hits.add(x, y, width - 18, ROW - 1, describe(d));
            y += ROW;
        }
        // chains: an arrow from each descriptor with NEXT to the next one, when both are shown
        g.setStroke(IoColours.TEXT);
        g.setLineWidth(1.4);
        double ax = x + width - 16;
        for (int i = 0; i < rows.size(); i++) {
            RingData.Descriptor d = rows.get(i);
            if ((d.flags() & SplitVirtqueue.DESC_F_NEXT) == 0) {
                continue;
            }
            int j = d.next() - rows.get(0).index();
            if (j < 0 || j >= rows.size()) {
                continue;
            }
            double y1 = TABLE_TOP + i * ROW + ROW / 2;
            double y2 = TABLE_TOP + j * ROW + ROW / 2;
            double bend = ax + 8 + 3 * (i % 2);
            g.strokePolyline(new double[] {ax - 4, bend, bend, ax - 2}, new double[] {y1, y1, y2, y2}, 4);
            g.setFill(IoColours.TEXT);
            g.fillPolygon(new double[] {ax - 2, ax + 4, ax + 4}, new double[] {y2, y2 - 4, y2 + 4}, 3);
        }
        if (data.moreBelow()) {
            g.setFill(IoColours.MUTED);
            g.setFont(SMALL);
            g.fillText("⋮", x + 12, y);
        }
    }

    private String describe(RingData.Descriptor d) {
        String where = i18n.get("io.state." + d.state().name().toLowerCase(Locale.ROOT));
        String text = i18n.format("io.ring.descriptor", Integer.toString(d.index()),
                String.format(Locale.ROOT, "0x%X", d.addr()), Integer.toString(d.lenBytes()), flags(d.flags()),
                Integer.toString(d.next()), where);
        if (d.head() >= 0 && d.head() != d.index()) {
            text += "\n" + i18n.format("io.ring.descriptor.member", Integer.toString(d.head()));
        }
        if (d.indirectEntries() > 0) {
            text += "\n" + i18n.format("io.ring.descriptor.indirect", Integer.toString(d.indirectEntries()));
        }
        return text;
    }

    /** "NEXT|WRITE", "INDIRECT", "–" (virtio 1.1 §2.6.5: NEXT = 1, WRITE = 2, INDIRECT = 4). */
    static String flags(int flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & SplitVirtqueue.DESC_F_NEXT) != 0) {
            b.append("NEXT");
        }
        if ((flags & SplitVirtqueue.DESC_F_WRITE) != 0) {
            b.append(b.length() > 0 ? "|" : "").append("WRITE");
        }
        if ((flags & SplitVirtqueue.DESC_F_INDIRECT) != 0) {
            b.append(b.length() > 0 ? "|" : "").append("INDIRECT");
        }
        return b.length() == 0 ? "–" : b.toString();
    }

    // ---- the rings ------------------------------------------------------------------------------------------------

    /**
     * One ring: its title, its header fields, its slots with idx above and, below, the consumer's index and the event
     * index the other side keeps for this ring (avail_event for the available ring, used_event for the used ring).
     */
    private void drawStrip(GraphicsContext g, double x, double y, double width, RingData.Strip strip, int otherEvent,
                           boolean avail) {
        String prefix = avail ? "io.avail" : "io.used";
        int size = data.queueSize();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(IoColours.TEXT);
        g.setFont(TITLE);
        String title = i18n.get(prefix + ".title");
        g.fillText(title, x, y);
        hits.add(x, y, textWidth(title, TITLE), 18, i18n.get(prefix + ".title.help"));
        double bx = x + textWidth(title, TITLE) + 12;
        long flash = avail ? data.kicksNow() : data.interruptsNow();
        if (flash > 0) {
            String badge = i18n.format(avail ? "io.ring.kicks" : "io.ring.interrupts", Long.toString(flash));
            double bw = textWidth(badge, TITLE) + 14;
            g.setFill(avail ? IoColours.mark(TimelineData.Mark.KICK) : IoColours.mark(TimelineData.Mark.INTERRUPT));
            g.fillRoundRect(bx, y - 2, bw, 21, 10, 10);
            g.setFill(Color.WHITE);
            g.fillText(badge, bx + 7, y);
            hits.add(bx, y - 2, bw, 21, i18n.get(avail ? "io.ring.kicks.help" : "io.ring.interrupts.help"));
            bx += bw + 10;
        }

        // header fields, each explained on hover
        g.setFont(BODY);
        double fx = x;
        double fy = y + 19;
        String flagName = strip.flags() == 0 ? "" : avail ? " NO_INTERRUPT" : " NO_NOTIFY";
        fx = field(g, fx, fy, "flags " + strip.flags() + flagName, i18n.get(prefix + ".flags.help"));
        fx = field(g, fx, fy, i18n.format("io.ring.idx", Integer.toString(strip.idx()),
                Integer.toString(strip.idxSlot())), i18n.format(prefix + ".idx.help", Integer.toString(size)));
        String eventName = avail ? "used_event" : "avail_event";
        String eventText = eventName + " " + strip.event() + (data.eventIdx() ? "" : " " + i18n.get("io.ring.unused"));
        field(g, fx, fy, eventText, i18n.get(prefix + ".event.help"));

        // the slots
        List<RingData.Slot> slots = strip.slots();
        int shown = (int) Math.min(slots.size(), Math.floor(width / CELL_W));
        double cy = y + 58;
        String window = i18n.format("io.ring.window", Integer.toString(shown), Integer.toString(size));
        if (shown < size && bx + textWidth(window, SMALL) < x + width) {
            g.setFill(IoColours.MUTED);
            g.setFont(SMALL);
            g.fillText(window, bx, y + 2);
        }
        for (int k = 0; k < shown; k++) {
            RingData.Slot s = slots.get(k);
            double cx = x + k * CELL_W;
            g.setFill(s.pending() ? IoColours.tint(IoColours.state(s.state()), 0.3) : Color.WHITE);
            g.fillRect(cx, cy, CELL_W - 2, CELL_H);
            g.setStroke(s.pending() ? IoColours.state(s.state()) : IoColours.GRID);
            g.setLineWidth(s.pending() ? 2 : 1);
            g.strokeRect(cx, cy, CELL_W - 2, CELL_H);
            g.setFill(s.pending() ? IoColours.TEXT : IoColours.MUTED);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(MONO);
            if (!s.listed()) {
                g.fillText("·", cx + CELL_W / 2 - 1, cy + 9);
            } else if (avail) {
                g.fillText(Integer.toString(s.id()), cx + CELL_W / 2 - 1, cy + 9);
            } else {
                g.fillText(Integer.toString(s.id()), cx + CELL_W / 2 - 1, cy + 2);
                g.setFont(Font.font("Monospaced", 11));
                g.fillText(Integer.toString(s.lenBytes()), cx + CELL_W / 2 - 1, cy + 18);
            }
            g.setFont(SMALL);
            g.setFill(IoColours.MUTED);
            g.fillText(Integer.toString(s.slot()), cx + CELL_W / 2 - 1, cy + CELL_H + 2);
            hits.add(cx, cy, CELL_W - 2, CELL_H, slotText(s, avail));
        }
        g.setTextAlign(TextAlignment.LEFT);
        if (shown == 0) {
            return;
        }
        int first = slots.get(0).slot();
        if (mark != null && mark.used() != avail) {
            int slot = RingLayout.slot(mark.idx() - 1, size);
            int k = Math.floorMod(slot - first, size);
            if (k < shown) { // a dark frame round the entry the selected event published or returned
                markedSlot = slot;
                g.setStroke(Color.rgb(20, 20, 20));
                g.setLineWidth(3.5);
                g.strokeRect(x + k * CELL_W - 2, cy - 2, CELL_W + 2, CELL_H + 4);
                g.setLineWidth(1);
            }
        }
        // the producer's idx: where its next entry goes
        marker(g, x, cy - 1, first, shown, strip.idxSlot(), "idx", true, 0, IoColours.TEXT,
                i18n.format(prefix + ".idx.help", Integer.toString(size)));
        // the consumer's private index, and the event index the other side set for this ring
        String consumer = avail ? "last_avail_idx" : "last_used_idx";
        marker(g, x, cy + CELL_H + 16, first, shown, strip.consumerSlot(), consumer + " " + strip.consumer(), false,
                0, IoColours.MUTED, i18n.get(prefix + ".consumer.help"));
        if (data.eventIdx()) {
            String event = avail ? "avail_event" : "used_event";
            int eventSlot = RingLayout.slot(otherEvent, size);
            marker(g, x, cy + CELL_H + 16, first, shown, eventSlot, event + " " + otherEvent, false, 14,
                    avail ? IoColours.mark(TimelineData.Mark.KICK) : IoColours.mark(TimelineData.Mark.EXIT_INTERRUPT_ACK),
                    i18n.get(prefix + ".marker.help"));
        }
    }

    private String slotText(RingData.Slot s, boolean avail) {
        if (!s.listed()) {
            return i18n.format("io.ring.slot.unlisted", Integer.toString(s.slot()));
        }
        String text = avail ? i18n.format("io.avail.slot", Integer.toString(s.slot()), Integer.toString(s.id()))
                : i18n.format("io.used.slot", Integer.toString(s.slot()), Integer.toString(s.id()),
                        Integer.toString(s.lenBytes()));
        return text + "\n" + i18n.get(s.pending() ? (avail ? "io.avail.slot.pending" : "io.used.slot.pending")
                : "io.ring.slot.consumed");
    }

    /** A triangle at the slot an index points at, with its label, if that slot is shown. */
    private void marker(GraphicsContext g, double x, double y, int first, int shown, int slot, String label,
                        boolean above, double labelDrop, Color colour, String help) {
        int k = Math.floorMod(slot - first, data.queueSize());
        if (k >= shown) {
            return;
        }
        double cx = x + k * CELL_W + CELL_W / 2 - 1;
        g.setFill(colour);
        if (above) {
            g.fillPolygon(new double[] {cx - 6, cx + 6, cx}, new double[] {y - 9, y - 9, y}, 3);
        } else {
            g.fillPolygon(new double[] {cx - 6, cx + 6, cx}, new double[] {y + 9, y + 9, y}, 3);
        }
        g.setFont(SMALL);
        double lw = textWidth(label, SMALL);
        double lx = Math.max(x, cx - lw / 2);
        double ly = above ? y - 24 : y + 10 + labelDrop;
        g.fillText(label, lx, ly);
        hits.add(Math.min(lx, cx - 6), above ? ly : y, Math.max(lw, 12) + 6, above ? 24 : 24 + labelDrop, help);
    }

    private double field(GraphicsContext g, double x, double y, String text, String help) {
        g.setFill(IoColours.TEXT);
        g.fillText(text, x, y);
        double w = textWidth(text, BODY);
        hits.add(x, y, w, 18, help);
        return x + w + 18;
    }

    private void drawLegend(GraphicsContext g, double x, double y) {
        g.setFont(SMALL);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (RingData.State s : RingData.State.values()) {
            g.setFill(s == RingData.State.FREE ? Color.WHITE : IoColours.tint(IoColours.state(s), 0.3));
            g.fillRect(x, y + 2, 14, 14);
            g.setStroke(s == RingData.State.FREE ? IoColours.GRID : IoColours.state(s));
            g.setLineWidth(1.5);
            g.strokeRect(x, y + 2, 14, 14);
            String label = i18n.get("io.state." + s.name().toLowerCase(Locale.ROOT));
            g.setFill(IoColours.TEXT);
            g.fillText(label, x + 19, y + 1);
            double lw = textWidth(label, SMALL);
            hits.add(x, y, lw + 20, 18, i18n.get("io.state." + s.name().toLowerCase(Locale.ROOT) + ".help"));
            x += lw + 36;
        }
    }

    static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
