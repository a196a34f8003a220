package org.virtlab.ui.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/** A list or combo-box cell that shows an item as the text a function gives (a translated label). */
public final class TextCell<T> extends ListCell<T> {
    private final Function<T, String> text;

    public TextCell(Function<T, String> text) {
        this.text = text;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }
}
