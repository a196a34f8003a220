package org.virtlab.charts;

/**
 * The texts a chart shows, already translated by the caller: the charts package knows no language.
 */
public record ChartLabels(String title, String timeAxis, String valueAxis, String capacity) {
}
