package org.virtlab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.scenario.Lesson;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.sim.Speed;

/** The menu bar: File, Simulation, View, Help. Items call the view model or the shell view's dialogs. */
final class MainMenu {
    private final MenuBar bar = new MenuBar();
    private final I18n i18n;

    MainMenu(ShellViewModel vm, ShellView view, Consumer<Locale> changeLanguage, Presentation presentation) {
        this.i18n = vm.i18n();
        bar.setId("menuBar");

        Menu lessons = menu("menu.file.openLesson");
        for (Lesson lesson : vm.lessons()) {
            MenuItem item = new MenuItem(lesson.title().in(i18n.locale()));
            item.setId("lesson-" + lesson.id());
            item.setOnAction(e -> {
                if (view.confirmDiscard()) {
                    vm.openLesson(lesson);
                }
            });
            lessons.getItems().add(item);
        }
        Menu recent = menu("menu.file.recent");
        recent.setOnShowing(e -> fillRecent(recent, vm, view));
        fillRecent(recent, vm, view);
        Menu export = menu("menu.file.export");
        export.getItems().add(item("menu.export.run", null, "mdi2f-folder-download-outline", view::exportRun));
        Menu file = menu("menu.file");
        file.getItems().addAll(
                item("menu.file.new", shortcut(KeyCode.N), "mdi2f-file-outline", () -> {
                    if (view.confirmDiscard()) {
                        vm.newScenario();
                    }
                }),
                item("menu.file.open", shortcut(KeyCode.O), "mdi2f-folder-open-outline", view::openFile),
                recent,
                lessons,
                new SeparatorMenuItem(),
                item("menu.file.save", shortcut(KeyCode.S), "mdi2c-content-save-outline", view::save),
                item("menu.file.saveAs", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), null, view::saveAs),
                export,
                new SeparatorMenuItem(),
                item("menu.file.quit", shortcut(KeyCode.Q), null, view::quit));

