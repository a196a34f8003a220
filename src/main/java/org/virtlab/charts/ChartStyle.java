package org.virtlab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One look for every chart: legible on a classroom projector (a 1280 × 720 picture seen from the back row:
 * titles 18 px, axis labels 15, tick labels and legends 14), the Okabe–Ito colours that people with a
 * colour-vision deficiency tell apart, white plots with light grid lines.
 *
 * <p>A chart shown in the window can be given a {@link Look} (presenter scale, dark background): its fonts and
 * line widths grow by the scale, grid lines and greys get stronger, and in the dark look the chart and plot
 * backgrounds are dark and text is light. Charts re-apply their look whenever they call {@link #apply} or
 * {@link #plot}; a chart never given a look (every exported or command-line chart) has {@link Look#DEFAULT}.
 */
public final class ChartStyle {
    /** Okabe &amp; Ito (2008), "Color Universal Design": the eight colours, named as they name them. */
    public static final Color BLACK = new Color(0x000000);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color SKY_BLUE = new Color(0x56B4E9);
    public static final Color BLUISH_GREEN = new Color(0x009E73);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
    /** VM colours, in scenario order (the palette's order here is the VM cards' and tables' order too). */
    private static final Color[] VM_COLOURS = {
        BLUE, ORANGE, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, VERMILLION, YELLOW, BLACK,
    };
    /** The hosts' capacity: a dashed vermillion line (the palette's red). */
    public static final Color CAPACITY = VERMILLION;
    /** Neutral greys for what is no VM's: totals, reference lines, idle time. */
    public static final Color DARK_GREY = new Color(0x444444);
    public static final Color LIGHT_GREY = new Color(0xBBBBBB);
    public static final Color GRID = new Color(0xDDDDDD);

    /** "SansSerif" is a logical font: Java maps it to a real one with CJK glyphs where the system has them. */
    private static final String FONT = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT, Font.BOLD, 18);
    public static final Font LABEL_FONT = new Font(FONT, Font.PLAIN, 15);
    public static final Font TICK_FONT = new Font(FONT, Font.PLAIN, 14);
    public static final Font LEGEND_FONT = new Font(FONT, Font.PLAIN, 14);

    /** The dark look's backgrounds and text (GitHub Primer dark, the window's dark theme). */
    public static final Color DARK_BACKGROUND = new Color(0x0D1117);
    public static final Color DARK_TEXT = new Color(0xE6EDF3);
    public static final Color DARK_GRID = new Color(0x30363D);
    /** Greys on a dark background: what {@link #DARK_GREY} and {@link #BLACK} series become there. */
    public static final Color DARK_LOOK_GREY = new Color(0xC9D1D9);
    /** Grid lines with raised contrast (presenter mode on the light look). */
    public static final Color STRONG_GRID = new Color(0xB0B0B0);

    /**
     * How a chart shown in the window looks: {@code scale} multiplies font sizes and line widths (1 to 2; above
     * 1 the contrast is raised too), {@code dark} draws light on dark.
     */
    public record Look(double scale, boolean dark) {
        public static final Look DEFAULT = new Look(1, false);

        public Look {
            if (!(scale >= 1 && scale <= 2)) {
                throw new IllegalArgumentException("scale must be 1–2, was " + scale);
            }
        }
    }

    /** Where the legend was before a scaled look moved it beside the plot. */
    private static final RenderingHints.Key MOVED_KEY = new RenderingHints.Key(0x5649_4C4D) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof RectangleEdge;
        }
    };

    /**
     * Where a chart keeps its look: among its own rendering hints, so that it lives and dies with the chart (a map
     * keyed by charts would not do: a chart's hash code follows its fonts and colours).
     */
    private static final RenderingHints.Key LOOK_KEY = new RenderingHints.Key(0x5649_4C4B) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof Look;
        }
    };

    private ChartStyle() {
    }

    /** Gives {@code chart} a look and styles it with it; later {@link #apply} calls keep that look. */
    public static void apply(JFreeChart chart, Look look) {
        chart.getRenderingHints().put(LOOK_KEY, look);
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        apply(chart);
        chart.setNotify(notify);
    }

    /** The chart's look: the one last given, else {@link Look#DEFAULT}. */
    public static Look lookOf(JFreeChart chart) {
        Object look = chart == null ? null : chart.getRenderingHints().get(LOOK_KEY);
        return look instanceof Look l ? l : Look.DEFAULT;
    }

    public static Paint vmColour(int index) {
        return VM_COLOURS[Math.floorMod(index, VM_COLOURS.length)];
    }

    /** Styles the chart's title, legends, plot and axes (for a combined plot: the subplots it has now). */
    public static void apply(JFreeChart chart) {
        Look look = lookOf(chart);
        chart.setBackgroundPaint(background(look));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(scaled(TITLE_FONT, chart.getTitle().getFont(), look));
            chart.getTitle().setPaint(text(look));
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle legend) {
                legend.setItemFont(scaled(LEGEND_FONT, legend.getItemFont(), look));
                legend.setItemPaint(text(look));
                if (look.dark()) {
                    legend.setBackgroundPaint(DARK_BACKGROUND);
                } else if (DARK_BACKGROUND.equals(legend.getBackgroundPaint())) {
                    legend.setBackgroundPaint(Color.WHITE); // JFreeChart's own legend background
                }
                // Scaled text in a window no taller than a projector's: the legend goes beside the plot, which
                // keeps its height.
                if (look.scale() > 1 && legend.getPosition() != RectangleEdge.RIGHT) {
                    chart.getRenderingHints().put(MOVED_KEY, legend.getPosition());
                    legend.setPosition(RectangleEdge.RIGHT);
                } else if (look.scale() == 1 && chart.getRenderingHints().get(MOVED_KEY) instanceof RectangleEdge was) {
                    chart.getRenderingHints().remove(MOVED_KEY);
                    legend.setPosition(was);
                }
            }
        }
        plot(chart.getPlot(), look);
    }

    /** Styles a plot and its axes; {@link #apply} calls it, charts call it for subplots added later. */
    public static void plot(Plot plot) {
        Plot root = plot.getRootPlot();
        plot(plot, lookOf(root == null ? null : root.getChart()));
    }

    private static void plot(Plot plot, Look look) {
        plot.setBackgroundPaint(background(look));
        if (plot instanceof CombinedRangeXYPlot combined) {
            axis(combined.getRangeAxis(), look);
            combined.getSubplots().forEach(p -> plot((Plot) p, look));
        } else if (plot instanceof CombinedDomainXYPlot combined) {
            axis(combined.getDomainAxis(), look);
            combined.getSubplots().forEach(p -> plot((Plot) p, look));
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid(look));
            xy.setRangeGridlinePaint(grid(look));
            xy.setOutlineVisible(false);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i), look);
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i), look);
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                int series = xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount();
                if (xy.getRenderer(i) instanceof AbstractRenderer r) {
                    series(r, series, look);
                }
            }
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(grid(look));
            category.setOutlineVisible(false);
            for (int i = 0; i < category.getDomainAxisCount(); i++) {
                axis(category.getDomainAxis(i), look);
            }
            for (int i = 0; i < category.getRangeAxisCount(); i++) {
                axis(category.getRangeAxis(i), look);
            }
            for (int i = 0; i < category.getRendererCount(); i++) {
                int series = category.getDataset(i) == null ? 0 : category.getDataset(i).getRowCount();
                if (category.getRenderer(i) instanceof AbstractRenderer r) {
                    series(r, series, look);
                }
            }
        }
    }

    /** An axis' label and tick label fonts. */
    public static void axis(Axis axis) {
        axis(axis, Look.DEFAULT);
    }

    private static void axis(Axis axis, Look look) {
        if (axis != null) {
            axis.setLabelFont(scaled(LABEL_FONT, axis.getLabelFont(), look));
            axis.setTickLabelFont(scaled(TICK_FONT, axis.getTickLabelFont(), look));
            axis.setLabelPaint(text(look));
            axis.setTickLabelPaint(text(look));
            Color line = look.dark() ? DARK_LOOK_GREY : look.scale() > 1 ? BLACK : Color.GRAY;
            axis.setAxisLinePaint(line);
            axis.setTickMarkPaint(line);
        }
    }

    /** Series line widths scaled (from the width the chart set), greys made light on the dark look. */
    private static void series(AbstractRenderer r, int count, Look look) {
        for (int i = 0; i < count; i++) {
            Stroke stroke = r.getSeriesStroke(i);
            if (stroke instanceof BasicStroke basic) {
                BasicStroke wanted = thick(basic, look.scale());
                if (!wanted.equals(basic) || wanted.getClass() != basic.getClass()) {
                    r.setSeriesStroke(i, wanted, false);
                }
            }
            Paint paint = r.getSeriesPaint(i);
            if (look.dark() && (DARK_GREY.equals(paint) || BLACK.equals(paint)) && !(paint instanceof OnDark)) {
                r.setSeriesPaint(i, new OnDark((Color) paint), false);
            } else if (!look.dark() && paint instanceof OnDark onDark) {
                r.setSeriesPaint(i, onDark.original, false);
            }
        }
        r.setDefaultStroke(thick(r.getDefaultStroke() instanceof BasicStroke b ? b : new BasicStroke(1f), look.scale()),
                false);
    }

    /** A stroke {@code scale} times as wide as the one the chart set (dashes too); scale 1 gives that one back. */
    public static BasicStroke thick(BasicStroke stroke, double scale) {
        BasicStroke base = stroke instanceof Thick t ? t.base : stroke;
        return scale == 1 ? base : new Thick(base, (float) scale);
    }

    /** A scaled stroke that remembers the chart's own, so that scaling again never compounds. */
    private static final class Thick extends BasicStroke {
        private final BasicStroke base;

        Thick(BasicStroke base, float scale) {
            super(base.getLineWidth() * scale, base.getEndCap(), base.getLineJoin(), base.getMiterLimit(),
                    dashes(base.getDashArray(), scale), base.getDashPhase() * scale);
            this.base = base;
        }

        private static float[] dashes(float[] dash, float scale) {
            if (dash == null) {
                return null;
            }
            float[] out = new float[dash.length];
            for (int i = 0; i < dash.length; i++) {
                out[i] = dash[i] * scale;
            }
            return out;
        }
    }

    /** A grey or black series on the dark look, drawn light, remembering its own colour. */
    private static final class OnDark extends Color {
        private final Color original;

        OnDark(Color original) {
            super(DARK_LOOK_GREY.getRGB());
            this.original = original;
        }
    }

    private static Font scaled(Font base, Font current, Look look) {
        int style = current == null ? base.getStyle() : current.getStyle();
        return base.deriveFont(style, (float) (base.getSize2D() * look.scale()));
    }

    private static Color background(Look look) {
        return look.dark() ? DARK_BACKGROUND : Color.WHITE;
    }

    private static Color text(Look look) {
        return look.dark() ? DARK_TEXT : BLACK;
    }

    private static Color grid(Look look) {
        return look.dark() ? DARK_GRID : look.scale() > 1 ? STRONG_GRID : GRID;
    }

    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
