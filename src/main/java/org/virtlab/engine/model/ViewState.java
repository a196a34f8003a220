package org.virtlab.engine.model;

import java.util.List;

/**
 * How the window showed the scenario when it was saved: the open tab, the topology's zoom and which part of the
 * Memory tab was on screen. Layout only; the engine ignores it.
 *
 * @param tab        one of {@link #TABS}
 * @param zoom       the topology canvas's scale, 0.1–4 (1 = 100 %)
 * @param memoryView one of {@link #MEMORY_VIEWS}: the Memory tab's address translation or its overcommit view
 */
public record ViewState(String tab, double zoom, String memoryView) {
    /** The window's tabs, in order. */
    public static final List<String> TABS = List.of("topology", "cpu", "memory", "io", "network");
    /** The Memory tab's two parts, in order; the first is the default. */
    public static final List<String> MEMORY_VIEWS = List.of("translation", "overcommit");
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4;
    public static final ViewState DEFAULT = new ViewState("topology", 1);

    public ViewState {
        if (!TABS.contains(tab)) {
            throw new IllegalArgumentException("tab must be one of " + String.join(", ", TABS) + ", was " + tab);
        }
        Ranges.check("zoom", zoom, MIN_ZOOM, MAX_ZOOM);
        if (!MEMORY_VIEWS.contains(memoryView)) {
            throw new IllegalArgumentException("memoryView must be one of " + String.join(", ", MEMORY_VIEWS)
                    + ", was " + memoryView);
        }
    }

    /** On the Memory tab's first part, address translation. */
    public ViewState(String tab, double zoom) {
        this(tab, zoom, MEMORY_VIEWS.get(0));
    }

    public ViewState withTab(String newTab) {
        return new ViewState(newTab, zoom, memoryView);
    }

    public ViewState withZoom(double newZoom) {
        return new ViewState(tab, newZoom, memoryView);
    }

    public ViewState withMemoryView(String newMemoryView) {
        return new ViewState(tab, zoom, newMemoryView);
    }
}
