/**
 * Experiments built on whole runs, shared by the window and the command line: what a run reports
 * ({@link org.virtlab.experiment.RunSummary}, written as {@code summary.json}). Headless: no JavaFX here.
 */
package org.virtlab.experiment;
