package org.virtlab.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Writes pictures of the window to {@code target/screenshots/} (the gallery a person looks at). */
final class Screenshots {
    private Screenshots() {
    }

    static Path dir() throws Exception {
        Path dir = Path.of(System.getProperty("virtlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Writes the scene as {@code name}.png and checks the picture is not empty. */
    static void write(FxRobot robot, Scene scene, String name) throws Exception {
        Path file = dir().resolve(name + ".png");
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(shot[0], null), "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, "screenshot " + file + " looks empty");
    }

    /**
     * Like {@link #write} with the popups open over the scene's window (a menu, a combo box's list) drawn in where
     * they show: a scene's snapshot holds only its own window.
     */
    static void writeWithPopups(FxRobot robot, Scene scene, String name) throws Exception {
        Path file = dir().resolve(name + ".png");
        java.awt.image.BufferedImage[] shot = new java.awt.image.BufferedImage[1];
        robot.interact(() -> {
            java.awt.image.BufferedImage base = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
            java.awt.Graphics2D g = base.createGraphics();
            double originX = scene.getWindow().getX() + scene.getX();
            double originY = scene.getWindow().getY() + scene.getY();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null) {
                    java.awt.image.BufferedImage popup = SwingFXUtils.fromFXImage(w.getScene().snapshot(null), null);
                    g.drawImage(popup, (int) Math.round(w.getX() + w.getScene().getX() - originX),
                            (int) Math.round(w.getY() + w.getScene().getY() - originY), null);
                }
            }
            g.dispose();
            shot[0] = base;
        });
        ImageIO.write(shot[0], "png", file.toFile());
        assertTrue(Files.size(file) > 10_000, "screenshot " + file + " looks empty");
    }
}
