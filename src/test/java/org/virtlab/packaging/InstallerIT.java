package org.virtlab.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn -Pinstaller verify} builds (only that profile sets {@code virtlab.installer.dir}; in a
 * plain verify this class is skipped): its control fields, its files, its desktop entry, and its launcher, run from
 * the unpacked package with no display and no root (dpkg-deb -x).
 */
@EnabledIfSystemProperty(named = "virtlab.installer.dir", matches = ".+")
class InstallerIT {
    private static Path deb;
    @TempDir
    static Path unpacked;

    private record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void findAndUnpackThePackage() throws Exception {
        Path dir = Path.of(System.getProperty("virtlab.installer.dir"));
        List<Path> debs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".deb")).forEach(debs::add);
        }
        // jlink/jpackage/linux.args makes a .deb; on macOS and Windows the profile makes a .dmg or .msi instead.
        assumeTrue(!debs.isEmpty(), "no .deb in " + dir + " (not Linux?)");
        assertEquals(1, debs.size(), debs.toString());
        deb = debs.get(0);
        Result x = run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()));
        assertEquals(0, x.exit(), x.err());
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("installer-it", ".out");
        Path err = Files.createTempFile("installer-it", ".err");
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void controlFieldsNameThePackageAndThePomsNumericVersion() throws Exception {
        Result r = run(List.of("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Section", "Description"));
        assertEquals(0, r.exit(), r.err());
        // Version: the pom's version without -SNAPSHOT (build-helper parse-version), jpackage's release 1.
        String version = System.getProperty("virtlab.installer.version");
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), version);
        // Description: pom.xml <description>; Section: --linux-app-category in jlink/jpackage/linux.args.
        assertEquals(List.of("Package: virtlab", "Version: " + version + "-1", "Section: education",
                "Description: A visual simulator for teaching virtualization"), r.out().lines().toList());
        assertTrue(deb.getFileName().toString().startsWith("virtlab_" + version + "-1_"), deb.toString());
    }

    @Test
    void packageHoldsTheLauncherTheDesktopEntryTheIconAndTheLicence() throws Exception {
        Result r = run(List.of("dpkg-deb", "-c", deb.toString()));
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        for (String path : List.of("./opt/virtlab/bin/virtlab", "./opt/virtlab/lib/virtlab-virtlab.desktop",
                "./opt/virtlab/lib/virtlab.png", "./opt/virtlab/share/doc/copyright",
                "./opt/virtlab/lib/runtime/lib/modules")) {
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(" " + path)), path + " not in the package");
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("-rwxr-xr-x") && l.endsWith(" ./opt/virtlab/bin/virtlab")),
                "launcher is not executable");
        // The icon is assets/icon.png as it is; the licence is the repository's LICENSE (Apache-2.0), which jpackage
        // puts under "License:" in a Debian machine-readable copyright file (Format: .../copyright-format/1.0/).
        assertArrayEquals(Files.readAllBytes(Path.of("assets", "icon.png")),
                Files.readAllBytes(unpacked.resolve("opt/virtlab/lib/virtlab.png")));
        String copyright = Files.readString(unpacked.resolve("opt/virtlab/share/doc/copyright"));
        assertTrue(copyright.startsWith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"),
                copyright);
        assertTrue(copyright.contains(Files.readString(Path.of("LICENSE")).strip()), "LICENSE not in the copyright file");
    }

    @Test
    void desktopEntryNamesTheAppItsLauncherIconAndMenuCategories() throws Exception {
        List<String> entry = Files.readAllLines(unpacked.resolve("opt/virtlab/lib/virtlab-virtlab.desktop"));
        // jlink/linux/virtlab.desktop with jpackage's values filled in (--linux-menu-group, --description).
        for (String line : List.of("[Desktop Entry]", "Name=VirtLab", "Type=Application",
                "Exec=/opt/virtlab/bin/virtlab %f", "Icon=/opt/virtlab/lib/virtlab.png", "Categories=Education;Science;",
                "Comment=A visual simulator for teaching virtualization", "Comment[zh_CN]=用于虚拟化教学的可视化模拟器")) {
            assertTrue(entry.contains(line), line + " not in " + entry);
        }
    }

    @Test
    void maintainerScriptsRegisterTheMenuEntryAndLinkTheLauncherIntoThePath() throws Exception {
        Path control = Files.createTempDirectory(unpacked, "DEBIAN");
        Result e = run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()));
        assertEquals(0, e.exit(), e.err());
        String postinst = Files.readString(control.resolve("postinst"));
        String prerm = Files.readString(control.resolve("prerm"));
        assertTrue(postinst.contains("xdg-desktop-menu install /opt/virtlab/lib/virtlab-virtlab.desktop ||"), postinst);
        assertTrue(postinst.contains("ln -sf /opt/virtlab/bin/virtlab /usr/bin/virtlab"), postinst);
        assertTrue(prerm.contains("xdg-desktop-menu uninstall /opt/virtlab/lib/virtlab-virtlab.desktop ||"), prerm);
        assertTrue(prerm.contains("rm -f /usr/bin/virtlab"), prerm);
    }

    @Test
    void unpackedLauncherPrintsTheVersionAndChecksTheLessons() throws Exception {
        String launcher = unpacked.resolve("opt/virtlab/bin/virtlab").toString();
        Result v = run(List.of(launcher, "--version"));
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().startsWith("VirtLab "), v.out());

        List<String> check = new ArrayList<>(List.of(launcher, "check"));
        try (var files = Files.list(Path.of("scenarios"))) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> check.add(f.toString()));
        }
        Result c = run(check);
        assertEquals(0, c.exit(), c.err());
        assertEquals(check.size() - 2, c.out().lines().filter(l -> l.endsWith(": ok")).count(), c.out());
    }

    @Test
    void packagedRuntimeCarriesTheLessonLibrary() throws Exception {
        // The lessons ship inside the org.virtlab module (pom.xml: scenarios/ → org/virtlab/scenario/lessons), so the
        // installed window opens on the default lesson and File › Open Lesson lists them without any file beside it.
        Path jimage = Path.of(System.getProperty("java.home"), "bin", "jimage");
        Result r = run(List.of(jimage.toString(), "list", unpacked.resolve("opt/virtlab/lib/runtime/lib/modules").toString()));
        assertEquals(0, r.exit(), r.err());
        List<String> entries = r.out().lines().map(String::strip).toList();
        assertTrue(entries.contains("org/virtlab/scenario/lessons/lessons.list"), "no lessons.list in the image");
        long lessons;
        try (var files = Files.list(Path.of("scenarios"))) {
            lessons = files.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertEquals(lessons, entries.stream().filter(e -> e.matches("org/virtlab/scenario/lessons/[^/]+\\.json")).count());
    }
}
