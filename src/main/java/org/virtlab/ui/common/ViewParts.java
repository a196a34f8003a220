package org.virtlab.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Pieces the tabs with a step-by-step animation share (the Memory tab's page walk, the Network tab's packet): its
 * buttons, its error lines and the timer that steps it while it plays.
 */
public final class ViewParts {
    private ViewParts() {
    }

    /** A button with an icon and text that never takes the focus: Space belongs to the simulation's play/pause. */
    public static Button button(String id, String icon, String text, String tip, Runnable action) {
        FontIcon glyph = new FontIcon(icon);
        glyph.setIconSize(18);
        Button b = new Button(text, glyph);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A red line shown only while {@code message} is not empty. */
    public static Label errorLine(ObservableStringValue message, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(message);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** A timer that calls {@code tick} every {@code frame} while {@code playing} is true, from its first frame. */
    public static Timeline player(Duration frame, Runnable tick, ObservableBooleanValue playing) {
        Timeline player = new Timeline(new KeyFrame(frame, e -> tick.run()));
        player.setCycleCount(Animation.INDEFINITE);
        playing.addListener((obs, was, now) -> {
            if (now) {
                player.playFromStart();
            } else {
                player.stop();
            }
        });
        return player;
    }

    /**
     * Opens {@code root} in a window of its own beside {@code owner} (Sweep, Compare, Exercise), looking like the
     * main window and following its presenter mode and theme ({@link PresentationStyler#styleLikeOwner}).
     *
     * @param onHidden what closing it does (stop a run still going), or null
     */
    public static javafx.stage.Stage window(javafx.stage.Window owner, String title, javafx.scene.Parent root,
                                            double width, double height, Runnable onHidden) {
        javafx.stage.Stage stage = new javafx.stage.Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        javafx.scene.Scene scene = new javafx.scene.Scene(root, width, height);
        PresentationStyler.styleLikeOwner(scene, owner);
        stage.setScene(scene);
        if (onHidden != null) {
            stage.setOnHidden(e -> onHidden.run());
        }
        stage.show();
        return stage;
    }
}
