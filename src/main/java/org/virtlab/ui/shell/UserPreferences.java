package org.virtlab.ui.shell;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.i18n.I18n;

/**
 * What the window remembers between runs, in {@link java.util.prefs.Preferences} under {@code /org/virtlab}: the
 * language, the theme, presenter mode and its scale, and the window's size, position and maximized state. (The
 * recent files and the recovery copy stay in {@link UserFiles}.)
 *
 * <p>The system property {@code virtlab.prefs} redirects it: {@code memory} starts from nothing and keeps
 * everything in memory, a fresh store for each window (the tests do this, so no test sees another's choices and
 * none touches the real user's), any other value names the user node to use. A missing or broken value reads as
 * absent: the default applies, never an error.
 */
public final class UserPreferences {
    /** The standard node. */
    public static final String NODE = "/org/virtlab";
    /** Smallest and largest window sizes restored (a size outside is a broken value). */
    static final double MIN_WINDOW = 400;
    static final double MAX_WINDOW = 20_000;

    private final Preferences node;

    /** An empty store in memory (tests). */
    public static UserPreferences inMemory() {
        return new UserPreferences(new MemoryPreferences().node(NODE));
    }

    public UserPreferences(Preferences node) {
        this.node = node;
    }

    /** The node {@code virtlab.prefs} names, else {@value #NODE} of the user's preferences. */
    public static UserPreferences standard() {
        String where = System.getProperty("virtlab.prefs");
        if ("memory".equals(where)) {
            return new UserPreferences(new MemoryPreferences().node(NODE));
        }
        try {
            return new UserPreferences(Preferences.userRoot().node(where == null || where.isBlank() ? NODE : where));
        } catch (IllegalArgumentException | SecurityException e) {
            return new UserPreferences(new MemoryPreferences().node(NODE));
        }
    }

    /** A window's place on the screen. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public Optional<Locale> language() {
        String tag = get("language");
        return tag == null ? Optional.empty() : I18n.SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag)).findFirst();
    }

    public void setLanguage(Locale locale) {
        put("language", locale.getLanguage());
    }

    /** Sets {@code presentation} from what was saved, each part only if it was saved and is valid. */
    public void restore(Presentation presentation) {
        String theme = get("theme");
        for (Presentation.Theme t : Presentation.Theme.values()) {
            if (t.name().equals(theme)) {
                presentation.themeProperty().set(t);
            }
        }
        Integer scale = integer("presenterScale");
        if (scale != null && Presentation.isValidScale(scale)) {
            presentation.setScalePercent(scale);
        }
        String presenter = get("presenter");
        if ("true".equals(presenter) || "false".equals(presenter)) {
            presentation.presenterProperty().set(Boolean.parseBoolean(presenter));
        }
    }

    /** Saves {@code presentation} now and whenever it changes. */
    public void follow(Presentation presentation) {
        Runnable save = () -> {
            put("theme", presentation.themeProperty().get().name());
            put("presenterScale", Integer.toString(presentation.scalePercentProperty().get()));
            put("presenter", Boolean.toString(presentation.presenterProperty().get()));
        };
        presentation.lookProperty().addListener((obs, was, now) -> save.run());
        presentation.scalePercentProperty().addListener((obs, was, now) -> save.run());
        save.run();
    }

    /** The saved window bounds, if all of them were saved and the size is sane. */
    public Optional<WindowBounds> window() {
        Double x = number("window.x");
        Double y = number("window.y");
        Double w = number("window.width");
        Double h = number("window.height");
        String max = get("window.maximized");
        if (x == null || y == null || w == null || h == null || !("true".equals(max) || "false".equals(max))
                || !(w >= MIN_WINDOW && w <= MAX_WINDOW && h >= MIN_WINDOW && h <= MAX_WINDOW)
                || Math.abs(x) > MAX_WINDOW || Math.abs(y) > MAX_WINDOW) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(x, y, w, h, Boolean.parseBoolean(max)));
    }

    public void setWindow(WindowBounds b) {
        put("window.x", Double.toString(b.x()));
        put("window.y", Double.toString(b.y()));
        put("window.width", Double.toString(b.width()));
        put("window.height", Double.toString(b.height()));
        put("window.maximized", Boolean.toString(b.maximized()));
    }

    private String get(String key) {
        try {
            return node.get(key, null);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private Integer integer(String key) {
        try {
            String v = get(key);
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Double number(String key) {
        try {
            String v = get(key);
            double d = v == null ? Double.NaN : Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Failing to remember a preference is not worth an error dialog: the next run starts with defaults. */
    private void put(String key, String value) {
        try {
            node.put(key, value);
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // the store is unavailable (read-only home, removed node): keep going without it
        }
    }
}
