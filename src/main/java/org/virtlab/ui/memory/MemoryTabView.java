package org.virtlab.ui.memory;

import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.i18n.I18n;

/**
 * The Memory tab: two views of memory virtualization, each the whole tab high, chosen by tabs along the top
 * (a projector has no room for both at once): address translation ({@link MemoryView}) and overcommit
 * ({@link OvercommitView}). The overcommit view's chart redraws only while it is on screen.
 */
public final class MemoryTabView {
    private final TabPane root = new TabPane();
    private final MemoryView translation;
    private final OvercommitViewModel overcommit;
    private final Tab overcommitTab;
    private boolean tabShowing;

    public MemoryTabView(MemoryViewModel memory, OvercommitViewModel overcommit, I18n i18n, ChartMenus menus) {
        this.overcommit = overcommit;
        root.getStylesheets().add(MemoryView.class.getResource("memory.css").toExternalForm());
        translation = new MemoryView(memory, i18n, menus);
        Tab translationTab = tab(i18n, "memory.view.translation", "memorySubTab-translation", translation.root());
        overcommitTab = tab(i18n, "memory.view.overcommit", "memorySubTab-overcommit",
                new OvercommitView(overcommit, i18n, menus).root());
        root.getTabs().addAll(translationTab, overcommitTab);
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setId("memoryViews");
        root.getStyleClass().add("memory-views");
        if (overcommit.overcommitChosenProperty().get()) {
            root.getSelectionModel().select(overcommitTab);
        }
        overcommitTab.selectedProperty().addListener((obs, was, now) -> {
            overcommit.overcommitChosenProperty().set(now);
            overcommit.setShowing(tabShowing && now);
        });
        overcommit.overcommitChosenProperty().addListener((obs, was, now) ->
                root.getSelectionModel().select(now ? overcommitTab : translationTab));
    }

    public Parent root() {
        return root;
    }

    /** Whether the Memory tab is the one on screen: the overcommit view follows the simulation only then. */
    public void setShowing(boolean showing) {
        tabShowing = showing;
        overcommit.setShowing(showing && overcommitTab.isSelected());
    }

    /** Stops the animations; call before the view is thrown away. */
    public void dispose() {
        translation.dispose();
    }

    private static Tab tab(I18n i18n, String key, String id, javafx.scene.Node content) {
        Tab tab = new Tab(i18n.get(key), content);
        tab.setId(id);
        tab.setTooltip(new Tooltip(i18n.get(key + ".help")));
        return tab;
    }
}
