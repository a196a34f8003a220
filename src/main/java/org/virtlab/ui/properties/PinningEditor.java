package org.virtlab.ui.properties;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/**
 * The VM's pinning form: the shortcuts, one list of logical CPUs per vCPU with its error line, and when
 * the host is small enough a grid of checkboxes (a row per vCPU, a column per logical CPU, each with a
 * tooltip saying where that CPU sits). Grid and lists edit the same text. Leaving a list checks it; Enter
 * or Apply applies them all, which restarts the simulation (the note beside Apply says so).
 */
final class PinningEditor {
    private final VBox root = new VBox(6);
    private final PinningEditorModel model;

    PinningEditor(PinningEditorModel model, I18n i18n) {
        this.model = model;
        Label heading = new Label(i18n.get("pinning.heading"));
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        heading.setTooltip(new Tooltip(i18n.get("props.pinning.help")));
        root.getChildren().addAll(heading, FormControls.note(model.hint()));
        if (!model.topologyHint().isEmpty()) {
            root.getChildren().add(FormControls.note(model.topologyHint()));
        }

        Button none = shortcut(i18n, "pinningNone", "pinning.none", model::pinNone);
        Button each = shortcut(i18n, "pinningOneEach", "pinning.oneEach", model::oneCpuEach);
        Button same = shortcut(i18n, "pinningSameForAll", "pinning.sameForAll", model::sameForAll);
        same.setDisable(!model.severalVcpus());
        FlowPane shortcuts = new FlowPane(6, 6, none, each, same);

        root.getChildren().addAll(shortcuts, lists());
        if (model.gridFits()) {
            root.getChildren().add(grid(i18n));
        }
        Button apply = FormControls.applyButton(i18n, "pinningApply", model::commit);
        root.getChildren().addAll(FormControls.note(i18n.get("pinning.note")), apply);
        root.setId("pinningEditor");
        root.setPadding(new Insets(4, 8, 8, 8));
        root.getStyleClass().add("qos-editor");
    }

    VBox root() {
        return root;
    }

    /** "vCPU i" and its list, the message under it. */
    private GridPane lists() {
        GridPane lists = new GridPane();
        lists.setHgap(8);
        lists.setVgap(2);
        int r = 0;
        for (CpuListField row : model.rows()) {
            String id = "pinningCpus" + row.vcpu();
            TextField text = FormControls.checkedField(id, row.textProperty(), () -> model.check(row), model::commit);
            text.setTooltip(new Tooltip(model.hint()));
            Label name = new Label(model.vcpuLabel(row.vcpu()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setLabelFor(text);
            GridPane.setHgrow(text, Priority.ALWAYS);
            lists.addRow(r++, name, text);
            lists.add(FormControls.errorLine(row.errorProperty(), id + "Error"), 0, r++, 2, 1);
        }
        return lists;
    }

    /** A checkbox per vCPU and logical CPU, the CPU numbers above with where each sits as tooltip. */
    private GridPane grid(I18n i18n) {
        GridPane grid = new GridPane();
        grid.setId("pinningGrid");
        grid.setHgap(3);
        grid.setVgap(4);
        Label cpuHeader = new Label(i18n.get("pinning.grid.cpu"));
        cpuHeader.getStyleClass().add("property-name");
        grid.add(cpuHeader, 0, 0);
        for (int cpu = 0; cpu < model.logicalCpus(); cpu++) {
            Label number = new Label(Integer.toString(cpu));
            number.getStyleClass().add("property-name");
            number.setTooltip(new Tooltip(model.place(cpu)));
            GridPane.setHalignment(number, HPos.CENTER);
            if (model.firstThreadOfLaterCore(cpu)) {
                GridPane.setMargin(number, new Insets(0, 0, 0, 6));
            }
            grid.add(number, cpu + 1, 0);
        }
        int r = 1;
        for (CpuListField row : model.rows()) {
            Label name = new Label(model.vcpuLabel(row.vcpu()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(name, 0, r);
            List<CheckBox> boxes = new ArrayList<>();
            for (int cpu = 0; cpu < model.logicalCpus(); cpu++) {
                int c = cpu;
                CheckBox box = new CheckBox();
                box.setId("pinning-" + row.vcpu() + "-" + cpu);
                box.setTooltip(new Tooltip(model.place(cpu)));
                box.setAccessibleText(model.vcpuLabel(row.vcpu()) + ", " + model.place(cpu));
                box.setOnAction(e -> row.toggle(c, box.isSelected()));
                GridPane.setHalignment(box, HPos.CENTER);
                if (model.firstThreadOfLaterCore(cpu)) { // a gap between cores keeps sibling threads together
                    GridPane.setMargin(box, new Insets(0, 0, 0, 6));
                }
                grid.add(box, cpu + 1, r);
                boxes.add(box);
            }
            Runnable show = () -> {
                for (int cpu = 0; cpu < boxes.size(); cpu++) {
                    boxes.get(cpu).setSelected(row.cpusProperty().get().contains(cpu));
                }
            };
            row.cpusProperty().addListener((obs, was, now) -> show.run());
            show.run();
            r++;
        }
        return grid;
    }

    private static Button shortcut(I18n i18n, String id, String key, Runnable action) {
        Button b = new Button(i18n.get(key));
        b.setId(id);
        b.setTooltip(new Tooltip(i18n.get(key + ".help")));
        b.setOnAction(e -> action.run());
        return b;
    }
}
