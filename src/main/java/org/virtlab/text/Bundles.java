package org.virtlab.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * Loads the app's message bundles: {@code NAME.properties} (English) and {@code NAME_zh.properties}
 * (Simplified Chinese, falling back to English key by key), both UTF-8, beside the anchor class.
 *
 * <p>Why not {@code ResourceBundle.getBundle}: it falls back to the <em>system's</em> locale, so asking
 * for English on a Chinese desktop returns Chinese, and a custom {@code ResourceBundle.Control} is not
 * allowed in a named module. VirtLab speaks exactly two languages, so it picks the file itself.
 */
public final class Bundles {
    private Bundles() {
    }

    /** Chinese for any {@code zh} locale, English for everything else. */
    public static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    public static ResourceBundle load(Class<?> anchor, String name, Locale locale) {
        ResourceBundle english = read(anchor, name + ".properties", null);
        return chinese(locale) ? read(anchor, name + "_zh.properties", english) : english;
    }

    private static ResourceBundle read(Class<?> anchor, String file, ResourceBundle parent) {
        try (InputStream in = anchor.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + file + " beside " + anchor.getName());
            }
            return new ChildBundle(new InputStreamReader(in, StandardCharsets.UTF_8), parent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ChildBundle extends PropertyResourceBundle {
        ChildBundle(InputStreamReader reader, ResourceBundle parentBundle) throws IOException {
            super(reader);
            if (parentBundle != null) {
                setParent(parentBundle);
            }
        }
    }
}
