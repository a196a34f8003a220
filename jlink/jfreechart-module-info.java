// A module declaration for JFreeChart 1.5.6, which ships as an automatic module and so cannot enter a
// jlink image as it is. Generated with
//   jdeps --ignore-missing-deps --generate-module-info out jfreechart-1.5.6.jar
// and added to a copy of the jar by moditect's add-module-info goal (see pom.xml, "jlink image").
module org.jfree.jfreechart {
    requires transitive java.datatransfer;
    requires transitive java.desktop;
    requires transitive java.sql;
    requires transitive java.xml;

    exports org.jfree.chart;
    exports org.jfree.chart.annotations;
    exports org.jfree.chart.axis;
    exports org.jfree.chart.block;
    exports org.jfree.chart.date;
    exports org.jfree.chart.editor;
    exports org.jfree.chart.encoders;
    exports org.jfree.chart.entity;
    exports org.jfree.chart.event;
    exports org.jfree.chart.imagemap;
    exports org.jfree.chart.labels;
    exports org.jfree.chart.needle;
    exports org.jfree.chart.panel;
    exports org.jfree.chart.plot;
    exports org.jfree.chart.plot.dial;
    exports org.jfree.chart.plot.flow;
    exports org.jfree.chart.renderer;
    exports org.jfree.chart.renderer.category;
    exports org.jfree.chart.renderer.xy;
    exports org.jfree.chart.servlet;
    exports org.jfree.chart.text;
    exports org.jfree.chart.title;
    exports org.jfree.chart.ui;
    exports org.jfree.chart.urls;
    exports org.jfree.chart.util;
    exports org.jfree.data;
    exports org.jfree.data.category;
    exports org.jfree.data.flow;
    exports org.jfree.data.function;
    exports org.jfree.data.gantt;
    exports org.jfree.data.general;
    exports org.jfree.data.io;
    exports org.jfree.data.jdbc;
    exports org.jfree.data.json;
    exports org.jfree.data.json.impl;
    exports org.jfree.data.resources;
    exports org.jfree.data.statistics;
    exports org.jfree.data.time;
    exports org.jfree.data.time.ohlc;
    exports org.jfree.data.xml;
    exports org.jfree.data.xy;
}
