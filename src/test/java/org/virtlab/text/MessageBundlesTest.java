package org.virtlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtlab.cli.VirtLabCommand;
import org.virtlab.ui.i18n.I18n;

/** Every text exists in English and Simplified Chinese (DEVELOPERS.md: the app speaks both). */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ui", "cli", "derivation", "events"})
    void chineseHasExactlyTheEnglishKeys(String which) throws IOException {
        Class<?> anchor = switch (which) {
            case "ui" -> I18n.class;
            case "cli" -> VirtLabCommand.class;
            case "events" -> EventText.class;
            default -> CpuDerivationText.class;
        };
        String base = which.equals("derivation") || which.equals("events") ? which : "messages";
        assertEquals(keys(anchor, base + ".properties"), keys(anchor, base + "_zh.properties"),
                "keys of " + which + "/" + base + "_zh.properties");
    }

    private static Set<String> keys(Class<?> anchor, String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = anchor.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"menu.file", "tab.topology", "status.paused", "cpu.chart.title"})
    void chineseTextsAreTranslatedNotCopied(String key) {
        assertNotEquals(new I18n(Locale.ENGLISH).get(key), new I18n(Locale.SIMPLIFIED_CHINESE).get(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-CN", "zh-SG", "zh_CN"})
    void anyChineseTagSelectsSimplifiedChinese(String tag) {
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.parse(tag));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "de-DE", ""})
    void everythingElseIsEnglish(String tag) {
        assertEquals(Locale.ENGLISH, I18n.parse(tag));
    }
}
