package org.virtlab.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.virtlab.engine.model.ViewState;
import org.virtlab.ui.common.ChartMenus;
import org.virtlab.ui.common.ExportErrors;
import org.virtlab.ui.common.FileDialogs;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.cpu.CpuView;
import org.virtlab.ui.events.EventsView;
import org.virtlab.ui.help.HelpPanel;
import org.virtlab.ui.help.HelpPanelViewModel;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.io.IoView;
import org.virtlab.ui.memory.MemoryTabView;
import org.virtlab.ui.network.NetworkView;
import org.virtlab.ui.palette.PaletteView;
import org.virtlab.ui.properties.PropertiesView;
import org.virtlab.ui.topology.TopologyView;

/**
 * The main window's content: menu bar and tool bar on top, palette on the left, the feature tabs in the
 * centre, the property panel on the right, the status bar at the bottom. Builds and binds; the work is
 * in {@link ShellViewModel}.
 */
public final class ShellView {
    /** Tab ids, in order, as a scenario's view state names them; also the screenshot names. */
    public static final List<String> TABS = ViewState.TABS;

    private final ShellViewModel viewModel;
    private final I18n i18n;
    private final BorderPane root = new BorderPane();
    private final javafx.scene.control.MenuBar menuBar;
    private final TabPane tabs = new TabPane();
    private final AnimationTimer frames;
    private final MemoryTabView memoryView;
    private final NetworkView networkView;
    private final ChartMenus chartMenus;
    private final javafx.scene.Node topologyRoot;
    private HelpPanelViewModel helpPanel;
    /** Writes unsaved work to the recovery copy every minute. */
    private final javafx.animation.Timeline autosave;

    /**
     * @param changeLanguage called with the chosen locale when the user switches language; the caller
     *                       rebuilds the window's content around the same simulation
     */
    public ShellView(ShellViewModel viewModel, Consumer<Locale> changeLanguage) {
        this(viewModel, changeLanguage, new Presentation());
    }

