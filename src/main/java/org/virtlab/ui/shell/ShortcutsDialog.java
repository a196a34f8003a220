package org.virtlab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.virtlab.ui.i18n.I18n;

/**
 * Help › Keyboard shortcuts. The keyboard part is read from the menu bar's accelerators when the dialog opens, so
 * it lists exactly what the menus do (a new menu item with a shortcut shows up by itself); the few keys that are
 * not on a menu item and the mouse gestures of the topology are listed here.
 */
final class ShortcutsDialog {
    /** One line: what it does and the keys (or gesture) that do it. */
    record Shortcut(String action, String keys) {
    }

    /** A titled group of lines: one per menu, then the rest. */
    record Section(String title, List<Shortcut> shortcuts) {
    }

    /**
     * Scene accelerators that no menu item carries, with the bundle key that says what each does. The window adds
     * them (VirtLabApp: Ctrl+Y redoes, as in most editors); {@code HelpDialogsTest} fails when the scene has an
     * accelerator that is neither on a menu item nor here.
     */
    static final Map<KeyCombination, String> OFF_MENU_KEYS = Map.of(
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), "shortcuts.redoAlt",
            // JavaFX's menu bar puts F10 on the scene (not on macOS): it opens the first menu.
            new KeyCodeCombination(KeyCode.F10), "shortcuts.menuBar");

    /** The topology's mouse gestures (TopologyView), as bundle keys: shortcuts.mouse.N.action / .keys. */
    static final int MOUSE_GESTURES = 8;

    private final Dialog<Void> dialog = new Dialog<>();

    ShortcutsDialog(I18n i18n, MenuBar menus, Window owner) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("shortcuts.title"));
        dialog.setResizable(true);
        var pane = dialog.getDialogPane();
        pane.setId("shortcutsDialog");
        HelpDialogs.style(pane, owner);
        pane.getButtonTypes().add(new ButtonType(i18n.get("help.close"), ButtonBar.ButtonData.CANCEL_CLOSE));

        List<Section> menuSections = fromMenus(menus);
        List<Section> others = others(i18n, owner == null ? null : owner.getScene());
        // The menus in two columns of about equal length, so that the dialog stays low on a 1280×720 projector
        // as menus gain items; the other keys and the mouse in a third.
        int split = balancedSplit(menuSections);
        VBox first = column(menuSections.subList(0, split));
        VBox second = column(menuSections.subList(split, menuSections.size()));
        VBox right = column(others);
        right.setId("shortcutsOthers");
        HBox content = new HBox(36, first, second, right);
        content.setAlignment(Pos.TOP_LEFT);
        content.setPadding(new Insets(8, 12, 0, 12));
        pane.setContent(content);
    }

    void show() {
        dialog.show();
    }

    Dialog<Void> dialog() {
        return dialog;
    }

    /** Where to cut the sections into two columns: the first point at which the first holds half the lines or more. */
    static int balancedSplit(List<Section> sections) {
        int total = sections.stream().mapToInt(s -> s.shortcuts().size() + 1).sum();
        int lines = 0;
        for (int i = 0; i < sections.size(); i++) {
            lines += sections.get(i).shortcuts().size() + 1;
            if (2 * lines >= total) {
                return i + 1;
            }
        }
        return sections.size();
    }

    /** One section per top-level menu that has an item with a shortcut, in menu order; submenus are walked. */
    static List<Section> fromMenus(MenuBar bar) {
        List<Section> sections = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            List<Shortcut> lines = new ArrayList<>();
            collect(menu, "", lines);
            if (!lines.isEmpty()) {
                sections.add(new Section(plain(menu.getText()), lines));
            }
        }
        return sections;
    }

    private static void collect(Menu menu, String path, List<Shortcut> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + plain(sub.getText()) + " › ", into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(path + plain(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** The keys on no menu item that the window's scene has, then the topology's mouse gestures. */
    static List<Section> others(I18n i18n, Scene scene) {
        List<Shortcut> keys = new ArrayList<>();
        OFF_MENU_KEYS.entrySet().stream()
                .filter(e -> scene == null || scene.getAccelerators().containsKey(e.getKey()))
                .sorted(java.util.Comparator.comparing(e -> e.getKey().getDisplayText()))
                .forEach(e -> keys.add(new Shortcut(i18n.get(e.getValue()), e.getKey().getDisplayText())));
        List<Shortcut> mouse = new ArrayList<>();
        for (int i = 1; i <= MOUSE_GESTURES; i++) {
            mouse.add(new Shortcut(i18n.get("shortcuts.mouse." + i + ".action"), i18n.get("shortcuts.mouse." + i + ".keys")));
        }
        return List.of(new Section(i18n.get("shortcuts.section.otherKeys"), keys),
                new Section(i18n.get("shortcuts.section.mouse"), mouse));
    }

    private static VBox column(List<Section> sections) {
        VBox column = new VBox(4);
        for (Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add("help-heading");
            GridPane grid = new GridPane();
            grid.setHgap(14);
            grid.setVgap(3);
            int row = 0;
            for (Shortcut s : section.shortcuts()) {
                Label keys = new Label(s.keys());
                keys.getStyleClass().add("help-keys");
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label action = new Label(s.action());
                action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                grid.addRow(row++, action, keys);
            }
            column.getChildren().addAll(title, grid);
        }
        return column;
    }

    /** A menu text without the underscore that marks its mnemonic. */
    private static String plain(String text) {
        return text == null ? "" : text.replace("_", "");
    }
}
