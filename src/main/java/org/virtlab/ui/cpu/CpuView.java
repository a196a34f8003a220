package org.virtlab.ui.cpu;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.virtlab.ui.i18n.I18n;

/** The CPU tab: the live demand chart, and one line saying what is not simulated yet. */
public final class CpuView {
    private final BorderPane root = new BorderPane();

    public CpuView(CpuViewModel viewModel, I18n i18n) {
        ChartViewer viewer = new ChartViewer(viewModel.chart().chart());
        viewer.setId("cpuDemandChart");
        Label note = new Label(i18n.get("cpu.note.notYet"));
        note.getStyleClass().add("tab-note");
        note.setWrapText(true);
        VBox box = new VBox(8, viewer, note);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        root.setCenter(box);
    }

    public BorderPane root() {
        return root;
    }
}
