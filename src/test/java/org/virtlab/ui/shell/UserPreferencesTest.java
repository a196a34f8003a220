package org.virtlab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtlab.ui.common.Presentation;

/**
 * Preferences round trip through java.util.prefs, on a node of its own in memory (never the user's real
 * /org/virtlab), and broken values ignored.
 */
class UserPreferencesTest {
    private Preferences node;

    @BeforeEach
    void freshNode() {
        node = new MemoryPreferences().node("/org/virtlab-test");
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void languageThemePresenterAndWindowComeBackInTheNextRun() {
        UserPreferences first = new UserPreferences(node);
        Presentation p = new Presentation();
        first.follow(p);
        p.themeProperty().set(Presentation.Theme.DARK);
        p.setScalePercent(175);
        p.presenterProperty().set(true);
        first.setLanguage(Locale.SIMPLIFIED_CHINESE);
        first.setWindow(new UserPreferences.WindowBounds(40, 30, 1280, 720, false));

        UserPreferences next = new UserPreferences(node);
        Presentation restored = new Presentation();
        next.restore(restored);
        assertEquals(Presentation.Theme.DARK, restored.themeProperty().get());
        assertEquals(175, restored.scalePercentProperty().get());
        assertTrue(restored.presenterProperty().get());
        assertEquals(Optional.of(Locale.SIMPLIFIED_CHINESE), next.language());
        assertEquals(Optional.of(new UserPreferences.WindowBounds(40, 30, 1280, 720, false)), next.window());
    }

    @Test
    void brokenValuesAreIgnoredAndTheDefaultsStay() {
        node.put("theme", "PURPLE");
        node.put("presenterScale", "500"); // outside 100–200 %
        node.put("presenter", "yes");
        node.put("language", "fr");
        node.put("window.x", "10");
        node.put("window.y", "NaN");
        node.put("window.width", "1280");
        node.put("window.height", "720");
        node.put("window.maximized", "false");
        UserPreferences prefs = new UserPreferences(node);
        Presentation p = new Presentation();
        prefs.restore(p);
        assertEquals(Presentation.Look.DEFAULT, p.look());
        assertEquals(Presentation.DEFAULT_SCALE_PERCENT, p.scalePercentProperty().get());
        assertEquals(Optional.empty(), prefs.language());
        assertEquals(Optional.empty(), prefs.window());

        node.put("presenterScale", "abc");
        node.put("window.y", "0");
        node.put("window.width", "-5");
        prefs.restore(p);
        assertEquals(Presentation.DEFAULT_SCALE_PERCENT, p.scalePercentProperty().get());
        assertEquals(Optional.empty(), prefs.window());
    }

    @Test
    void aRemovedNodeReadsAsEmptyAndWritesAreDropped() throws Exception {
        UserPreferences prefs = new UserPreferences(node);
        node.removeNode();
        prefs.setLanguage(Locale.ENGLISH);
        assertFalse(prefs.language().isPresent());
        node = new MemoryPreferences().node("/again"); // for removeNode after the test
    }
}
