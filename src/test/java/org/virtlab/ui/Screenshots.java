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
}
