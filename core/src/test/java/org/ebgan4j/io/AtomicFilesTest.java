package org.ebgan4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

class AtomicFilesTest {

    @Test
    void aFailedWriteLeavesThePreviousVersionAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("result.json");
        AtomicFiles.writeString(target, "first");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the sec".getBytes());
            throw new IOException("disk full");
        })).hasMessage("cannot write " + target + ": disk full; the previous result.json is kept");
        assertThat(Files.readString(target)).isEqualTo("first");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void writtenFilesAreReadableByOthers(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a.txt");
        AtomicFiles.writeString(target, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
    }
}
