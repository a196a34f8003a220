package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void chineseHasEveryEnglishKeyWithTheSamePlaceholders() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
            assertTrue(HAN.matcher(zh.getProperty(key)).find(), "not Chinese: " + key);
        }
    }

    @Test
    void englishIsGivenEvenWhenTheDefaultLocaleIsChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("file not found", Messages.format("file.notFound", List.of(), Locale.ENGLISH));
            assertEquals("file not found", Messages.format("file.notFound", List.of(), Locale.FRENCH));
            assertEquals("找不到文件", Messages.format("file.notFound", List.of(), Locale.TRADITIONAL_CHINESE));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void numbersPrintPlainly() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // would write 1.000 and 12,5
            assertEquals("must be an integer between 8 and 1000, was 12.5",
                    Messages.format("range.int", List.of(8.0, 1000L, 12.5), Locale.ENGLISH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void unknownKeyShowsTheKeyInsteadOfFailing() {
        assertEquals("no.such.key [1]", Messages.format("no.such.key", List.of(1), Locale.ENGLISH));
    }
}