    /**
     * @param changeLanguage as above
     * @param presentation   presenter mode and theme, which the View menu switches
     */
    public ShellView(ShellViewModel viewModel, Consumer<Locale> changeLanguage, Presentation presentation) {
        this.viewModel = viewModel;
        this.i18n = viewModel.i18n();
        chartMenus = new ChartMenus(i18n, FileDialogs.system(viewModel.exportFolderProperty()));
        MainMenu menu = new MainMenu(viewModel, this, changeLanguage, presentation);
        menuBar = menu.bar();
        MainToolBar toolBar = new MainToolBar(viewModel);
        root.setTop(new VBox(menu.bar(), toolBar.bar()));

        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        topologyRoot = new TopologyView(viewModel.topology(), viewModel.network(), i18n).root();
        tabs.getTabs().add(tab("topology", topologyRoot));
        Tab cpuTab = tab("cpu", new CpuView(viewModel.cpu(), i18n, chartMenus).root());
        tabs.getTabs().add(cpuTab);
        viewModel.cpu().setShowing(cpuTab.isSelected());
        cpuTab.selectedProperty().addListener((obs, was, now) -> viewModel.cpu().setShowing(now));
        memoryView = new MemoryTabView(viewModel.memory(), viewModel.overcommit(), i18n, chartMenus);
        Tab memoryTab = tab("memory", memoryView.root());
        tabs.getTabs().add(memoryTab);
        memoryView.setShowing(memoryTab.isSelected());
        memoryTab.selectedProperty().addListener((obs, was, now) -> memoryView.setShowing(now));
        Tab ioTab = tab("io", new IoView(viewModel.io(), i18n, chartMenus).root());
        tabs.getTabs().add(ioTab);
        viewModel.io().setShowing(ioTab.isSelected());
        ioTab.selectedProperty().addListener((obs, was, now) -> viewModel.io().setShowing(now));
        networkView = new NetworkView(viewModel.network(), i18n, chartMenus);
        Tab networkTab = tab("network", networkView.root());
        tabs.getTabs().add(networkTab);
        viewModel.network().setShowing(networkTab.isSelected());
        networkTab.selectedProperty().addListener((obs, was, now) -> viewModel.network().setShowing(now));
        showTab(viewModel.tabProperty().get());
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() >= 0) {
                viewModel.tabProperty().set(TABS.get(now.intValue()));
            }
        });
        viewModel.tabProperty().addListener((obs, was, now) -> showTab(now));

        root.setLeft(new PaletteView(i18n).root());
        helpPanel = new HelpPanelViewModel(i18n, viewModel.tabProperty(), viewModel.lessonProperty());
        HelpPanel help = new HelpPanel(helpPanel, i18n);
        StackPane tabsWithHelp = new StackPane(tabs, help.toggle());
        StackPane.setAlignment(help.toggle(), Pos.TOP_RIGHT);
        StackPane.setMargin(help.toggle(), new Insets(3, 6, 0, 0));
        BorderPane withHelp = new BorderPane(tabsWithHelp);
        withHelp.setBottom(help.panel());
        javafx.scene.Parent eventsPanel = new EventsView(viewModel.events(), viewModel.playingProperty()).root();
        javafx.scene.control.SplitPane centre = new javafx.scene.control.SplitPane(withHelp);
        centre.setId("centreSplit");
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        javafx.scene.control.SplitPane.setResizableWithParent(eventsPanel, false);
        showEvents(centre, eventsPanel, viewModel.eventsShownProperty().get());
        viewModel.eventsShownProperty().addListener((obs, was, now) -> showEvents(centre, eventsPanel, now));
        root.setCenter(centre);
        root.setRight(new PropertiesView(viewModel.properties(), i18n).root());

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(viewModel.statusTextProperty());
        Label time = new Label();
        time.textProperty().bind(viewModel.timeTextProperty());
        status.getRightItems().add(time);
        root.setBottom(status);
        root.getStyleClass().add("shell");

        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                viewModel.refresh();
            }
        };
        frames.start();
        autosave = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.minutes(1),
                e -> viewModel.autosave()));
        autosave.setCycleCount(javafx.animation.Animation.INDEFINITE);
        autosave.play();
    }

    /** Docks the Events panel under the tabs (a third of the height) or takes it away. */
    private static void showEvents(javafx.scene.control.SplitPane centre, javafx.scene.Parent panel, boolean show) {
        if (show && !centre.getItems().contains(panel)) {
            centre.getItems().add(panel);
            centre.setDividerPositions(0.64);
        } else if (!show) {
            centre.getItems().remove(panel);
        }
    }

    /** F11: full screen on and off, apart from presenter mode. */
    void toggleFullScreen() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof javafx.stage.Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    public Parent root() {
        return root;
    }

    /** The window's state, for tests that check what a gesture did. */
    public ShellViewModel viewModel() {
        return viewModel;
    }

    /** The charts' context menus; tests give them file dialogs of their own. */
    public ChartMenus chartMenus() {
        return chartMenus;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** How long each frame's work took on the FX thread. */
    public FrameTimes frameTimes() {
        return viewModel.frameTimes();
    }

    /** Stops pulling frames; call before the content is replaced. */
    public void dispose() {
        frames.stop();
        autosave.stop();
        memoryView.dispose();
        networkView.dispose();
    }

    /** The help panel under the tabs, for Help › This tab and tests. */
    public HelpPanelViewModel helpPanel() {
        return helpPanel;
    }

    void selectTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    private void showTab(String id) {
        if (TABS.contains(id)) {
            tabs.getSelectionModel().select(TABS.indexOf(id));
        }
    }

    private Tab tab(String id, javafx.scene.Node content) {
        Tab tab = new Tab(i18n.get("tab." + id), content);
        tab.setId("tab-" + id);
        return tab;
    }


    // ---- dialogs and file choosers, used by the menu -------------------------------------------------

    Window window() {
        return root.getScene().getWindow();
    }

    void openFile() {
        if (!confirmDiscard()) {
            return;
        }
        FileChooser chooser = scenarioChooser("menu.file.open");
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            showProblemsDialog(viewModel.open(chosen.toPath()));
        }
    }

    /** Opens a file as File › Open does once a file is chosen (for tests: file choosers cannot be driven). */
    /** Opens a lesson without asking about unsaved work (tests). */
    public void openLessonForTest(org.virtlab.scenario.Lesson lesson) {
        viewModel.openLesson(lesson);
    }

    public void openFileForTest(Path path) {
        showProblemsDialog(viewModel.open(path));
    }

    void openRecent(Path path) {
        if (confirmDiscard()) {
            showProblemsDialog(viewModel.open(path));
        }
    }

    /** Shows the problems of a file that could not be opened; the current lesson stays. */
    public void showProblemsDialog(List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(window());
        alert.setTitle(i18n.get("error.open.title"));
        alert.setHeaderText(i18n.get("error.open.header"));
        TextArea text = new TextArea(String.join("\n", problems));
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(10, problems.size() + 1));
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    /**
     * With unsaved edits, asks whether to save them first. Returns whether to go on (saved, or the user
     * chose not to save); false when the user cancelled or saving failed.
     */
    public boolean confirmDiscard() {
        if (!viewModel.dirtyProperty().get()) {
            return true;
        }
        ButtonType save = new ButtonType(i18n.get("confirm.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(i18n.get("confirm.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(i18n.get("confirm.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("confirm.text"), save, discard, cancel);
        alert.initOwner(window());
        alert.setTitle(i18n.get("confirm.title"));
        alert.setHeaderText(i18n.get("confirm.header"));
        ButtonType answer = alert.showAndWait().orElse(cancel);
        if (answer == save) {
            save();
            return !viewModel.dirtyProperty().get();
        }
        return answer == discard;
    }

    /** Closes the window, after asking about unsaved edits. */
    public void quit() {
        if (confirmDiscard()) {
            viewModel.closedCleanly();
            dispose();
            window().hide();
        }
    }

    /** Offers to continue unsaved work that a run left behind (it crashed, or the machine stopped). */
    public void offerRecovery() {
        viewModel.recovery().ifPresent(r -> {
            ButtonType restore = new ButtonType(i18n.get("recovery.restore"), ButtonBar.ButtonData.YES);
            ButtonType drop = new ButtonType(i18n.get("recovery.drop"), ButtonBar.ButtonData.NO);
            String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(java.time.ZoneId.systemDefault()).format(r.writtenAt());
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                    i18n.format("recovery.text", when, r.original().map(Path::toString).orElse(i18n.get("title.untitled"))),
                    restore, drop);
            alert.initOwner(window());
            alert.setTitle(i18n.get("recovery.title"));
            alert.setHeaderText(i18n.get("recovery.header"));
            if (alert.showAndWait().orElse(drop) == restore) {
                viewModel.restore(r);
            } else {
                viewModel.closedCleanly();
            }
        });
    }

    void save() {
        if (viewModel.fileProperty().get().isEmpty()) {
            saveAs();
        } else {
            viewModel.save().ifPresent(this::showError);
        }
    }

    void saveAs() {
        FileChooser chooser = scenarioChooser("menu.file.saveAs");
        File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            Path path = chosen.toPath();
            if (!path.getFileName().toString().contains(".")) {
                path = path.resolveSibling(path.getFileName() + ".json");
            }
            viewModel.saveAs(path).ifPresent(this::showError);
        }
    }

    /**
     * File › Export › This run: asks for a folder, then writes the run's charts, summary, topology picture and
     * scenario into a new folder in it; says where in the status bar, or why not in a dialog.
     */
    void exportRun() {
        chartMenus.fileDialogs().folder(window(), i18n.get("export.run.title")).ifPresent(this::exportRun);
    }

    /** The export once the folder is chosen (tests call this: a native folder chooser cannot be driven). */
    public java.util.concurrent.CompletableFuture<Path> exportRun(Path parent) {
        java.util.concurrent.CompletableFuture<Path> done = viewModel.exportRun(parent, this::topologyPicture);
        done.whenComplete((folder, failure) -> javafx.application.Platform.runLater(() -> {
            if (failure == null) {
                viewModel.showStatus(i18n.format("export.run.done", folder));
            } else {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof java.io.UncheckedIOException u) {
                    cause = u.getCause();
                }
                chartMenus.showError(window(), ExportErrors.line(i18n, parent,
                        cause instanceof Exception e ? e : new RuntimeException(cause)));
            }
        }));
        return done;
    }

    /**
     * The topology as its tab shows it, even when another tab is on screen. JavaFX brings a node's picture up to
     * date only while all its ancestors are visible, and the tab pane hides the tabs not selected: they are shown
     * for the snapshot and hidden again within the same event, so nothing flickers.
     */
    private java.awt.image.BufferedImage topologyPicture() {
        List<javafx.scene.Node> hidden = new java.util.ArrayList<>();
        for (javafx.scene.Node n = topologyRoot; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                hidden.add(n);
                n.setVisible(true);
            }
        }
        try {
            if (topologyRoot.getLayoutBounds().getWidth() <= 0 || topologyRoot.getLayoutBounds().getHeight() <= 0) {
                return null;
            }
            return javafx.embed.swing.SwingFXUtils.fromFXImage(ChartMenus.snapshot(topologyRoot, 1), null);
        } finally {
            hidden.forEach(n -> n.setVisible(false));
        }
    }

    /** Simulation › Sweep…: a sweep of the scenario as it is now, in its own window. */
    void openSweep() {
        String json = org.virtlab.scenario.ScenarioWriter.toJson(viewModel.scenario());
        org.virtlab.experiment.SweepScenario scenario = org.virtlab.experiment.SweepScenario.of(json,
                viewModel.fileProperty().get().map(Path::toString).orElse("scenario"),
                viewModel.fileProperty().get().map(org.virtlab.scenario.TraceFiles::besides).orElse(null));
        org.virtlab.ui.sweep.SweepViewModel sweep = new org.virtlab.ui.sweep.SweepViewModel(i18n, json, scenario,
                viewModel.selection().selectedId().orElse(null), javafx.application.Platform::runLater);
        new org.virtlab.ui.sweep.SweepView(sweep, i18n).show(window());
    }

    /** Simulation › Compare…: A is the scenario as it stands, B a copy to edit; returned for tests. */
    org.virtlab.ui.compare.CompareView openCompare() {
        org.virtlab.ui.compare.CompareViewModel compare = new org.virtlab.ui.compare.CompareViewModel(i18n,
                viewModel.scenario(), viewModel.fileProperty().get().map(org.virtlab.scenario.TraceFiles::besides)
                .orElse(null), javafx.application.Platform::runLater);
        org.virtlab.ui.compare.CompareView view = new org.virtlab.ui.compare.CompareView(compare, i18n, chartMenus);
        view.show(window());
        return view;
    }

    /** Help › Exercise…: a question on the current lesson's topic; Run it opens its scenario here. */
    void openExercise() {
        org.virtlab.ui.exercise.ExerciseViewModel exercise = new org.virtlab.ui.exercise.ExerciseViewModel(i18n,
                org.virtlab.ui.exercise.ExerciseViewModel.topicOf(viewModel.tabProperty().get(), viewModel.scenario()),
                System.nanoTime(),
                scenario -> {
                    if (confirmDiscard()) {
                        viewModel.openLesson(new org.virtlab.scenario.Lesson("exercise", scenario));
                    }
                });
        new org.virtlab.ui.exercise.ExerciseView(exercise, i18n).show(window());
    }

    void showError(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(window());
        alert.setHeaderText(null);
        alert.show();
    }

    /** Help › About: version, licence and the bundled libraries with theirs. Returned for tests. */
    public javafx.scene.control.Dialog<Void> showAbout() {
        AboutDialog about = new AboutDialog(i18n, window());
        about.show();
        return about.dialog();
    }

    /** Help › Keyboard shortcuts, read from the menu bar's accelerators. Returned for tests. */
    public javafx.scene.control.Dialog<Void> showShortcuts() {
        ShortcutsDialog shortcuts = new ShortcutsDialog(i18n, menuBar, window());
        shortcuts.show();
        return shortcuts.dialog();
    }

    private FileChooser scenarioChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.get("filter.scenario"), "*.json"));
        viewModel.fileProperty().get().map(Path::getParent).filter(p -> p.toFile().isDirectory())
                .ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        return chooser;
    }
}
