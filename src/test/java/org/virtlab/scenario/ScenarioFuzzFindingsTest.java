package org.virtlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What {@link ScenarioFuzzTest} found, each pinned down by a small example. */
class ScenarioFuzzFindingsTest {

    /** A field name of 5000 characters with NULs in it, unknown where it is. */
    @Test
    void aProblemLineShowsALongOrControlCharacterPointerShortened() {
        String name = "ab\u0000c".repeat(1250);
        List<Problem> problems = ScenarioFixtures.problemsAfter(root -> root.put(name, 1));
        Problem p = problems.get(0);
        assertEquals("/" + name, p.pointer(), "the pointer itself stays exact (RFC 6901)");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            String line = p.format(locale);
            assertTrue(line.length() < 300, line);
            assertFalse(line.chars().anyMatch(c -> c < 0x20), line);
            // Each reference token is shown like a value: 40 characters, control characters escaped.
            assertTrue(line.startsWith("test.json: /" + "ab\\u0000c".repeat(10) + "…: "), line);
        }
    }
}
