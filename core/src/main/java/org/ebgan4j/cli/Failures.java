package org.ebgan4j.cli;

import org.ebgan4j.data.DatasetException;
import org.ebgan4j.train.TrainingDivergedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * What a failed command prints and returns: one line, {@code ebgan: <what went wrong>}, exit 2 for
 * bad input (an argument, a file or folder given that is missing, malformed or of the wrong kind) and
 * exit 1 for a fault of the system (a full disk, a read-only folder, a run that diverged, a bug). A
 * stack trace is printed only when {@code EBGAN_DEBUG} is set.
 */
final class Failures {

    /** A failure as the command line reports it. */
    record Report(int code, String message) {}

    private Failures() {}

    static Report of(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            // The wrapper's message says what was being done; the cause says what the system answered.
            Report inner = of(u.getCause());
            String outer = u.getMessage();
            return new Report(inner.code(), outer != null && !outer.equals(u.getCause().toString()) ? oneLine(outer) : inner.message());
        }
        if (e instanceof IllegalArgumentException || e instanceof DatasetException) {
            return new Report(2, oneLine(Options.translate(e.getMessage())));
        }
        if (e instanceof TrainingDivergedException) {
            return new Report(1, oneLine(Options.translate(e.getMessage())));
        }
        if (e instanceof FileSystemException f) {
            return file(f);
        }
        if (e instanceof IOException && e.getCause() instanceof FileSystemException f && file(f).code() == 2) {
            // A write refused for what the path is (a file where a folder is needed): bad input, said as the write said it.
            return new Report(2, oneLine(e.getMessage()));
        }
        if (e instanceof IOException) {
            return new Report(1, oneLine(e.getMessage() == null ? e.toString() : Options.translate(e.getMessage())));
        }
        if (e instanceof OutOfMemoryError) {
            return new Report(1, "out of memory: give a smaller --batch or --n, or the JVM more memory (-Xmx)");
        }
        return new Report(1, "internal error (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                + oneLine(e.getMessage())) + "); please report it with the command line (EBGAN_DEBUG=1 prints the stack trace)");
    }

    /** A file-system failure, by its kind: the file named, the system's reason in words. */
    private static Report file(FileSystemException f) {
        String file = f.getFile();
        String reason = f.getReason() == null ? "" : f.getReason();
        String lower = reason.toLowerCase(Locale.ROOT);
        if (f instanceof NoSuchFileException) {
            return new Report(2, "no such file or folder: " + file + (f.getOtherFile() != null ? " (or " + f.getOtherFile() + ")" : ""));
        }
        if (f instanceof NotDirectoryException || lower.contains("not a directory")) {
            return new Report(2, file + " is a file, where a folder is needed");
        }
        if (lower.contains("is a directory")) {
            return new Report(2, file + " is a folder, where a file is needed");
        }
        if (f instanceof FileAlreadyExistsException) {
            return new Report(2, file + " already exists; give another name or remove it");
        }
        if (f instanceof DirectoryNotEmptyException) {
            return new Report(2, file + " is a folder that is not empty");
        }
        if (f instanceof AccessDeniedException) {
            return new Report(1, "permission denied: " + file + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
        String message = f.getMessage() == null ? String.valueOf(file) : f.getMessage();
        return new Report(1, oneLine(message));
    }

    /** The first line of a message, trimmed; a multi-line message is cut, not wrapped. */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
