package org.virtlab.engine.model;

import java.util.Locale;

/**
 * A text a lesson shows to people, in English and Simplified Chinese. Either may be empty; {@link #in}
 * falls back to the other.
 */
public record LocalizedText(String en, String zh) {
    public static final LocalizedText EMPTY = new LocalizedText("", "");

    public LocalizedText {
        en = en == null ? "" : en;
        zh = zh == null ? "" : zh;
    }

    public static LocalizedText of(String en, String zh) {
        return new LocalizedText(en, zh);
    }

    /** The text for the given locale: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage());
        String preferred = chinese ? zh : en;
        return preferred.isEmpty() ? (chinese ? en : zh) : preferred;
    }
}
