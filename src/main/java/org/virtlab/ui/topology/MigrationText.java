package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import org.virtlab.engine.migration.MigrationPhase;
import org.virtlab.engine.migration.MigrationSnapshot;
import org.virtlab.engine.migration.PreCopyRound;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;
import org.virtlab.ui.common.Formats;
import org.virtlab.ui.i18n.I18n;

/** Live migrations in words for the panel: what moves where, its phase with the numbers, its rounds. */
final class MigrationText {
    private final I18n i18n;

    MigrationText(I18n i18n) {
        this.i18n = i18n;
    }

    /** The latest {@code count} migrations of the snapshot, newest first. */
    List<TopologyViewModel.MigrationItem> latest(Scenario s, MigrationSnapshot m, int count) {
        List<TopologyViewModel.MigrationItem> items = new ArrayList<>();
        List<MigrationSnapshot.Migration> all = m.migrations();
        for (int i = all.size() - 1; i >= 0 && items.size() < count; i--) {
            MigrationSnapshot.Migration mig = all.get(i);
            String vm = s.vm(mig.vmId()).map(VmSpec::name).orElse(mig.vmId());
            String from = s.host(mig.sourceHostId()).map(HostSpec::name).orElse(mig.sourceHostId());
            String to = s.host(mig.targetHostId()).map(HostSpec::name).orElse(mig.targetHostId());
            items.add(new TopologyViewModel.MigrationItem(mig.serial(), mig.vmId(),
                    i18n.format("migration.title", vm, from, to),
                    migrationStatus(mig, m.settings().bandwidthMibPerSecond()), rounds(mig), mig.phase().underWay(),
                    mig.progress(), mig.phase() == MigrationPhase.FAILED || mig.phase() == MigrationPhase.REFUSED));
        }
        return items;
    }

    /** The phase and its numbers in one line. */
    private String migrationStatus(MigrationSnapshot.Migration m, long bandwidthMibPerSecond) {
        // ρ = dirty rate ÷ bandwidth: below 1 the rounds shrink geometrically (virtualization.md §5)
        String rho = String.format(java.util.Locale.ROOT, "%.2f", m.dirtyMibPerSecond() / bandwidthMibPerSecond);
        return switch (m.phase()) {
            case PRE_COPY -> i18n.format("migration.preCopy", m.round(), Formats.mib(m.roundSentMib()),
                    Formats.mib(m.roundSizeMib()), Formats.mib(m.remainingMib()), Formats.mib(m.thresholdMib()), rho);
            case STOP_AND_COPY -> i18n.format("migration.stopAndCopy", Formats.mib(m.stopAndCopyMib()));
            case DONE -> i18n.format("migration.done", Formats.duration(m.elapsedMicros()),
                    Formats.duration(m.downtimeMicros()), Formats.mib(m.sentMib()), m.rounds().size());
            case CANCELLED -> i18n.format("migration.cancelled", Formats.duration(m.elapsedMicros()));
            case FAILED, REFUSED -> i18n.format(m.phase() == MigrationPhase.FAILED ? "migration.failed"
                    : "migration.refused", i18n.get("migration.reason." + m.reason().name()), rho);
        };
    }

    /** "Rounds: 4096 → 1024 → 256 → 64 MiB": the pre-copy rounds so far, each what was dirtied in the one before. */
    private String rounds(MigrationSnapshot.Migration m) {
        if (m.rounds().isEmpty()) {
            return "";
        }
        List<String> sizes = new ArrayList<>();
        for (PreCopyRound r : m.rounds()) {
            sizes.add(String.format(java.util.Locale.ROOT, "%.1f", r.sentMib()));
        }
        return i18n.format("migration.rounds", String.join(" → ", sizes));
    }
}
