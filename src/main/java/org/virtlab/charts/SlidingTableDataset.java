package org.virtlab.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * A table of series sharing one x column, keeping only the newest {@code capacity} rows in ring buffers:
 * what a stacked live chart needs. (JFreeChart's DefaultTableXYDataset re-adds rows that a series pruned,
 * so it cannot slide.) Appending costs O(series); one change event per batch.
 *
 * <p>A {@linkplain #stacked stacked} table is given each series' own value and answers {@link #getYValue} with the
 * running sum up to that series (the top edge of its layer, what the area renderer draws), while
 * {@link #ownValue} keeps the value itself for the CSV: a student's spreadsheet wants VM2's GHz, not VM1 + VM2.
 */
final class SlidingTableDataset extends AbstractXYDataset implements TableXYDataset {
    private static final long serialVersionUID = 1L;

    private final int capacity;
    private final double[] x;
    private final List<String> keys = new ArrayList<>();
    private final boolean stacked;
    private double[][] y = new double[0][];
    private double[][] own = new double[0][];
    private int start;
    private int size;

    SlidingTableDataset(int capacity) {
        this(capacity, false);
    }

    private SlidingTableDataset(int capacity, boolean stacked) {
        this.capacity = capacity;
        this.x = new double[capacity];
        this.stacked = stacked;
    }

    /** A table whose series are layers of a stack: y is the running sum, {@link #ownValue} each layer's value. */
    static SlidingTableDataset stacked(int capacity) {
        return new SlidingTableDataset(capacity, true);
    }

    boolean isStacked() {
        return stacked;
    }

    /** Drops everything and starts with these series. */
    void reset(List<String> seriesKeys) {
        keys.clear();
        keys.addAll(seriesKeys);
        y = new double[seriesKeys.size()][capacity];
        own = stacked ? new double[seriesKeys.size()][capacity] : y;
        start = 0;
        size = 0;
        fireDatasetChanged();
    }

    /** Adds a row without notifying; call {@link #changed()} after a batch. */
    void append(double xValue, double[] values) {
        int slot = (start + size) % capacity;
        if (size == capacity) {
            start = (start + 1) % capacity;
        } else {
            size++;
        }
        x[slot] = xValue;
        double sum = 0;
        for (int s = 0; s < y.length; s++) {
            double v = s < values.length ? values[s] : 0;
            own[s][slot] = v;
            sum += v;
            y[s][slot] = stacked ? sum : v;
        }
    }

    void changed() {
        fireDatasetChanged();
    }

    double firstX() {
        return x[start];
    }

    double lastX() {
        return x[(start + size - 1) % capacity];
    }

    @Override
    public int getItemCount() {
        return size;
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return size;
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return x[(start + item) % capacity];
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return y[series][(start + item) % capacity];
    }

    /** The series' own value at {@code item}: for a stacked table the layer's thickness, else {@link #getYValue}. */
    double ownValue(int series, int item) {
        return own[series][(start + item) % capacity];
    }
}
