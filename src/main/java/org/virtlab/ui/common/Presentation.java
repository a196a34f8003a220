package org.virtlab.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * How the window looks in front of a class: presenter mode on or off, its scale (100–200 %) and the theme.
 * One object per window, held by the scene ({@link #install}); views and canvases observe {@link #lookProperty()}
 * and redraw when it changes. Holds no toolkit state, so it is tested without a screen.
 */
public final class Presentation {
    public static final int MIN_SCALE_PERCENT = 100;
    public static final int MAX_SCALE_PERCENT = 200;
    /** The scales View › Presenter scale offers. */
    public static final int[] SCALE_CHOICES = {125, 150, 175, 200};
    public static final int DEFAULT_SCALE_PERCENT = 150;

    /** The two themes: AtlantaFX's Primer light and dark. */
    public enum Theme { LIGHT, DARK }

    /**
     * What drawings need: the factor for fonts and line widths (1 unless presenter mode is on), whether the
     * background is dark, and whether contrast is raised (presenter mode).
     */
    public record Look(double scale, boolean dark, boolean highContrast) {
        public static final Look DEFAULT = new Look(1, false, false);

        /** A size scaled: fonts, line widths, row heights. */
        public double px(double size) {
            return size * scale;
        }
    }

    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper scalePercent = new ReadOnlyIntegerWrapper(DEFAULT_SCALE_PERCENT);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyObjectWrapper<Look> look = new ReadOnlyObjectWrapper<>(Look.DEFAULT);

    public Presentation() {
        theme.addListener((obs, was, now) -> {
            if (now == null) {
                theme.set(was);
            }
        });
        look.bind(Bindings.createObjectBinding(() -> new Look(
                presenter.get() ? scalePercent.get() / 100.0 : 1.0, theme.get() == Theme.DARK, presenter.get()),
                presenter, scalePercent, theme));
    }

    /** Presenter mode: one switch, on and off. */
    public BooleanProperty presenterProperty() {
        return presenter;
    }

    public void togglePresenter() {
        presenter.set(!presenter.get());
    }

    /** The presenter scale in percent, applied while presenter mode is on. */
    public ReadOnlyIntegerProperty scalePercentProperty() {
        return scalePercent.getReadOnlyProperty();
    }

    /**
     * Sets the presenter scale.
     *
     * @throws IllegalArgumentException outside 100–200 %, with the allowed range
     */
    public void setScalePercent(int percent) {
        if (!isValidScale(percent)) {
            throw new IllegalArgumentException("presenter scale must be " + MIN_SCALE_PERCENT + "–" + MAX_SCALE_PERCENT
                    + " %, was " + percent);
        }
        scalePercent.set(percent);
    }

    public static boolean isValidScale(int percent) {
        return percent >= MIN_SCALE_PERCENT && percent <= MAX_SCALE_PERCENT;
    }

    /** The theme; never null (setting null keeps the previous one). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Everything a drawing needs, as one value that changes when any part does. */
    public ReadOnlyObjectProperty<Look> lookProperty() {
        return look.getReadOnlyProperty();
    }

    public Look look() {
        return look.get();
    }

    /** Makes this the presentation of everything shown in {@code scene}. */
    public void install(Scene scene) {
        scene.getProperties().put(Presentation.class, this);
    }

    /**
     * Calls {@code redraw} with the look of the scene {@code node} is in, now and whenever it changes or the node
     * moves to another scene. A node outside any scene with a presentation gets {@link Look#DEFAULT}.
     */
    public static void follow(Node node, java.util.function.Consumer<Look> redraw) {
        javafx.beans.value.ChangeListener<Look> onLook = (obs, was, now) -> redraw.accept(now);
        node.sceneProperty().addListener((obs, was, now) -> {
            Presentation before = was == null ? null : of(was);
            if (before != null) {
                before.lookProperty().removeListener(onLook);
            }
            Presentation after = now == null ? null : of(now);
            if (after != null) {
                after.lookProperty().addListener(onLook);
            }
            redraw.accept(after == null ? Look.DEFAULT : after.look());
        });
        if (node.getScene() != null && of(node.getScene()) != null) {
            of(node.getScene()).lookProperty().addListener(onLook);
        }
    }

    /**
     * For a drawing made in the light theme's colours (dark text, white slots, pale tints): in the dark theme it is
     * drawn on a light sheet, as a printed figure would be, so that its text stays legible.
     */
    public static void paper(javafx.scene.layout.Region drawing) {
        javafx.scene.layout.Background sheet = new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                javafx.scene.paint.Color.rgb(246, 248, 250), new javafx.scene.layout.CornerRadii(4), null));
        follow(drawing, look -> drawing.setBackground(look.dark() ? sheet : null));
    }

    /** The presentation installed in {@code scene}, or null. */
    public static Presentation of(Scene scene) {
        Object p = scene.getProperties().get(Presentation.class);
        return p instanceof Presentation presentation ? presentation : null;
    }

    /** The look of the scene {@code node} is in; {@link Look#DEFAULT} outside one. */
    public static Look lookOf(Node node) {
        Scene scene = node.getScene();
        Presentation p = scene == null ? null : of(scene);
        return p == null ? Look.DEFAULT : p.look();
    }
}
