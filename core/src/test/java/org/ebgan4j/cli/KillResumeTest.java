package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.io.AtomicFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A training process killed with SIGKILL twenty times (ten times with its checkpoint written to
 * its temporary file but not yet renamed, ten times at a random step) and resumed each time ends
 * exactly as the same run uninterrupted: the same metrics, the same samples, no temporary file left.
 */
@Tag("slow")
class KillResumeTest {

    private static final int KILLS = 20;
    private static final List<String> RUN = List.of("train", "--model", "ebgan-pt", "--dataset", "gaussians4", "--max-samples", "1024",
            "--steps", "1500", "--batch", "32", "--checkpoint-every", "10", "--log-every", "10", "--sample-every", "100000", "--quiet");

    @Test
    void killedTwentyTimesEndsAsTheUninterruptedRun(@TempDir Path tmp) throws Exception {
        Path straight = tmp.resolve("straight");
        Process whole = child(fresh(straight), false);
        drain(whole, null);
        assertThat(whole.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(whole.exitValue()).isZero();

        Path killed = tmp.resolve("killed");
        Random random = new Random(13);
        int kills = 0;
        int duringWrites = 0;
        List<Long> killedAt = new ArrayList<>();
        while (kills < KILLS) {
            boolean inWrite = kills % 2 == 0;
            List<String> args = Files.isRegularFile(killed.resolve("config.json"))
                    ? List.of("train", "--resume", "--quiet", "--out", killed.toString()) : fresh(killed);
            Process p = child(args, inWrite);
            AtomicBoolean paused = new AtomicBoolean();
            Thread reader = drain(p, paused);
            long target = lastStep(killed) + 20 + random.nextInt(180);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (inWrite ? paused.get() : lastStep(killed) >= target) {
                    break;
                }
                Thread.sleep(inWrite ? 5 : 2);
            }
            assertThat(p.isAlive()).as("life %d ended before its kill (exit %s)", kills, p.isAlive() ? "-" : p.exitValue()).isTrue();
            if (!inWrite) {
                Thread.sleep(random.nextInt(30));
            }
            p.destroyForcibly();
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
            reader.join();
            killedAt.add(lastStep(killed));
            if (inWrite) {
                duringWrites++;
                assertThat(temporaries(killed)).as("a checkpoint's temporary file, left by the kill").isNotEmpty();
            }
            kills++;
        }
        Process last = child(List.of("train", "--resume", "--quiet", "--out", killed.toString()), false);
        drain(last, null);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(last.exitValue()).isZero();
        System.out.printf("kill test: %d kills (%d during a checkpoint write), at steps %s; resumed to the end%n", kills, duringWrites,
                killedAt);

        assertThat(temporaries(killed)).as("temporary files left after the resume").isEmpty();
        assertThat(metricsWithoutSeconds(killed)).isEqualTo(metricsWithoutSeconds(straight)).hasSize(150);
        Path a = tmp.resolve("straight.npy");
        Path b = tmp.resolve("killed.npy");
        assertThat(CliRun.of("sample", "--run", straight.toString(), "--n", "256", "--out", a.toString()).code()).isZero();
        assertThat(CliRun.of("sample", "--run", killed.toString(), "--n", "256", "--out", b.toString()).code()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    private static List<String> fresh(Path out) {
        List<String> args = new ArrayList<>(RUN);
        args.addAll(List.of("--out", out.toString()));
        return args;
    }

    /** {@code ebgan ARGS} in a child JVM on one engine thread; with {@code pauseInCheckpoint}, every checkpoint write pauses before its rename. */
    private static Process child(List<String> args, boolean pauseInCheckpoint) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1"));
        if (pauseInCheckpoint) {
            command.add("-Debgan4j.faults.pauseBeforeRename=last.ckpt:60000");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EbganCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        return pb.start();
    }

    /** Reads the child's output; sets {@code paused} when it pauses in a write. */
    private static Thread drain(Process p, AtomicBoolean paused) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (paused != null && line.startsWith("ebgan4j-fault: pausing")) {
                        paused.set(true);
                    }
                }
            } catch (IOException e) {
                // The child was killed: its output ends here.
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last step in the run's metrics log (0 when there is none yet). */
    private static long lastStep(Path run) throws IOException {
        Path metrics = run.resolve("metrics.jsonl");
        if (!Files.isRegularFile(metrics)) {
            return 0;
        }
        long step = 0;
        for (String line : Files.readAllLines(metrics, StandardCharsets.UTF_8)) {
            int at = line.indexOf("\"step\":");
            if (at >= 0 && line.endsWith("}")) {
                step = Long.parseLong(line.substring(at + 7, line.indexOf(',', at)).trim());
            }
        }
        return step;
    }

    private static List<String> metricsWithoutSeconds(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceAll(",\"seconds\":[0-9.E-]+", "")).toList();
    }

    private static List<Path> temporaries(Path run) throws IOException {
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(run)) {
            return files.filter(AtomicFiles::isTemporary).toList();
        }
    }
}
