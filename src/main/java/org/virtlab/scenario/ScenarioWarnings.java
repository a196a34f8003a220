package org.virtlab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.virtlab.engine.model.NicSpec;
import org.virtlab.engine.model.Scenario;
import org.virtlab.engine.model.VmSpec;

/**
 * What is allowed in a scenario file but probably not meant: the window saves it (an edit in progress leaves it
 * so) and reads it back, {@code virtlab check} says it. One kind so far: a NIC plugged into nothing (deleting a
 * wire or a network, or moving its VM to a host without that network, unplugs it), which can send no packets.
 * Each warning is a {@link Problem} placed in the file's text like an error, its message saying it is a warning.
 */
public final class ScenarioWarnings {

    private ScenarioWarnings() {
    }

    /** The warnings of a scenario read from {@code file}, placed in its text (unplaced if it cannot be read again). */
    public static List<Problem> of(Path file, Scenario scenario) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            bytes = null;
        }
        return of(file.toString(), bytes, scenario);
    }

    /** The warnings of a scenario read from {@code bytes} ({@code null}: no text to place them in). */
    static List<Problem> of(String source, byte[] bytes, Scenario scenario) {
        Problems found = new Problems(source, bytes == null ? null : ScenarioReader.sourceText(bytes));
        List<VmSpec> vms = scenario.vms();
        for (int v = 0; v < vms.size(); v++) {
            List<NicSpec> nics = vms.get(v).nics();
            for (int n = 0; n < nics.size(); n++) {
                if (!nics.get(n).wired()) {
                    found.add("/vms/" + v + "/nics/" + n, "nic.unwired", vms.get(v).id(), NicSpec.name(n));
                }
            }
        }
        return found.isEmpty() ? List.of() : found.exception().problems();
    }
}
