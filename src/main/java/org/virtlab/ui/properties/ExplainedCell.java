package org.virtlab.ui.properties;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A drop-down cell with an item's name and, under it, a one-line explanation that wraps within the
 * panel's width rather than widening the list beyond the screen.
 */
final class ExplainedCell<T> extends ListCell<T> {
    /**
     * The text's width: with the cell's padding the list stays within the combo box across the panel
     * (about 265 px), so it never runs off the screen's right edge where the panel is.
     */
    static final double WIDTH = 230;

    private final Function<T, String> name;
    private final Function<T, String> explanation;
    private final Label title = new Label();
    private final Label text = new Label();
    private final VBox box = new VBox(1, title, text);

    ExplainedCell(Function<T, String> name, Function<T, String> explanation) {
        this.name = name;
        this.explanation = explanation;
        title.getStyleClass().add(Styles.TEXT_BOLD);
        text.setWrapText(true);
        text.getStyleClass().add("tab-note");
        // one fixed width: the list measures each cell's height at it, then lays them out at it, so the
        // pop-up is as tall as its rows (a narrower layout would wrap more lines than were measured)
        text.setMinWidth(WIDTH);
        text.setPrefWidth(WIDTH);
        text.setMaxWidth(WIDTH);
        text.setMinHeight(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        title.setText(name.apply(item));
        text.setText(explanation.apply(item));
        setGraphic(box);
    }
}
