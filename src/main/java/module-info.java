/**
 * VirtLab: a visual simulator for teaching virtualization.
 *
 * <p>Layers point one way: {@code ui -> charts -> engine}, {@code ui -> scenario -> engine},
 * {@code cli -> (experiment, charts, scenario, engine)}, {@code ui -> experiment -> (charts, scenario, engine)}.
 * The engine is pure Java.
 */
module org.virtlab {
    requires javafx.controls;
    requires javafx.swing;
    requires java.desktop;
    requires java.prefs;
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
    exports org.virtlab.engine.alloc;
    exports org.virtlab.engine.cpu;
    exports org.virtlab.engine.memory;
    exports org.virtlab.engine.memory.host;
    exports org.virtlab.engine.migration;
    exports org.virtlab.engine.io;
    exports org.virtlab.engine.net;
    exports org.virtlab.text;
    exports org.virtlab.scenario;
    exports org.virtlab.charts;
    exports org.virtlab.experiment;
    exports org.virtlab.experiment.exercise;
    exports org.virtlab.cli;
    exports org.virtlab.ui;
    exports org.virtlab.ui.common;
    exports org.virtlab.ui.i18n;
    exports org.virtlab.ui.sim;
    exports org.virtlab.ui.shell;
    exports org.virtlab.ui.topology;
    exports org.virtlab.ui.cpu;
    exports org.virtlab.ui.memory;
    exports org.virtlab.ui.io;
    exports org.virtlab.ui.network;
    exports org.virtlab.ui.properties;
    exports org.virtlab.ui.palette;
    exports org.virtlab.ui.sweep;
    exports org.virtlab.ui.compare;
    exports org.virtlab.ui.exercise;
    exports org.virtlab.ui.events;
    exports org.virtlab.ui.help;

    // picocli fills the annotated fields of the commands reflectively.
    opens org.virtlab.cli to info.picocli;
}
