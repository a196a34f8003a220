package org.virtlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies (../shared/STYLE.md, "The house"): ui → charts → engine,
 * ui → scenario → engine, cli → (charts, scenario, engine). The engine knows no screen, no file format,
 * no thread; scenario and charts know no JavaFX; view models know no scene graph.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.virtlab");
    }

    @Test
    void engineDependsOnNothingElseOfTheApp() {
        noClasses().that().resideInAPackage("org.virtlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.virtlab.scenario..", "org.virtlab.charts..", "org.virtlab.ui..", "org.virtlab.cli..",
                        "org.virtlab.text..")
                .check(classes);
    }

    @Test
    void engineUsesNoUiFileFormatOrAwtLibrary() {
        noClasses().that().resideInAPackage("org.virtlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "com.fasterxml..", "java.awt..", "javax.swing..", "org.jfree..", "picocli..",
                        "org.controlsfx..", "org.kordamp..", "atlantafx..", "java.io..", "java.nio.file..")
                .check(classes);
    }

    @Test
    void engineOwnsNoThreadsClocksOrUnseededRandomness() {
        noClasses().that().resideInAPackage("org.virtlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Math.class, "random")
                .check(classes);
    }

    @Test
    void scenarioChartsAndExperimentsUseNoJavaFx() {
        noClasses().that().resideInAnyPackage("org.virtlab.scenario..", "org.virtlab.charts..", "org.virtlab.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void scenarioChartsAndExperimentsDoNotKnowTheUiOrTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.virtlab.scenario..", "org.virtlab.charts..", "org.virtlab.experiment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.virtlab.ui..", "org.virtlab.cli..")
                .check(classes);
    }

    @Test
    void commandLineDoesNotKnowTheUi() {
        noClasses().that().resideInAPackage("org.virtlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.virtlab.ui..", "javafx..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotImportTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx.control..")
                .check(classes);
    }
}
