package org.virtlab.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.virtlab.ui.i18n.I18n;

/** Why a file could not be written, in one line the user can act on. */
public final class ExportErrors {
    private ExportErrors() {
    }

    /** "Could not export FILE: REASON". */
    public static String line(I18n i18n, Path file, Exception e) {
        return i18n.format("error.export", file, reason(i18n, e)).replace('\n', ' ');
    }

    /**
     * The reason in words: a file-system exception's message is often only the path, which says nothing the
     * line does not already.
     */
    static String reason(I18n i18n, Exception e) {
        if (e instanceof AccessDeniedException) {
            return i18n.get("error.reason.denied");
        }
        if (e instanceof NoSuchFileException) {
            return i18n.get("error.reason.missing");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return i18n.get("error.reason.blocked");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
