package org.ebgan4j.distributed;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.ebgan4j.experiments.ProcessPool;
import org.ebgan4j.experiments.Worker;
import org.ebgan4j.experiments.WorkerProcess;
import org.ebgan4j.experiments.grid.GridEstimate;
import org.ebgan4j.experiments.grid.GridSpec;
import org.ebgan4j.experiments.grid.GridStore;
import org.ebgan4j.experiments.grid.LocalGridRunner;
import org.ebgan4j.experiments.grid.Trial;
import org.ebgan4j.nn.ComputeDevice;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grid as one Spark job: one task per pending trial, in rounds until every trial is finished or
 * out of retries. A task runs its trial in a trial JVM beside the executor, exactly as the local
 * runner does ({@link WorkerProcess}, {@link Worker}'s {@code grid-trial}), one trial at a time per
 * trial JVM, which the executor keeps for its next tasks: DJL's PyTorch engine refuses a second
 * gradient collector in a process and keeps one thread pool per process, so trials that an executor
 * ran side by side in its own JVM would fail (see the module's tests) or share threads.
 * {@code spark.task.cpus} should be the threads of a trial, so that Spark places no more trials on an executor than it has cores.
 *
 * <p>The store must be on a file system every executor sees at the same path (NFS, a mounted bucket);
 * the driver prepares it (the grid's spec, the classifier) and reads the results the tasks record.
 * With the same trials, seeds and threads per trial, the results are those of {@link LocalGridRunner}.
 */
public final class SparkGridRunner {

    /**
     * @param threadsPerTrial engine threads of each trial's process
     * @param heap each trial's {@code -Xmx}
     */
    public record Options(int threadsPerTrial, String heap) implements Serializable {}

    /** What a task reports: the trial, its process's exit code and where it ran. */
    public record TaskOutcome(String trial, int exitCode, String host, double seconds) implements Serializable {}

    /** What the job did: tasks by outcome, and the store's counts afterwards. */
    public record Summary(List<TaskOutcome> tasks, Map<String, Integer> counts, double seconds) {}

    private SparkGridRunner() {}

    /** Runs every pending trial of {@code store}'s grid on {@code spark}. */
    public static Summary run(JavaSparkContext spark, GridStore store, Options options, PrintStream log)
            throws IOException {
        long began = System.nanoTime();
        List<Trial> trials = store.spec().expand();
        String root = store.root().toAbsolutePath().toString();
        List<TaskOutcome> all = new ArrayList<>();
        for (int round = 0; round <= store.spec().retries(); round++) {
            // Longest first: Spark hands out tasks in partition order, so the job ends on short trials.
            List<String> pending = GridEstimate.longestFirst(store.pending(trials)).stream().map(Trial::id).toList();
            if (pending.isEmpty()) {
                break;
            }
            log.printf("round %d: %d trials as %d Spark tasks%n", round + 1, pending.size(), pending.size());
            List<TaskOutcome> outcomes = spark.parallelize(pending, pending.size())
                    .map(id -> runTrial(root, id, options))
                    .collect();
            all.addAll(outcomes);
            for (TaskOutcome o : outcomes) {
                if (o.exitCode() != 0) {
                    log.printf("trial %s: its process on %s exited with %d%n", o.trial(), o.host(), o.exitCode());
                    LocalGridRunner.recordCrash(store, o.trial(), o.exitCode(), store.trialDir(o.trial()).resolve("log.txt"));
                }
            }
            if (outcomes.stream().allMatch(o -> o.exitCode() != 0)) {
                break; // every task's process failed: retrying would fail the same way
            }
        }
        return new Summary(all, store.counts(trials), (System.nanoTime() - began) / 1e9);
    }

    /**
     * Each executor's idle trial JVMs, by the options they were started with: a task takes one (or
     * starts one) and gives it back when its trial is done, so an executor pays a JVM's start once per
     * core rather than once per trial. They end with the executor (they watch its process).
     */
    private static final Map<Options, java.util.concurrent.ConcurrentLinkedQueue<WorkerProcess>> IDLE =
            new java.util.concurrent.ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values().forEach(q -> q.forEach(WorkerProcess::kill)),
                "ebgan-trial-workers"));
    }

    /** One task: the trial in a trial JVM on this executor, which claims, trains, scores and records it. */
    static TaskOutcome runTrial(String storeDir, String id, Options options) throws IOException, InterruptedException {
        long began = System.nanoTime();
        Path log = Path.of(storeDir, "trials", id, "log.txt");
        java.util.concurrent.ConcurrentLinkedQueue<WorkerProcess> idle =
                IDLE.computeIfAbsent(options, o -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        WorkerProcess worker = idle.poll();
        while (worker != null && !worker.alive()) {
            worker = idle.poll();
        }
        if (worker == null) {
            worker = WorkerProcess.start(ProcessPool.javaCommand(options.threadsPerTrial(), options.heap(), childClassPath()),
                    Path.of(storeDir, "workers", java.net.InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid() + "-"
                            + System.nanoTime() + ".log"));
        }
        boolean giveBack = false;
        try {
            int code = worker.run(List.of(Worker.GRID_TRIAL, storeDir, id, "0"), log);
            giveBack = worker.alive();
            return new TaskOutcome(id, code, java.net.InetAddress.getLocalHost().getHostName(), (System.nanoTime() - began) / 1e9);
        } finally {
            if (giveBack) {
                idle.add(worker);
            } else {
                worker.kill(); // interrupted (a killed Spark task) or dead
            }
        }
    }

    /**
     * The class path a trial's JVM needs: this JVM's, and the jars Spark fetched for the application
     * (on an executor they are in its task class loader, not on {@code java.class.path}).
     */
    static String childClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toAbsolutePath().toString());
                        } catch (java.net.URISyntaxException e) {
                            entries.add(new File(url.getPath()).getAbsolutePath());
                        }
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * {@code spark-submit --class org.ebgan4j.distributed.SparkGridRunner ebgan4j-spark.jar --grid NAME|FILE
     * --store DIR [--data-dir DIR] [--threads-per-trial T] [--heap 3g] [--classifier DIR] [--epochs N | --steps N]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        if (!a.containsKey("grid") || !a.containsKey("store")) {
            System.err.println("usage: SparkGridRunner --grid NAME|FILE --store DIR [--data-dir DIR] [--threads-per-trial T] "
                    + "[--heap 3g] [--classifier DIR] [--epochs N | --steps N] [--device cpu|gpu|auto]");
            System.exit(2);
        }
        GridSpec spec = GridSpec.named(a.get("grid"))
                .withBudget(a.containsKey("epochs") ? Integer.valueOf(a.get("epochs")) : null,
                        a.containsKey("steps") ? Long.valueOf(a.get("steps")) : null)
                .withDataDir(a.containsKey("data-dir") ? Path.of(a.get("data-dir")) : null);
        GridStore store = GridStore.open(Path.of(a.get("store")).toAbsolutePath(), spec);
        LocalGridRunner.prepareClassifier(store, a.containsKey("classifier") ? Path.of(a.get("classifier")) : null, System.out);
        SparkConf conf = new SparkConf().setAppName("ebgan4j grid " + spec.name());
        if (a.containsKey("device")) {
            // Checked here, used there: each executor's trials compute on the device named (ComputeDevice).
            ComputeDevice.choose(a.get("device"));
            conf.setExecutorEnv(ComputeDevice.ENVIRONMENT, ComputeDevice.choice());
        }
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            Summary s = run(spark, store, new Options(Integer.parseInt(a.getOrDefault("threads-per-trial", "1")),
                    a.getOrDefault("heap", "3g")), System.out);
            System.out.printf("ran %d tasks in %.1f s; %s%n", s.tasks().size(), s.seconds(), s.counts());
        }
    }
}
