package org.virtlab.ui.properties;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.virtlab.ui.i18n.I18n;

/**
 * The name shown for a host or VM: the text as typed and the message of its last check. The model would
 * take a blank name silently (it shows the id instead); here a blank name is refused, and so is one too
 * long to fit on a card, with the allowed length.
 */
public final class NameField {
    /** The longest name, in characters: a card title longer than this is cut off anyway. */
    public static final int MAX_CHARS = 64;

    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    NameField(String name) {
        text.set(name);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The name without blanks around it, or empty with the message set. */
    Optional<String> check(I18n i18n) {
        error.set("");
        String name = text.get() == null ? "" : text.get().strip();
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            error.set(i18n.format("name.error.blank", Integer.toString(MAX_CHARS)));
            return Optional.empty();
        }
        if (length > MAX_CHARS) {
            error.set(i18n.format("name.error.long", Integer.toString(MAX_CHARS), Integer.toString(length)));
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