        MenuItem undo = item("menu.edit.undo", shortcut(KeyCode.Z), "mdi2u-undo", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item("menu.edit.redo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), "mdi2r-redo", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        MenuItem delete = item("menu.edit.delete", new KeyCodeCombination(KeyCode.DELETE), "mdi2d-delete-outline",
                () -> vm.topology().deleteSelection());
        delete.disableProperty().bind(vm.selection().countProperty().isEqualTo(0));
        MenuItem copy = item("menu.edit.copy", shortcut(KeyCode.C), "mdi2c-content-copy",
                () -> vm.topology().copySelection());
        copy.disableProperty().bind(vm.selection().countProperty().isEqualTo(0));
        MenuItem paste = item("menu.edit.paste", shortcut(KeyCode.V), "mdi2c-content-paste",
                () -> vm.topology().paste());
        MenuItem selectAll = item("menu.edit.selectAll", shortcut(KeyCode.A), "mdi2s-select-all",
                () -> vm.topology().selectAll());
        Menu edit = menu("menu.edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), copy, paste, delete, new SeparatorMenuItem(),
                selectAll);

        Menu speed = menu("menu.sim.speed");
        ToggleGroup speeds = new ToggleGroup();
        for (Speed s : Speed.values()) {
            RadioMenuItem r = new RadioMenuItem(s.label(i18n));
            r.setId("speed-" + s.name());
            r.setToggleGroup(speeds);
            r.setSelected(vm.speedProperty().get() == s);
            r.setOnAction(e -> vm.speedProperty().set(s));
            speed.getItems().add(r);
        }
        vm.speedProperty().addListener((obs, was, now) -> speeds.getToggles().stream()
                .filter(t -> ((RadioMenuItem) t).getId().equals("speed-" + now.name())).findFirst()
                .ifPresent(t -> t.setSelected(true)));
        MenuItem playPause = item("menu.sim.play", new KeyCodeCombination(KeyCode.SPACE), "mdi2p-play", vm::togglePlay);
        playPause.setId("menu-play");
        vm.playingProperty().addListener((obs, was, now) -> {
            playPause.setText(i18n.get(now ? "menu.sim.pause" : "menu.sim.play"));
            playPause.setGraphic(new FontIcon(now ? "mdi2p-pause" : "mdi2p-play"));
        });
        Menu simulation = menu("menu.sim");
        simulation.getItems().addAll(playPause,
                item("menu.sim.step", new KeyCodeCombination(KeyCode.RIGHT), "mdi2s-skip-next", vm::step),
                item("menu.sim.reset", shortcut(KeyCode.R), "mdi2r-restart", vm::reset),
                new SeparatorMenuItem(),
                item("menu.sim.back", new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHIFT_DOWN),
                        "mdi2s-skip-previous", vm::backToEvent),
                item("menu.sim.forward", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN),
                        "mdi2s-skip-next-outline", vm::forwardToEvent),
                new SeparatorMenuItem(), speed,
                new SeparatorMenuItem(), item("menu.sim.sweep", null, "mdi2c-chart-line", view::openSweep),
                item("menu.sim.compare", null, "mdi2c-compare-horizontal", view::openCompare));

        Menu language = menu("menu.view.language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale locale : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem(i18n.get("language." + locale.getLanguage()));
            r.setId("language-" + locale.getLanguage());
            r.setToggleGroup(languages);
            r.setSelected(locale.equals(i18n.locale()));
            r.setOnAction(e -> changeLanguage.accept(locale));
            language.getItems().add(r);
        }
        Menu viewMenu = menu("menu.view");
        for (int i = 0; i < ShellView.TABS.size(); i++) {
            int index = i;
            viewMenu.getItems().add(item("tab." + ShellView.TABS.get(i), shortcut(KeyCode.getKeyCode(Integer.toString(i + 1))),
                    null, () -> view.selectTab(index)));
        }
        javafx.scene.control.CheckMenuItem events = new javafx.scene.control.CheckMenuItem(i18n.get("menu.view.events"));
        events.setId("menu.view.events");
        events.setAccelerator(shortcut(KeyCode.E));
        events.selectedProperty().bindBidirectional(vm.eventsShownProperty());
        viewMenu.getItems().addAll(new SeparatorMenuItem(), events, new SeparatorMenuItem(), language,
                new SeparatorMenuItem());
        viewMenu.getItems().addAll(presenterItems(presentation, view));

        Menu help = menu("menu.help");
        help.getItems().addAll(
                item("menu.help.thisTab", new KeyCodeCombination(KeyCode.F1), "mdi2h-help-circle-outline",
                        () -> view.helpPanel().toggle()),
                item("menu.help.shortcuts", null, "mdi2k-keyboard-outline", view::showShortcuts),
                item("menu.help.exercise", null, "mdi2s-school-outline", view::openExercise),
                new SeparatorMenuItem(),
                item("menu.help.about", null, "mdi2i-information-outline", view::showAbout));

        bar.getMenus().addAll(file, edit, simulation, viewMenu, help);
    }

    /** Presenter mode (one switch), its scale, the theme and full screen (F11). */
    private List<MenuItem> presenterItems(Presentation presentation, ShellView view) {
        CheckMenuItem presenter = new CheckMenuItem(i18n.get("menu.view.presenter"));
        presenter.setId("menu.view.presenter");
        presenter.setGraphic(new FontIcon("mdi2p-presentation"));
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        presenter.selectedProperty().bindBidirectional(presentation.presenterProperty());

        Menu scale = menu("menu.view.presenterScale");
        ToggleGroup scales = new ToggleGroup();
        for (int percent : Presentation.SCALE_CHOICES) {
            RadioMenuItem r = new RadioMenuItem(i18n.format("menu.view.presenterScale.item", percent));
            r.setId("presenterScale-" + percent);
            r.setToggleGroup(scales);
            r.setSelected(presentation.scalePercentProperty().get() == percent);
            r.setOnAction(e -> presentation.setScalePercent(percent));
            scale.getItems().add(r);
        }
        presentation.scalePercentProperty().addListener((obs, was, now) -> scales.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getId().equals("presenterScale-" + now))));

        Menu theme = menu("menu.view.theme");
        ToggleGroup themes = new ToggleGroup();
        for (Presentation.Theme t : Presentation.Theme.values()) {
            String key = "menu.view.theme." + t.name().toLowerCase(Locale.ROOT);
            RadioMenuItem r = new RadioMenuItem(i18n.get(key));
            r.setId(key);
            r.setToggleGroup(themes);
            r.setSelected(presentation.themeProperty().get() == t);
            r.setOnAction(e -> presentation.themeProperty().set(t));
            theme.getItems().add(r);
        }
        presentation.themeProperty().addListener((obs, was, now) -> themes.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getId().endsWith("." + now.name().toLowerCase(Locale.ROOT)))));

        MenuItem fullScreen = item("menu.view.fullScreen", new KeyCodeCombination(KeyCode.F11),
                "mdi2f-fullscreen", view::toggleFullScreen);
        return List.of(presenter, scale, theme, new SeparatorMenuItem(), fullScreen);
    }

    private void fillRecent(Menu recent, ShellViewModel vm, ShellView view) {
        recent.getItems().clear();
        for (java.nio.file.Path p : vm.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> view.openRecent(p));
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    MenuBar bar() {
        return bar;
    }

    private Menu menu(String key) {
        Menu m = new Menu(i18n.get(key));
        m.setId(key);
        return m;
    }

    private MenuItem item(String key, KeyCombination accelerator, String icon, Runnable action) {
        MenuItem item = new MenuItem(i18n.get(key));
        item.setId(key);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        if (icon != null) {
            item.setGraphic(new FontIcon(icon));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
