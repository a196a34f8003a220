package org.virtlab.engine.migration;

import org.virtlab.engine.Input;

/**
 * Live-migrates a running VM to another host, pre-copy (see the package comment). Never refused by an
 * exception: a migration that cannot start appears in the {@link MigrationSnapshot} as
 * {@link MigrationPhase#REFUSED} with its {@link MigrationReason}.
 */
public record StartMigration(String vmId, String targetHostId) implements Input {
}
