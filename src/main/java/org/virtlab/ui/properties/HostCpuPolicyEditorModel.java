package org.virtlab.ui.properties;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.virtlab.engine.cpu.HostCpuPolicy;
import org.virtlab.engine.cpu.ReservationMode;
import org.virtlab.engine.cpu.SetReservationMode;
import org.virtlab.engine.model.HostSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.common.ScenarioEditor;
import org.virtlab.ui.i18n.I18n;

/**
 * Editing how a host shares its CPUs while the simulation runs: its reservation mode (reusable or held).
 * The hyper-threading factor and the time slice stay as the scenario sets them: the engine has no input
 * that changes them at run time, so the property panel shows them read-only.
 */
public final class HostCpuPolicyEditorModel {
    private final I18n i18n;
    private final ScenarioEditor editor;
    private final String hostId;
    private final ObjectProperty<ReservationMode> reservationMode = new SimpleObjectProperty<>();

    public HostCpuPolicyEditorModel(I18n i18n, ScenarioEditor editor, HostSpec host) {
        this.i18n = i18n;
        this.editor = editor;
        this.hostId = host.id();
        reservationMode.set(host.cpuPolicy().reservationMode());
        reservationMode.addListener((obs, was, now) -> commit());
    }

    /** The mode; choosing another one applies it. */
    public ObjectProperty<ReservationMode> reservationModeProperty() {
        return reservationMode;
    }

    /** "Reusable" or "Held". */
    public String modeLabel(ReservationMode m) {
        return i18n.get("reservationMode." + m.name().toLowerCase(Locale.ROOT));
    }

    /** Applies the chosen mode if it differs from the host's. Every mode is valid, so this always returns true. */
    public boolean commit() {
        ReservationMode m = reservationMode.get();
        Scenario s = editor.scenario();
        HostSpec host = s.host(hostId).orElseThrow();
        if (m == null || m == host.cpuPolicy().reservationMode()) {
            return true;
        }
        HostCpuPolicy policy = host.cpuPolicy().withReservationMode(m);
        editor.apply(s.withHost(host.withCpuPolicy(policy)), new SetReservationMode(hostId, m));
        return true;
    }

    /** True when this editor edits that host and shows its mode as it stands: the panel keeps it. */
    boolean isFor(HostSpec host) {
        return host.id().equals(hostId) && host.cpuPolicy().reservationMode() == reservationMode.get();
    }
}
