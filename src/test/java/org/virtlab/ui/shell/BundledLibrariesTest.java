package org.virtlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Help › About names every library the app ships with, and nothing it does not ship. */
class BundledLibrariesTest {
    private final Configuration configuration = layer().configuration();

    private static ModuleLayer layer() {
        ModuleLayer layer = BundledLibraries.class.getModule().getLayer();
        assertNotNull(layer, "the tests run on the module path (surefire's default for a modular project)");
        return layer;
    }

    /** The modules outside the JDK that org.virtlab needs at run time: what jlink puts into the image beside the JDK. */
    private Set<String> bundledModules() {
        Set<String> seen = new TreeSet<>();
        Deque<ResolvedModule> todo = new ArrayDeque<>();
        todo.add(configuration.findModule("org.virtlab").orElseThrow());
        while (!todo.isEmpty()) {
            for (ResolvedModule read : todo.pop().reads()) {
                ModuleDescriptor d = read.reference().descriptor();
                if (!BundledLibraries.isPlatform(d) && !d.name().equals("org.virtlab") && seen.add(d.name())) {
                    todo.add(read);
                }
            }
        }
        return seen;
    }

    private static Set<String> listedModules() {
        return BundledLibraries.ALL.stream().flatMap(l -> l.modules().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyModuleTheAppNeedsIsListedWithItsLicence() {
        Set<String> missing = new TreeSet<>(bundledModules());
        missing.removeAll(listedModules());
        assertEquals(Set.of(), missing, "add these to BundledLibraries.ALL with the licence from their POM");
    }

    @Test
    void everyListedModuleIsBundled() {
        Set<String> stale = new TreeSet<>(listedModules());
        stale.removeAll(bundledModules());
        assertEquals(Set.of(), stale, "BundledLibraries.ALL names modules the app no longer needs");
    }

    @Test
    void everyLibraryShowsTheVersionOfItsModule() {
        for (BundledLibraries.Library library : BundledLibraries.ALL) {
            String version = library.version().orElse("");
            // e.g. javafx.controls@21.0.11 as pom.xml's javafx.version; a module without a version would show blank
            assertTrue(version.matches("\\d+(\\.\\d+)*.*"), library.name() + ": '" + version + "'");
        }
        // java.base carries the runtime's own version (Runtime.version(), e.g. 17.0.15 of 17.0.15+6-Debian-1deb12u1).
        String runtime = BundledLibraries.runtime().version().orElseThrow();
        assertTrue(Runtime.version().toString().startsWith(runtime), runtime + " vs " + Runtime.version());
    }
}
