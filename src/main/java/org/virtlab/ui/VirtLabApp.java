package org.virtlab.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.virtlab.scenario.Lessons;
import org.virtlab.ui.common.Presentation;
import org.virtlab.ui.common.PresentationStyler;
import org.virtlab.ui.i18n.I18n;
import org.virtlab.ui.shell.ShellView;
import org.virtlab.ui.shell.ShellViewModel;
import org.virtlab.ui.shell.UserPreferences;
import org.virtlab.ui.sim.SimulationRunner;

/**
 * The JavaFX application: builds the object graph once (language, simulation runner, view models,
 * views), opens the window on the default lesson, and starts playing so the first run is alive.
 *
 * <p>Arguments: {@code --open=FILE} opens a scenario file instead of the default lesson;
 * {@code --lang=en|zh} picks the language (default: the one chosen last in View › Language, else the system's,
 * English unless it is Chinese). The theme, presenter mode and the window's bounds are restored from
 * {@link UserPreferences}.
 * With the environment variable {@code VIRTLAB_STARTUP_LOG} set, prints the time from JVM start to the
 * first frame.
 */
public final class VirtLabApp extends Application {
    private SimulationRunner runner;
    private ShellView shell;
    private Scene scene;
    private Stage stage;
    private ShellViewModel currentViewModel;
    private final Presentation presentation = new Presentation();
    private PresentationStyler styler;
    private UserPreferences preferences;

    /** Opens the window; returns when it closes. */
    public static void launch(String... args) {
        Application.launch(VirtLabApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Map<String, String> named = getParameters().getNamed();
        preferences = UserPreferences.standard();
        Locale locale = named.containsKey("lang") ? I18n.parse(named.get("lang"))
                : preferences.language().orElse(I18n.supported(Locale.getDefault()));
        preferences.restore(presentation);
        preferences.follow(presentation);
        runner = new SimulationRunner(Lessons.defaultLesson().scenario());
        build(new I18n(locale));
        styler = new PresentationStyler(scene, presentation);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setWidth(1280);
        stage.setHeight(800);
        restoreWindow();
        stage.getIcons().add(new Image(VirtLabApp.class.getResource("icon.png").toExternalForm()));
        stage.setOnCloseRequest(e -> {
            if (shell.confirmDiscard()) {
                saveWindow();
                currentViewModel.closedCleanly();
            } else {
                e.consume();
            }
        });
        stage.show();
        logFirstFrame();
        String file = named.get("open");
        if (file == null && !getParameters().getRaw().contains("--no-recovery")) {
            shell.offerRecovery();
        }
        if (file != null) {
            List<String> problems = currentViewModel.open(Path.of(file));
            if (!problems.isEmpty()) {
                shell.showProblemsDialog(problems);
            }
        }
        currentViewModel.play();
    }

    private void build(I18n i18n) {
        if (shell != null) {
            shell.dispose();
        }
        ShellViewModel previous = currentViewModel;
        currentViewModel = new ShellViewModel(i18n, runner);
        if (previous != null) {
            currentViewModel.carryOverFrom(previous);
        }
        shell = new ShellView(currentViewModel, this::switchLanguage, presentation);
        if (scene == null) {
            scene = new Scene(shell.root());
            scene.getStylesheets().add(VirtLabApp.class.getResource("shell/shell.css").toExternalForm());
        } else {
            scene.setRoot(shell.root());
        }
        // Redo has two shortcuts (Ctrl+Shift+Z on its menu item, Ctrl+Y here), as most editors do.
        ShellViewModel vm = currentViewModel;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), vm::redo);
        stage.titleProperty().bind(currentViewModel.windowTitleProperty());
    }

    private void switchLanguage(Locale locale) {
        int tab = shell.tabs().getSelectionModel().getSelectedIndex();
        build(new I18n(locale));
        shell.tabs().getSelectionModel().select(tab);
        preferences.setLanguage(locale);
    }

    /** The saved size and place, when it still lies on a screen (a monitor may have gone since). */
    private void restoreWindow() {
        preferences.window().ifPresent(b -> {
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            boolean visible = !javafx.stage.Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 200),
                    Math.min(b.height(), 200)).isEmpty();
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
            stage.setMaximized(b.maximized());
        });
    }

    private void saveWindow() {
        if (!stage.isFullScreen() && !Double.isNaN(stage.getWidth())) {
            preferences.setWindow(new UserPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
    }

    @Override
    public void stop() {
        if (stage != null && preferences != null) {
            saveWindow();
        }
        if (shell != null) {
            shell.dispose();
        }
        if (runner != null) {
            runner.close();
        }
    }

    /** The window's content, for tests. */
    public ShellView shell() {
        return shell;
    }

    /** Presenter mode and theme of the window, for tests. */
    public Presentation presentation() {
        return presentation;
    }

    /** Where the window's preferences are kept, for tests. */
    public UserPreferences preferences() {
        return preferences;
    }

    /** The simulation behind the window, for tests. */
    public SimulationRunner runner() {
        return runner;
    }

    private void logFirstFrame() {
        if (System.getenv("VIRTLAB_STARTUP_LOG") == null) {
            return;
        }
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                ProcessHandle.current().info().startInstant().ifPresent(start -> System.err.println(
                        "VirtLab: first frame " + Duration.between(start, Instant.now()).toMillis() + " ms after JVM start"));
            }
        }.start();
    }
}
