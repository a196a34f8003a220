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
 */
final class SlidingTableDataset extends AbstractXYDataset implements TableXYDataset {
    private static final long serialVersionUID = 1L;

    private final int capacity;
    private final double[] x;
    private final List<String> keys = new ArrayList<>();
    private double[][] y = new double[0][];
    private int start;
    private int size;

    SlidingTableDataset(int capacity) {
        this.capacity = capacity;
        this.x = new double[capacity];
    }

    /** Drops everything and starts with these series. */
    void reset(List<String> seriesKeys) {
        keys.clear();
        keys.addAll(seriesKeys);
        y = new double[seriesKeys.size()][capacity];
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
        for (int s = 0; s < y.length; s++) {
            y[s][slot] = s < values.length ? values[s] : 0;
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
}
