package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.virtlab.Version;

/**
 * Help › Keyboard shortcuts and Help › About open from the menu, in English and Chinese, fit a 1280×720 projector,
 * and say what is true: the menus' own accelerators, the version, the bundled libraries' licences.
 * Screenshots: help-shortcuts(-zh).png, help-about(-zh).png.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HelpDialogsTest {
    private final FxRobot robot = new FxRobot();
    private VirtLabApp app;

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private void open(String lang) throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (VirtLabApp) FxToolkit.setupApplication(VirtLabApp.class, "--lang=" + lang, "--no-recovery");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a menu and one of its items (menus are not nodes: TestFX finds them by their text), waits for the dialog. */
    private DialogPane openFromMenu(String menu, String item, String dialogId) throws Exception {
        robot.clickOn(menu).clickOn(item);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FxConditions.onFx(() -> robot.lookup("#" + dialogId).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents(3);
        return robot.lookup("#" + dialogId).queryAs(DialogPane.class);
    }

    private static List<String> texts(Node root) {
        List<String> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(Node node, List<String> into) {
        if (node instanceof Labeled l && l.getText() != null) {
            into.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    /** The dialog's window fits the projector (1280×720) with room for the window around it. */
    private static void assertFitsTheProjector(DialogPane pane) {
        Window w = pane.getScene().getWindow();
        assertTrue(w.getWidth() <= 1280 && w.getHeight() <= 700, "dialog is " + w.getWidth() + " × " + w.getHeight());
    }

    private void closeDialog(DialogPane pane) {
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    @Test
    void shortcutsListTheMenusAcceleratorsInEnglish() throws Exception {
        open("en");
        DialogPane pane = openFromMenu("Help", "Keyboard Shortcuts", "shortcutsDialog");
        List<String> shown = new ArrayList<>();
        robot.interact(() -> shown.addAll(texts(pane)));
        // Every accelerator on a menu item shows, with the item's text (read from the menu bar itself).
        List<String> expected = new ArrayList<>();
        robot.interact(() -> {
            for (Menu menu : robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
                accelerators(menu, expected);
            }
        });
        assertTrue(expected.size() >= 10, "the menus have their accelerators: " + expected);
        for (String line : expected) {
            String[] parts = line.split("\t");
            assertTrue(shown.contains(parts[0]) && shown.contains(parts[1]), line + " not in " + shown);
        }
        // Concrete ones, from MainMenu: Save is Shortcut+S, Step is the Right arrow (JavaFX shows it as →);
        // VirtLabApp: Ctrl+Y redoes too; JavaFX's menu bar: F10.
        assertTrue(shown.contains("Ctrl+S") && shown.contains("Save"), shown.toString());
        assertTrue(shown.contains("Step One Tick") && shown.contains("→"), shown.toString());
        assertTrue(shown.contains("F10") && shown.contains("Open the menu bar"), shown.toString());
        assertTrue(shown.contains("Ctrl+Y") && shown.contains("Redo (its second shortcut)"), shown.toString());
        assertTrue(shown.contains("Shift+drag on the empty canvas"), shown.toString());
        assertFitsTheProjector(pane);
        Screenshots.write(robot, pane.getScene(), "help-shortcuts");
        closeDialog(pane);
    }

    @Test
    void everySceneAcceleratorIsOnAMenuItemOrListedInTheDialog() throws Exception {
        open("en");
        Set<String> offMenu = offMenuKeys();
        Set<String> undocumented = new TreeSet<>();
        robot.interact(() -> {
            Scene scene = app.shell().root().getScene();
            List<String> onMenus = new ArrayList<>();
            for (Menu menu : robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
                accelerators(menu, onMenus);
            }
            for (KeyCombination k : scene.getAccelerators().keySet()) {
                boolean onMenu = onMenus.stream().anyMatch(l -> l.endsWith("\t" + k.getDisplayText()));
                boolean listed = offMenu.contains(k.getDisplayText());
                if (!onMenu && !listed) {
                    undocumented.add(k.getDisplayText());
                }
            }
        });
        assertEquals(Set.of(), undocumented, "add them to ShortcutsDialog.OFF_MENU_KEYS");
    }

    /** The off-menu keys as the dialog shows them (its "Other keys" section). */
    private Set<String> offMenuKeys() {
        Set<String> keys = new TreeSet<>();
        DialogPane[] pane = new DialogPane[1];
        robot.interact(() -> pane[0] = (DialogPane) app.shell().showShortcuts().getDialogPane());
        robot.interact(() -> {
            for (Node n : pane[0].lookupAll(".help-keys")) {
                keys.add(((Label) n).getText());
            }
            pane[0].getScene().getWindow().hide();
        });
        return keys;
    }

    private static void accelerators(Menu menu, List<String> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                accelerators(sub, into);
            } else if (item.getAccelerator() != null) {
                into.add(item.getText() + "\t" + item.getAccelerator().getDisplayText());
            }
        }
    }

    @Test
    void shortcutsInChinese() throws Exception {
        open("zh");
        // messages_zh.properties: menu.help=帮助, menu.help.shortcuts=键盘快捷键, menu.file.save=保存
        DialogPane pane = openFromMenu("帮助", "键盘快捷键", "shortcutsDialog");
        List<String> shown = new ArrayList<>();
        robot.interact(() -> shown.addAll(texts(pane)));
        assertTrue(shown.contains("保存") && shown.contains("Ctrl+S"), shown.toString());
        assertTrue(shown.contains("鼠标（拓扑视图）"), shown.toString());
        assertFitsTheProjector(pane);
        Screenshots.write(robot, pane.getScene(), "help-shortcuts-zh");
        closeDialog(pane);
    }

    @Test
    void aboutShowsTheVersionAndTheLibrariesLicencesInEnglish() throws Exception {
        open("en");
        DialogPane pane = openFromMenu("Help", "About VirtLab", "aboutDialog");
        List<String> shown = new ArrayList<>();
        robot.interact(() -> shown.addAll(texts(pane)));
        // The version from version.properties, as `virtlab --version` prints it.
        assertTrue(shown.contains("Version " + Version.get()), shown.toString());
        // Licences from each artifact's POM <licenses> (BundledLibraries cites them); JFreeSVG's README: GPLv3 or later.
        assertTrue(shown.contains("JFreeSVG") && shown.contains("GPL-3.0-or-later"), shown.toString());
        assertTrue(shown.contains("AtlantaFX") && shown.contains("MIT"), shown.toString());
        assertTrue(shown.contains("ControlsFX") && shown.contains("BSD-3-Clause"), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("Note: JFreeSVG")), shown.toString());
        assertFitsTheProjector(pane);
        Screenshots.write(robot, pane.getScene(), "help-about");
        closeDialog(pane);
    }

    @Test
    void aboutInChinese() throws Exception {
        open("zh");
        // messages_zh.properties: menu.help.about=关于 VirtLab, about.version=版本 {0}
        DialogPane pane = openFromMenu("帮助", "关于 VirtLab", "aboutDialog");
        List<String> shown = new ArrayList<>();
        robot.interact(() -> shown.addAll(texts(pane)));
        assertTrue(shown.contains("版本 " + Version.get()), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("注意：") && s.contains("GPL")), shown.toString());
        assertFitsTheProjector(pane);
        Screenshots.write(robot, pane.getScene(), "help-about-zh");
        closeDialog(pane);
    }
}
