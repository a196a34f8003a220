package org.virtlab.experiment;

import java.math.BigDecimal;

/** One run of a sweep: the parameter's value and the metric the run's summary gave. */
public record SweepPoint(BigDecimal value, double metric) {
}
