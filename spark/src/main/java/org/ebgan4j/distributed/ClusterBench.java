package org.ebgan4j.distributed;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.ebgan4j.experiments.grid.GridSpec;
import org.ebgan4j.experiments.grid.GridStore;
import org.ebgan4j.experiments.grid.LocalGridRunner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Trials per hour of one grid on a standalone Spark cluster on this machine, with 1 worker and with
 * 2, each worker one core running one trial at a time; every run starts from an empty store, and a
 * run in which a trial did not finish is an error, not a figure.
 * {@code java -cp ... org.ebgan4j.distributed.ClusterBench GRID.json CLASSIFIER_DIR DATA_DIR WORK_DIR}.
 */
public final class ClusterBench {

    private ClusterBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ClusterBench GRID.json CLASSIFIER_DIR DATA_DIR WORK_DIR");
            System.exit(2);
        }
        GridSpec spec = GridSpec.named(args[0]).withDataDir(Path.of(args[2]).toAbsolutePath());
        Path classifier = Path.of(args[1]);
        Path work = Path.of(args[3]).toAbsolutePath();
        for (int workers : new int[] {1, 2}) {
            Path dir = Files.createDirectories(work.resolve("workers-" + workers));
            GridStore store = GridStore.open(dir.resolve("store"), spec);
            LocalGridRunner.prepareClassifier(store, classifier, System.out);
            try (LocalSparkCluster cluster = new LocalSparkCluster(dir.resolve("cluster"), workers, 1, "3g")) {
                String classDirs = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(e -> Files.isDirectory(Path.of(e))).collect(Collectors.joining(File.pathSeparator));
                SparkConf conf = new SparkConf().setMaster(cluster.masterUrl()).setAppName("ebgan4j cluster bench")
                        .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                        .set("spark.executor.memory", "1g").set("spark.executor.cores", "1").set("spark.task.cpus", "1")
                        .set("spark.cores.max", String.valueOf(workers)).set("spark.executor.extraClassPath", classDirs);
                try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                    SparkGridRunner.Summary s = SparkGridRunner.run(spark, store, new SparkGridRunner.Options(1, "3g"), System.out);
                    if (s.counts().get("done") + s.counts().get("diverged") != s.counts().get("trials")) {
                        System.err.printf("spark, %d worker(s): not every trial finished (%s); see the trials' log.txt in %s%n", workers,
                                s.counts(), store.root());
                        System.exit(1);
                    }
                    System.out.printf("spark, %d worker(s) of 1 core: %d trials in %.1f s = %.1f trials/hour; %s%n", workers,
                            s.tasks().size(), s.seconds(), 3600 * s.tasks().size() / s.seconds(), s.counts());
                }
            }
        }
    }
}
