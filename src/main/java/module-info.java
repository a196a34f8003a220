/**
 * VirtLab: a visual simulator for teaching virtualization.
 *
 * <p>Layers point one way: {@code ui -> charts -> engine}, {@code ui -> scenario -> engine},
 * {@code cli -> (charts, scenario, engine)}. The engine is pure Java.
 */
module org.virtlab {
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires org.controlsfx.controls;
    requires org.jfree.jfreechart;
    requires org.jfree.chart.fx;
    requires org.jfree.svg;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires atlantafx.base;

    exports org.virtlab;
    exports org.virtlab.engine;
    exports org.virtlab.engine.model;
    exports org.virtlab.engine.cpu;
    exports org.virtlab.scenario;
}
