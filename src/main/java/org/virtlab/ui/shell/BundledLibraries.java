package org.virtlab.ui.shell;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * The libraries VirtLab ships with (the jlink image and the installer carry each of them), with their licences, for
 * Help › About. The licence of each is the one its Maven POM declares in {@code <licenses>} (read in ~/.m2 for the
 * versions in pom.xml), sharpened by the project's own README or source headers where the POM only says the family.
 * The version shown is the one in the running module's descriptor, so it cannot drift from what is bundled.
 * {@code BundledLibrariesTest} fails when the app requires a module that no entry here covers.
 */
final class BundledLibraries {
    /** One library: its name, its licence as an SPDX expression, and the modules it consists of (the first gives the version). */
    record Library(String name, String licence, List<String> modules) {
        /** The version of its first module as the running module layer has it; empty when run from plain class files. */
        Optional<String> version() {
            return BundledLibraries.class.getModule().getLayer() == null ? Optional.empty()
                    : BundledLibraries.class.getModule().getLayer().findModule(modules.get(0))
                            .flatMap(m -> m.getDescriptor().rawVersion());
        }
    }

    /** JFreeSVG's licence: copyleft, unlike the others (see about.gplNote). */
    static final String GPL3 = "GPL-3.0-or-later";

    static final List<Library> ALL = List.of(
            // org.openjfx:javafx POM: <name>GPLv2+CE</name>
            new Library("OpenJFX", "GPL-2.0-only WITH Classpath-exception-2.0",
                    List.of("javafx.controls", "javafx.base", "javafx.graphics", "javafx.swing")),
            // org.controlsfx:controlsfx POM: The 3-Clause BSD License
            new Library("ControlsFX", "BSD-3-Clause", List.of("org.controlsfx.controls")),
            // org.jfree:jfreechart POM: GNU Lesser General Public Licence; its source headers: version 2.1 or later
            new Library("JFreeChart", "LGPL-2.1-or-later", List.of("org.jfree.jfreechart")),
            // org.jfree:org.jfree.chart.fx POM: GNU Lesser General Public Licence (as JFreeChart)
            new Library("JFreeChart-FX", "LGPL-2.1-or-later", List.of("org.jfree.chart.fx")),
            // org.jfree:org.jfree.fxgraphics2d POM: BSD 3-Clause License
            new Library("FXGraphics2D", "BSD-3-Clause", List.of("org.jfree.fxgraphics2d")),
            // org.jfree:org.jfree.svg POM: GNU General Public License (GPL), gpl.txt; its README: "GNU General Public
            // License version 3 (GPLv3) or later"
            new Library("JFreeSVG", GPL3, List.of("org.jfree.svg")),
            // com.fasterxml.jackson.core POMs: The Apache Software License, Version 2.0
            new Library("Jackson", "Apache-2.0", List.of("com.fasterxml.jackson.databind",
                    "com.fasterxml.jackson.core", "com.fasterxml.jackson.annotation")),
            // info.picocli:picocli POM: The Apache Software License, version 2.0
            new Library("picocli", "Apache-2.0", List.of("info.picocli")),
            // org.kordamp.ikonli POMs: Apache-2.0 (the Material Design Icons 5.8.55 font inside the pack too)
            new Library("Ikonli + Material Design Icons", "Apache-2.0", List.of("org.kordamp.ikonli.javafx",
                    "org.kordamp.ikonli.core", "org.kordamp.ikonli.materialdesign2")),
            // io.github.mkpaz:atlantafx-parent POM: MIT License
            new Library("AtlantaFX", "MIT", List.of("atlantafx.base")));

    private BundledLibraries() {
    }

    /** The Java runtime the image carries (OpenJDK: GPL-2.0 with the Classpath Exception), with its version. */
    static Library runtime() {
        return new Library("OpenJDK " + Runtime.version().feature(), "GPL-2.0-only WITH Classpath-exception-2.0",
                List.of("java.base"));
    }

    /** Whether a module is part of the Java runtime rather than a bundled library. */
    static boolean isPlatform(ModuleDescriptor descriptor) {
        return descriptor.name().startsWith("java.") || descriptor.name().startsWith("jdk.");
    }
}
