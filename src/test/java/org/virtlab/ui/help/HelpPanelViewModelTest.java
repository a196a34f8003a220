package org.virtlab.ui.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.virtlab.engine.model.Scenario;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.i18n.I18n;

/** The help panel's texts follow the tab and the lesson (issue #10: "tied to the current lesson"). */
class HelpPanelViewModelTest {
    private static final ResourceBundle EN = ResourceBundle.getBundle("org.virtlab.ui.i18n.messages", Locale.ENGLISH);

    @Test
    void aTabWithoutLessonHelpShowsTheTabsGeneralTexts() {
        SimpleStringProperty tab = new SimpleStringProperty("cpu");
        SimpleObjectProperty<Scenario> lesson = new SimpleObjectProperty<>(Lessons.defaultLesson().scenario());
        HelpPanelViewModel vm = new HelpPanelViewModel(new I18n(Locale.ENGLISH), tab, lesson);
        assertEquals(EN.getString("help.seeing.cpu"), vm.seeingProperty().get());
        assertEquals(EN.getString("help.try.cpu"), vm.tryThisProperty().get());
        assertEquals("Try this", vm.tryHeadingProperty().get()); // help.panel.try
        assertEquals("Help: CPU", vm.headingProperty().get()); // help.panel.heading with tab.cpu
        assertFalse(vm.fromLessonProperty().get());
        tab.set("network");
        assertEquals(EN.getString("help.seeing.network"), vm.seeingProperty().get());
        assertEquals(EN.getString("help.try.network"), vm.tryThisProperty().get());
    }

    @Test
    void aLessonsOwnTextReplacesTheGeneralTryThisOnItsTabOnly() {
        SimpleStringProperty tab = new SimpleStringProperty("memory");
        SimpleObjectProperty<Scenario> lesson = new SimpleObjectProperty<>(Lessons.defaultLesson().scenario());
        HelpPanelViewModel vm = new HelpPanelViewModel(new I18n(Locale.SIMPLIFIED_CHINESE), tab, lesson);
        Scenario pageWalk = Lessons.all().stream().filter(l -> l.id().equals("mem-page-walk")).findFirst()
                .orElseThrow().scenario();
        lesson.set(pageWalk);
        // scenarios/mem-page-walk.json: help.memory.zh, and its title.zh in the heading
        assertEquals(pageWalk.help().forTab("memory").orElseThrow().zh(), vm.tryThisProperty().get());
        assertTrue(vm.tryHeadingProperty().get().contains(pageWalk.title().zh()), vm.tryHeadingProperty().get());
        assertTrue(vm.fromLessonProperty().get());
        // What you are seeing stays the tab's own
        assertEquals(ResourceBundle.getBundle("org.virtlab.ui.i18n.messages", Locale.SIMPLIFIED_CHINESE)
                .getString("help.seeing.memory"), vm.seeingProperty().get());
        tab.set("cpu"); // the lesson has no CPU help: the general one
        assertFalse(vm.fromLessonProperty().get());
    }

    @Test
    void thePanelStartsClosedAndToggles() {
        HelpPanelViewModel vm = new HelpPanelViewModel(new I18n(Locale.ENGLISH), new SimpleStringProperty("io"),
                new SimpleObjectProperty<>());
        assertFalse(vm.openProperty().get());
        vm.toggle();
        assertTrue(vm.openProperty().get());
        vm.toggle();
        assertFalse(vm.openProperty().get());
    }
}
