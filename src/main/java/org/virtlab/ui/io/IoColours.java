package org.virtlab.ui.io;

import javafx.scene.paint.Color;

/** The I/O tab's colours (Okabe–Ito, distinguishable with colour-blindness), one meaning each across its pictures. */
final class IoColours {
    static final Color TEXT = Color.rgb(40, 40, 40);
    static final Color MUTED = Color.rgb(120, 120, 120);
    static final Color GRID = Color.rgb(210, 210, 210);

    private IoColours() {
    }

    static Color state(RingData.State s) {
        return switch (s) {
            case FREE -> Color.rgb(238, 238, 238);
            case AVAILABLE -> Color.web("#56B4E9");
            case IN_DEVICE -> Color.web("#E69F00");
            case USED -> Color.web("#009E73");
        };
    }

    static Color mode(ModeKind m) {
        return switch (m) {
            case EMULATED -> Color.web("#D55E00");
            case VIRTIO -> Color.web("#0072B2");
            case PASSTHROUGH -> Color.web("#009E73");
        };
    }

    static Color mark(TimelineData.Mark m) {
        return switch (m) {
            case SUBMIT -> Color.rgb(150, 150, 150);
            case KICK -> Color.web("#0072B2");
            case DOORBELL -> Color.web("#009E73");
            case EXIT_IO_INSTRUCTION -> Color.web("#D55E00");
            case EXIT_MMIO -> Color.web("#E69F00");
            case EXIT_INTERRUPT_ACK -> Color.web("#CC79A7");
            case EXIT_EXTERNAL_INTERRUPT -> Color.web("#7B3294");
            case INTERRUPT -> Color.web("#56B4E9");
            case COMPLETE -> Color.rgb(60, 60, 60);
        };
    }

    /**
     * The colour of the {@code nth} device (from 0) of mode {@code m} in a chart of every device: the mode's colour,
     * then darker and lighter shades of it by turns, so devices of one mode stay apart and of its colour.
     */
    static Color modeShade(ModeKind m, int nth) {
        Color base = mode(m);
        if (nth == 0) {
            return base;
        }
        double step = Math.min(0.6, 0.3 * ((nth + 1) / 2));
        return nth % 2 == 1 ? base.interpolate(Color.BLACK, step) : base.interpolate(Color.WHITE, step);
    }

    /** {@code c} as 0xRRGGBB, for a chart drawn outside JavaFX. */
    static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** {@code c} mixed with white: a cell's background, light enough for dark text. */
    static Color tint(Color c, double amount) {
        return c.interpolate(Color.WHITE, amount);
    }
}
