package org.virtlab.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.virtlab.text.Bundles;

/**
 * The window's texts in one language: English or Simplified Chinese, from the bundle
 * {@code org.virtlab.ui.i18n.messages}. Built once at start-up (and again when the user switches
 * language) and passed down; there is no global instance.
 */
public final class I18n {
    /** The languages the window speaks, in menu order. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale requested) {
        this.locale = supported(requested);
        this.bundle = Bundles.load(I18n.class, "messages", locale);
    }

    /** Chinese for any {@code zh} locale, English for everything else. */
    public static Locale supported(Locale requested) {
        return Bundles.chinese(requested) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** Parses a {@code --lang} value: {@code en}, {@code zh}, {@code zh-CN}... */
    public static Locale parse(String tag) {
        return supported(Locale.forLanguageTag(tag.replace('_', '-')));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!"; // visible in screenshots and caught by the bundle test
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }
}
