package org.virtlab.ui.memory;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.virtlab.ui.i18n.I18n;

/** One mode's column: title (what it translates as its tooltip), the running count, the formula, the grid, a note. */
final class WalkColumnView {
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
    private final VBox root = new VBox(2);

    WalkColumnView(WalkColumnViewModel column, I18n i18n) {
        String id = "memory" + Character.toUpperCase(column.id().charAt(0)) + column.id().substring(1);
        Label title = new Label(column.title());
        title.getStyleClass().add("walk-title");
        title.setTooltip(new Tooltip(column.subtitle()));

        Label count = new Label();
        count.setId(id + "Count");
        count.getStyleClass().add("walk-count");
        count.textProperty().bind(column.countTextBinding());
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        column.completeBinding().addListener((obs, was, now) -> count.pseudoClassStateChanged(COMPLETE, now));
        count.pseudoClassStateChanged(COMPLETE, column.completeBinding().get());

        Label formula = new Label();
        formula.setId(id + "Formula");
        formula.getStyleClass().add("walk-formula");
        formula.textProperty().bind(column.formulaProperty());
        formula.setWrapText(true);
        formula.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setMargin(formula, new Insets(0, 0, 4, 0));

        WalkGrid grid = new WalkGrid(id + "Cell", i18n.get("memory.grid.data"));
        grid.node().setId(id + "Grid");
        grid.show(column.layoutProperty().get());
        grid.light(column.stepProperty().get());
        column.layoutProperty().addListener((obs, was, now) -> {
            grid.show(now);
            grid.light(column.stepProperty().get());
        });
        column.stepProperty().addListener((obs, was, now) -> grid.light(now.intValue()));

        root.getChildren().addAll(title, count, formula, grid.node());
        if (!column.note().isEmpty()) {
            Label note = new Label(column.note());
            note.getStyleClass().add("walk-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            root.getChildren().add(note);
        }
        root.getStyleClass().addAll("walk-column", "walk-column-" + column.id());
        root.setId(id + "Column");
    }

    VBox root() {
        return root;
    }
}
