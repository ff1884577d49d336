package org.ebgan4j.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file
 * beside the target ({@code .<name>.<digits>.tmp}), which is then renamed over it. A crash leaves
 * the previous version intact (and perhaps the temporary file, which {@link #isTemporary} recognises);
 * a failed write (a full disk, a read-only folder) removes its temporary file and says which target
 * was kept as it was.
 *
 * <p>For fault tests, the system property {@code ebgan4j.faults.pauseBeforeRename} ({@code NAME:MILLIS})
 * makes every write of a file named {@code NAME} pause with its temporary file complete and the
 * target not yet replaced, after printing {@code ebgan4j-fault: pausing <target>} on standard error,
 * so that a test can kill the process at that moment.
 */
public final class AtomicFiles {

    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.\\d+\\.tmp");

    /** Writes the content of one output stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw failure(target, e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            // createTempFile makes the file private (0600); results are meant to be read by others too.
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            pauseForFaultTests(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code file} is a temporary file of an interrupted {@link #write}. */
    public static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file);
    }

    /** A failed write, naming the target (not the hidden temporary file) and saying that it is unchanged. */
    private static IOException failure(Path target, IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        String kept = Files.exists(target) ? "; the previous " + target.getFileName() + " is kept" : "";
        return new IOException("cannot write " + target + ": " + reason + kept, e);
    }

    private static void pauseForFaultTests(Path target) {
        String fault = System.getProperty("ebgan4j.faults.pauseBeforeRename");
        if (fault == null) {
            return;
        }
        int colon = fault.lastIndexOf(':');
        if (colon > 0 && target.getFileName().toString().equals(fault.substring(0, colon))) {
            System.err.println("ebgan4j-fault: pausing " + target);
            System.err.flush();
            try {
                Thread.sleep(Long.parseLong(fault.substring(colon + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
