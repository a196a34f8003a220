package org.virtlab.engine.model;

import java.util.List;

/**
 * How the window showed the scenario when it was saved: the open tab and the topology's zoom. Layout only;
 * the engine ignores it.
 *
 * @param tab  one of {@link #TABS}
 * @param zoom the topology canvas's scale, 0.1–4 (1 = 100 %)
 */
public record ViewState(String tab, double zoom) {
    /** The window's tabs, in order. */
    public static final List<String> TABS = List.of("topology", "cpu", "memory", "io", "network");
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    public static final ViewState DEFAULT = new ViewState("topology", 1);

    public ViewState {
        if (!TABS.contains(tab)) {
            throw new IllegalArgumentException("tab must be one of " + String.join(", ", TABS) + ", was " + tab);
        }
        Ranges.check("zoom", zoom, MIN_ZOOM, MAX_ZOOM);
    }

    public ViewState withTab(String newTab) {
        return new ViewState(newTab, zoom);
    }

    public ViewState withZoom(double newZoom) {
        return new ViewState(tab, newZoom);
    }
}
