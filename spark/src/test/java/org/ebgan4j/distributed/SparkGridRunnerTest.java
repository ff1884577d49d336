package org.ebgan4j.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.experiments.grid.GridSpec;
import org.ebgan4j.experiments.grid.GridStore;
import org.ebgan4j.experiments.grid.LocalGridRunner;
import org.ebgan4j.experiments.grid.TrialResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The same small grid run locally, on Spark in local mode, and on a standalone cluster of two workers: the same results. */
class SparkGridRunnerTest {

    @TempDir
    static Path shared;
    static Path digits;
    static Path classifier;
    static List<String> localTable;

    @BeforeAll
    static void dataClassifierAndTheLocalRun() throws Exception {
        digits = Digits.writeIdx(shared.resolve("idx"), 20, 10).toAbsolutePath();
        classifier = shared.resolve("cls");
        try (DigitClassifier c = DigitClassifier.train(DigitClassifier.TrainingData.of("mnist", digits, 0, 0),
                new DigitClassifier.Settings(2, 32, 2e-3f, 0, 0.2f, 0), false)) {
            c.save(classifier);
        }
        GridStore local = store("local");
        LocalGridRunner.run(local, new LocalGridRunner.Options(2, 1, "1g", false), quiet());
        localTable = table(local);
        assertThat(localTable).hasSize(4);
    }

    static GridSpec grid() {
        return new GridSpec("spark-test", 5, Map.<String, Object>of("dataset", "mnist", "dataDir", digits.toString(), "steps", 40L,
                "batch", 16, "sizeG", 48, "sizeD", 32, "checkpointEvery", 20, "sampleEvery", 100_000),
                List.of(new GridSpec.Axis("layersG", List.of(2, 3)), new GridSpec.Axis("model", List.of("ebgan-pt", "gan"))),
                List.of(), null, new GridSpec.Scoring(200, false), 1);
    }

    static GridStore store(String name) throws Exception {
        GridStore store = GridStore.open(shared.resolve(name), grid());
        LocalGridRunner.prepareClassifier(store, classifier, quiet());
        return store;
    }

    /** Every trial's status, steps, score and last losses: what must not depend on where it ran. */
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
    void sparkInLocalModeRecordsTheLocalRunnersResults() throws Exception {
        GridStore store = store("spark-local");
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("ebgan4j test").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            SparkGridRunner.Summary s = SparkGridRunner.run(spark, store, new SparkGridRunner.Options(1, "1g"), quiet());
            assertThat(s.tasks()).hasSize(4).allSatisfy(t -> assertThat(t.exitCode()).isZero());
            assertThat(s.counts()).containsEntry("pending", 0);
        }
        assertThat(table(store)).isEqualTo(localTable);
    }

    @Test
    void aStandaloneClusterOfTwoWorkersRecordsTheLocalRunnersResults() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("cluster"));
        GridStore store = store("spark-cluster");
        try (LocalSparkCluster cluster = new LocalSparkCluster(dir, 2, 1, "2g")) {
            String classDirs = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(e -> Files.isDirectory(Path.of(e))).collect(Collectors.joining(File.pathSeparator));
            SparkConf conf = new SparkConf().setMaster(cluster.masterUrl()).setAppName("ebgan4j cluster test")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.executor.memory", "1g").set("spark.executor.cores", "1").set("spark.task.cpus", "1")
                    .set("spark.cores.max", "2").set("spark.executor.extraClassPath", classDirs);
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                SparkGridRunner.Summary s = SparkGridRunner.run(spark, store, new SparkGridRunner.Options(1, "1g"), quiet());
                assertThat(s.tasks()).hasSize(4).allSatisfy(t -> assertThat(t.exitCode()).isZero());
            }
            // Both workers ran executors of the job.
            for (int w = 0; w < 2; w++) {
                try (Stream<Path> apps = Files.list(dir.resolve("work-" + w))) {
                    assertThat(apps.filter(p -> p.getFileName().toString().startsWith("app-"))).as("worker %d", w).hasSize(1);
                }
            }
        }
        assertThat(table(store)).isEqualTo(localTable);
    }
}
