package org.virtlab.ui.topology;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.virtlab.ui.common.ViewParts;
import org.virtlab.ui.i18n.I18n;

/**
 * The Network tab's packet on the topology: a marker on the wire or segment of the current hop (the request's
 * orange with an arrow, the reply's sky blue with a return arrow, Okabe–Ito colours that the glyphs repeat
 * without colour), a stop mark with the reason where a leg was dropped, the devices of the hop lit; and the small
 * bar over the canvas with the step controls and a caption, shown only while there is a trace. The state is the
 * {@link PacketTrail}'s (in the end the Network tab's); this only draws it.
 */
final class TraceLayer extends Group {
    static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    /** How long the marker glides from hop to hop while playing; a step by the buttons jumps. */
    private static final Duration GLIDE = Duration.millis(350);

    private final PacketTrail trail;
    private final WireLayer wires;
    private final Group marker = new Group();
    private final Circle dot = new Circle(11);
    private final Text glyph = new Text();
    private final Group stop = new Group();
    private final Label reason = new Label();
    private final VBox bar;
    private final List<Node> lit = new ArrayList<>();
    private Timeline glide;

    TraceLayer(PacketTrail trail, WireLayer wires, I18n i18n) {
        this.trail = trail;
        this.wires = wires;
        setMouseTransparent(true);
        setId("traceLayer");
        dot.getStyleClass().add("trace-marker-dot");
        glyph.getStyleClass().add("trace-marker-glyph");
        marker.getChildren().addAll(dot, glyph);
        marker.setId("traceMarker");
        marker.setVisible(false);
        Polygon octagon = new Polygon();
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 8 + i * Math.PI / 4;
            octagon.getPoints().addAll(15 * Math.cos(a), 15 * Math.sin(a));
        }
        octagon.getStyleClass().add("trace-stop");
        Text cross = new Text("✕");
        cross.getStyleClass().add("trace-stop-glyph");
        cross.setX(-cross.getLayoutBounds().getWidth() / 2);
        cross.setY(cross.getLayoutBounds().getHeight() / 4);
        stop.getChildren().addAll(octagon, cross);
        stop.setId("traceStop");
        stop.setVisible(false);
        reason.getStyleClass().add("trace-drop-reason");
        reason.setId("traceDropReason");
        reason.setWrapText(true);
        reason.setMaxWidth(320);
        reason.setVisible(false);
        getChildren().addAll(marker, stop, reason);
        bar = controls(i18n);
        // On every step, not only when the place changes: the request's last hop and the reply's first are at
        // the same machine, and the marker turns from request to reply there.
        trail.currentProperty().addListener((obs, was, now) -> refresh());
        trail.stepProperty().addListener((obs, was, now) -> refresh());
    }

    /** How much the marks are enlarged against the canvas's zoom, so that they stay visible zoomed out. */
    private double enlarge = 1;

    /** Follows the canvas's zoom: below 80 % the marker, stop mark and reason keep the size they have at 80 %. */
    void setZoom(double zoom) {
        enlarge = Math.max(1, 0.8 / zoom);
        for (Node n : List.of(marker, stop, reason)) {
            n.setScaleX(enlarge);
            n.setScaleY(enlarge);
        }
        refresh();
    }

    /** The bar over the canvas: back, play, step, clear and the caption. */
    VBox bar() {
        return bar;
    }

    private VBox controls(I18n i18n) {
        Button back = ViewParts.button("topoTraceBack", "mdi2s-skip-previous", i18n.get("network.stepBack"),
                i18n.get("network.stepBack.help"), trail::stepBack);
        back.disableProperty().bind(trail.canStepBackBinding().not());
        Button play = ViewParts.button("topoTracePlay", "mdi2p-play", i18n.get("network.play"),
                i18n.get("network.play.help"), trail::togglePlay);
        trail.playingProperty().addListener((obs, was, now) -> {
            ((FontIcon) play.getGraphic()).setIconLiteral(now ? "mdi2p-pause" : "mdi2p-play");
            play.setText(i18n.get(now ? "network.pause" : "network.play"));
        });
        Button step = ViewParts.button("topoTraceStep", "mdi2s-skip-next", i18n.get("network.step"),
                i18n.get("network.step.help"), trail::stepForward);
        step.disableProperty().bind(trail.canStepForwardBinding().not());
        Button clear = ViewParts.button("topoTraceClear", "mdi2c-close", i18n.get("topology.trace.clear"),
                i18n.get("topology.trace.clear.help"), trail::clear);
        Label title = new Label(i18n.get("topology.trace.title"));
        title.getStyleClass().add("trace-bar-title");
        HBox buttons = new HBox(4, title, back, play, step, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setMargin(title, new Insets(0, 8, 0, 0));
        Label caption = new Label();
        caption.setId("topoTraceCaption");
        caption.getStyleClass().add("trace-caption");
        caption.textProperty().bind(trail.captionBinding());
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(16, buttons, caption);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(caption, javafx.scene.layout.Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(row);
        box.setId("topoTraceBar");
        box.getStyleClass().add("trace-bar");
        box.visibleProperty().bind(trail.shownBinding());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Puts the marker where the current hop is and lights its devices; called when the step changes and after
     * the wires were drawn again (the canvas moved, a card was rebuilt).
     */
    void refresh() {
        lit.forEach(n -> n.pseudoClassStateChanged(ON_PATH, false));
        lit.clear();
        TracePlace place = trail.currentProperty().get();
        Point2D at = place == null ? null : wires.anchor(place);
        if (place != null) {
            lit.addAll(wires.lit(place));
            lit.forEach(n -> n.pseudoClassStateChanged(ON_PATH, true));
        }
        if (at == null) {
            stopGlide();
            marker.setUserData(null);
            marker.setVisible(false);
            stop.setVisible(false);
            reason.setVisible(false);
            return;
        }
        boolean reply = trail.atReply();
        dot.pseudoClassStateChanged(PseudoClass.getPseudoClass("reply"), reply);
        glyph.setText(reply ? "↩" : "→");
        glyph.setX(-glyph.getLayoutBounds().getWidth() / 2);
        glyph.setY(glyph.getLayoutBounds().getHeight() / 4);
        boolean drop = trail.atDrop();
        stop.setVisible(drop);
        reason.setVisible(drop);
        marker.setVisible(!drop);
        if (drop) {
            stopGlide();
            stop.relocate(0, 0);
            stop.setLayoutX(at.getX());
            stop.setLayoutY(at.getY());
            reason.setText(trail.dropReason());
            reason.autosize();
            // Scaled about its centre: its left edge put just right of the (scaled) stop mark.
            double w = reason.getWidth();
            double h = reason.getHeight();
            reason.relocate(at.getX() + 20 * enlarge - w / 2 + w * enlarge / 2, at.getY() - h / 2);
            return;
        }
        moveMarker(at);
    }

    private void moveMarker(Point2D at) {
        stopGlide();
        boolean wasShown = marker.isVisible() && marker.getUserData() != null;
        marker.setUserData(at);
        if (!trail.playingProperty().get() || !wasShown) {
            marker.setLayoutX(at.getX());
            marker.setLayoutY(at.getY());
            return;
        }
        glide = new Timeline(new KeyFrame(GLIDE, new KeyValue(marker.layoutXProperty(), at.getX()),
                new KeyValue(marker.layoutYProperty(), at.getY())));
        glide.play();
    }

    private void stopGlide() {
        if (glide != null) {
            glide.stop();
            glide = null;
        }
    }

    /** Where the marker is headed (its place once any glide ends), for tests; null when hidden. */
    Point2D markerTarget() {
        return marker.isVisible() ? (Point2D) marker.getUserData() : stop.isVisible()
                ? new Point2D(stop.getLayoutX(), stop.getLayoutY()) : null;
    }
}
