package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.train.Checkpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A run on a file system that fills up, and on one that turns read-only: the command fails with one
 * line naming the file and what is kept (exit 1), the last checkpoint stays loadable, and the run
 * resumes to its end once there is room again. Needs a small tmpfs, so root and mount(8): elsewhere skipped.
 */
@Tag("slow")
class FileSystemFaultTest {

    @TempDir
    Path tmp;

    private Path disk;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(tmp.resolve("disk"));
        int code = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString());
        Assumptions.assumeTrue(code == 0, "cannot mount a tmpfs here (needs root): the disk-full and read-only tests are skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", "-l", disk.toString());
        }
    }

    @Test
    void aFullDiskKeepsTheLastCheckpoint() throws Exception {
        Path out = disk.resolve("run");
        assertThat(train(out, "20").code()).isZero();
        // Leave less room than a checkpoint's temporary copy needs.
        long free = Files.getFileStore(disk).getUsableSpace();
        long checkpoint = Files.size(out.resolve("checkpoints/last.ckpt"));
        fill(disk.resolve("filler"), free - checkpoint / 2);
        byte[] before = Files.readAllBytes(out.resolve("checkpoints/last.ckpt"));

        CliRun full = CliRun.of("train", "--resume", "--steps", "40", "--quiet", "--out", out.toString());
        System.out.println("disk full: exit " + full.code() + ", " + full.err().strip().replace('\n', '|'));
        assertThat(full.code()).isEqualTo(1);
        List<String> lines = full.err().strip().lines().filter(l -> !l.startsWith("ebgan: training ")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ebgan: ").contains("last.ckpt").contains("No space left on device")
                .contains("step 20 is kept").doesNotContain(".tmp").doesNotContain("Exception");
        assertThat(Files.readAllBytes(out.resolve("checkpoints/last.ckpt"))).isEqualTo(before);
        assertThat(Checkpoint.state(out.resolve("checkpoints/last.ckpt")).step()).isEqualTo(20);
        assertThat(tmpFiles(out)).isEmpty();

        Files.delete(disk.resolve("filler"));
        CliRun resumed = CliRun.of("train", "--resume", "--steps", "40", "--quiet", "--out", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Checkpoint.state(out.resolve("checkpoints/last.ckpt")).step()).isEqualTo(40);
    }

    @Test
    void aReadOnlyFolderFailsCleanly() throws Exception {
        Path out = disk.resolve("run");
        assertThat(train(out, "20").code()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("checkpoints/last.ckpt"));
        assertThat(run("mount", "-o", "remount,ro", disk.toString())).isZero();

        CliRun readOnly = CliRun.of("train", "--resume", "--steps", "40", "--quiet", "--out", out.toString());
        System.out.println("read-only: exit " + readOnly.code() + ", " + readOnly.err().strip().replace('\n', '|'));
        assertThat(readOnly.code()).isEqualTo(1);
        assertThat(readOnly.err().strip().lines().toList()).hasSize(1);
        assertThat(readOnly.err()).startsWith("ebgan: ").contains("Read-only file system").contains(out.toString())
                .contains("is kept").doesNotContain(".tmp").doesNotContain("Exception");
        CliRun newRun = train(disk.resolve("other"), "10");
        assertThat(newRun.code()).isEqualTo(1);
        assertThat(newRun.err().strip().lines().toList()).hasSize(1);
        assertThat(newRun.err()).contains("Read-only file system").contains("other");

        assertThat(run("mount", "-o", "remount,rw", disk.toString())).isZero();
        assertThat(Files.readAllBytes(out.resolve("checkpoints/last.ckpt"))).isEqualTo(before);
        assertThat(Checkpoint.state(out.resolve("checkpoints/last.ckpt")).step()).isEqualTo(20);
        CliRun resumed = CliRun.of("train", "--resume", "--steps", "40", "--quiet", "--out", out.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(Checkpoint.state(out.resolve("checkpoints/last.ckpt")).step()).isEqualTo(40);
    }

    private static CliRun train(Path out, String steps) {
        return CliRun.of("train", "--model", "ebgan-pt", "--dataset", "gaussians4", "--max-samples", "512", "--steps", steps,
                "--batch", "32", "--checkpoint-every", "10", "--sample-every", "100000", "--quiet", "--out", out.toString());
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[1 << 16];
        try (var out = Files.newOutputStream(file)) {
            for (long left = Math.max(0, bytes); left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    private static List<Path> tmpFiles(Path run) throws IOException {
        try (var files = Files.walk(run)) {
            return files.filter(org.ebgan4j.io.AtomicFiles::isTemporary).toList();
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
