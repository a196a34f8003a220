package org.virtlab.ui.help;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import org.virtlab.engine.model.LocalizedText;
import org.virtlab.engine.model.Scenario;
import org.virtlab.ui.i18n.I18n;

/**
 * The "What you are seeing / Try this" panel of the tab on screen. "What you are seeing" is the tab's general text
 * ({@code help.seeing.<tab>}); "Try this" is the lesson's own text for the tab when it has one (the scenario's
 * {@code help}), otherwise the tab's general suggestion ({@code help.try.<tab>}). The panel starts closed, so the
 * tabs keep their room on a projector; it stays open or closed while the user switches tabs and lessons, and
 * nothing of it is remembered between runs.
 */
public final class HelpPanelViewModel {
    private final I18n i18n;
    private final ObservableValue<String> tab;
    private final ObservableValue<Scenario> lesson;
    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper seeing = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tryHeading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tryThis = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper fromLesson = new ReadOnlyBooleanWrapper();

    /**
     * @param tab    the id of the tab on screen, one of {@code ViewState.TABS}
     * @param lesson the scenario on screen; may hold {@code null} before the first one is shown
     */
    public HelpPanelViewModel(I18n i18n, ObservableValue<String> tab, ObservableValue<Scenario> lesson) {
        this.i18n = i18n;
        this.tab = tab;
        this.lesson = lesson;
        tab.addListener((obs, was, now) -> update());
        lesson.addListener((obs, was, now) -> update());
        update();
    }

    /** Whether the panel is showing; the ? button and Help › This tab (F1) flip it. */
    public BooleanProperty openProperty() {
        return open;
    }

    public void toggle() {
        open.set(!open.get());
    }

    /** The panel's title: which tab it explains. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty seeingProperty() {
        return seeing.getReadOnlyProperty();
    }

    /** "Try this", or "Try this in <lesson>" when the text is the lesson's own. */
    public ReadOnlyStringProperty tryHeadingProperty() {
        return tryHeading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tryThisProperty() {
        return tryThis.getReadOnlyProperty();
    }

    /** Whether "Try this" comes from the lesson rather than the tab's general help. */
    public ReadOnlyBooleanProperty fromLessonProperty() {
        return fromLesson.getReadOnlyProperty();
    }

    private void update() {
        String id = tab.getValue();
        Scenario scenario = lesson.getValue();
        heading.set(i18n.format("help.panel.heading", i18n.get("tab." + id)));
        seeing.set(i18n.get("help.seeing." + id));
        Optional<LocalizedText> own = scenario == null ? Optional.empty() : scenario.help().forTab(id);
        fromLesson.set(own.isPresent());
        if (own.isPresent()) {
            String title = scenario.title().in(i18n.locale());
            tryHeading.set(title.isEmpty() ? i18n.get("help.panel.tryLessonUntitled")
                    : i18n.format("help.panel.tryLesson", title));
            tryThis.set(own.get().in(i18n.locale()));
        } else {
            tryHeading.set(i18n.get("help.panel.try"));
            tryThis.set(i18n.get("help.try." + id));
        }
    }
}
