package org.virtlab.engine.migration;

import org.virtlab.engine.Input;

/**
 * Cancels the VM's migration under way: the VM goes on running on its source host, resumed at once if it was
 * stopped for the stop-and-copy. A cancel with nothing to cancel appears in the {@link MigrationSnapshot} as
 * {@link MigrationPhase#REFUSED} ({@link MigrationReason#NOT_MIGRATING}).
 */
public record CancelMigration(String vmId) implements Input {
}
