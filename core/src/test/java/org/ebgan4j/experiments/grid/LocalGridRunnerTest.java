package org.ebgan4j.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.SyntheticDigits;
import org.ebgan4j.eval.DigitClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A small grid on generated digits, run by worker processes: every trial scored once, and a grid killed with -9 resumes to the same table. */
@Tag("slow")
class LocalGridRunnerTest {

    @TempDir
    static Path shared;
    static Path digits;
    static Path classifier;

    @BeforeAll
    static void dataAndClassifier() throws Exception {
        digits = SyntheticDigits.writeIdx(shared.resolve("idx"), 30, 10, 1).toAbsolutePath();
        classifier = shared.resolve("cls");
        try (DigitClassifier c = DigitClassifier.train(DigitClassifier.TrainingData.of("mnist", digits, 0, 0),
                new DigitClassifier.Settings(2, 32, 2e-3f, 0, 0.2f, 0), false)) {
            c.save(classifier);
        }
    }

    static GridSpec grid(long steps) {
        return new GridSpec("runner-test", 3, Map.<String, Object>of("dataset", "mnist", "dataDir", digits.toString(), "steps", steps,
                "batch", 16, "sizeG", 48, "sizeD", 32, "checkpointEvery", 50, "sampleEvery", 100_000),
                List.of(new GridSpec.Axis("layersG", List.of(2, 3)), new GridSpec.Axis("model", List.of("ebgan", "gan"))),
                List.of(), null, new GridSpec.Scoring(200, false), 1);
    }

    /** What must come out the same, run by run: every trial's status, steps and scores, not its wall time. */
    static List<String> table(GridStore store) throws Exception {
        List<String> rows = new ArrayList<>();
        for (TrialResult r : store.latest().values()) {
            rows.add(r.id() + " " + r.status() + " " + r.steps() + " " + r.inceptionScore() + " " + r.lossD() + " " + r.lossG());
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    @Test
    void everyTrialIsScoredOnceAndARerunHasNothingToDo() throws Exception {
        GridStore store = GridStore.open(shared.resolve("once"), grid(60));
        LocalGridRunner.prepareClassifier(store, classifier, quiet());
        LocalGridRunner.Summary s = LocalGridRunner.run(store, new LocalGridRunner.Options(2, 1, "1g", false), quiet());
        assertThat(s.ran()).isEqualTo(4);
        assertThat(s.counts()).containsEntry("done", 4).containsEntry("pending", 0);
        for (TrialResult r : store.latest().values()) {
            assertThat(r.inceptionScore()).as(r.id()).isBetween(0.0, Math.log(10));
            assertThat(r.steps()).isEqualTo(60);
            assertThat(Files.isRegularFile(store.trialDir(r.id()).resolve("samples.png"))).isTrue();
            assertThat(r.trained()).containsEntry("layersD", 2).containsEntry("threads", 1);
        }
        LocalGridRunner.Summary again = LocalGridRunner.run(store, new LocalGridRunner.Options(2, 1, "1g", false), quiet());
        assertThat(again.ran()).isZero();
        assertThat(Files.readAllLines(store.resultsLog())).hasSize(4);
    }

    @Test
    void aGridKilledDuringATrialResumesToTheSameResults() throws Exception {
        GridSpec spec = grid(600);
        GridStore straight = GridStore.open(shared.resolve("straight"), spec);
        LocalGridRunner.prepareClassifier(straight, classifier, quiet());
        LocalGridRunner.run(straight, new LocalGridRunner.Options(2, 1, "1g", false), quiet());
        List<String> expected = table(straight);
        assertThat(expected).hasSize(4);

        Path killedDir = shared.resolve("killed");
        Path specFile = shared.resolve("runner-test.json");
        Files.writeString(specFile, spec.toJson());
        GridStore killed = GridStore.open(killedDir, spec);
        LocalGridRunner.prepareClassifier(killed, classifier, quiet());
        Process grid = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.ebgan4j.cli.EbganCommand", "grid", "run",
                "--grid", specFile.toString(), "--store", killedDir.toString(), "--parallel", "2", "--threads-per-trial", "1",
                "--quiet").redirectErrorStream(true).redirectOutput(shared.resolve("killed.log").toFile()).start();
        // Kill -9 once a trial has checkpointed, before it is done: its worker goes with the grid.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && !checkpointedButUnfinished(killed)) {
            Thread.sleep(100);
        }
        assertThat(checkpointedButUnfinished(killed)).as("a trial was caught between its checkpoints").isTrue();
        grid.destroyForcibly().waitFor();
        Thread.sleep(1500);
        assertThat(killed.latest()).hasSizeLessThan(4);

        LocalGridRunner.run(killed, new LocalGridRunner.Options(2, 1, "1g", false), quiet());
        assertThat(table(killed)).isEqualTo(expected);
        assertThat(Files.readAllLines(killed.resultsLog())).hasSize(4);
    }

    private static boolean checkpointedButUnfinished(GridStore store) throws Exception {
        Path trials = store.root().resolve("trials");
        if (!Files.isDirectory(trials)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(trials)) {
            return dirs.anyMatch(d -> Files.isRegularFile(d.resolve("run/checkpoints/last.ckpt")) && !Files.exists(d.resolve("result.json")));
        }
    }
}
