package org.virtlab.ui.properties;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/**
 * A drop-down cell with an item's name and, under it, a one-line explanation that wraps within the
 * panel's width rather than widening the list beyond the screen.
 */
final class ExplainedCell<T> extends ListCell<T> {
    /** About the panel's width less its padding: the list is as wide as its combo box or a little wider. */
    static final double WIDTH = 260;

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
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        text.setPrefWidth(WIDTH);
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
