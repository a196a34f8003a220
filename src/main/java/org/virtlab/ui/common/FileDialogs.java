package org.virtlab.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the user where to write a file or a folder. The window uses {@link #system}, the platform's own dialogs;
 * tests give an answer of their own, since a native dialog cannot be driven headless.
 */
public interface FileDialogs {
    /**
     * A file to write.
     *
     * @param name        the proposed file name, extension included
     * @param filterText  the extension filter's description ("PNG image (*.png)")
     * @param extension   the extension without the dot ("png"); added when the user typed a name without one
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> saveFile(Window owner, String title, String name, String filterText, String extension);

    /** A folder to write into, or empty when the user cancelled. */
    Optional<Path> folder(Window owner, String title);

    /**
     * The platform's dialogs, opening in the folder last chosen in this session ({@code lastFolder}, which the
     * caller keeps for as long as the session lasts).
     */
    static FileDialogs system(ObjectProperty<Path> lastFolder) {
        return new FileDialogs() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String name, String filterText,
                                           String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(name);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterText, "*." + extension));
                initial(lastFolder.get()).ifPresent(chooser::setInitialDirectory);
                File chosen = chooser.showSaveDialog(owner);
                if (chosen == null) {
                    return Optional.empty();
                }
                Path path = withExtension(chosen.toPath(), extension);
                lastFolder.set(path.toAbsolutePath().getParent());
                return Optional.of(path);
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                initial(lastFolder.get()).ifPresent(chooser::setInitialDirectory);
                File chosen = chooser.showDialog(owner);
                if (chosen == null) {
                    return Optional.empty();
                }
                lastFolder.set(chosen.toPath().toAbsolutePath());
                return Optional.of(chosen.toPath());
            }
        };
    }

    /** {@code path}, with {@code .extension} added when its name has no extension. */
    static Path withExtension(Path path, String extension) {
        String name = path.getFileName().toString();
        return name.contains(".") ? path : path.resolveSibling(name + "." + extension);
    }

    private static Optional<File> initial(Path folder) {
        return Optional.ofNullable(folder).filter(Files::isDirectory).map(Path::toFile);
    }
}
