package org.virtlab.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson's own "Try this" texts, one per tab of the window ({@link ViewState#TABS}) where the lesson has something
 * better to suggest than the tab's general help. The window's help panel shows them; the engine ignores them.
 *
 * @param tryThis the texts by tab id, in the order of {@link ViewState#TABS}; none empty
 */
public record LessonHelp(Map<String, LocalizedText> tryThis) {
    public static final LessonHelp NONE = new LessonHelp(Map.of());

    public LessonHelp {
        Map<String, LocalizedText> ordered = new LinkedHashMap<>();
        for (String tab : ViewState.TABS) {
            LocalizedText text = tryThis.get(tab);
            if (text != null) {
                if (text.equals(LocalizedText.EMPTY)) {
                    throw new IllegalArgumentException("help for tab " + tab + " is empty");
                }
                ordered.put(tab, text);
            }
        }
        for (String tab : tryThis.keySet()) {
            if (!ViewState.TABS.contains(tab)) {
                throw new IllegalArgumentException("help for unknown tab " + tab + "; allowed: "
                        + String.join(", ", ViewState.TABS));
            }
        }
        tryThis = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The lesson's text for the tab, if it has one. */
    public Optional<LocalizedText> forTab(String tab) {
        return Optional.ofNullable(tryThis.get(tab));
    }
}
