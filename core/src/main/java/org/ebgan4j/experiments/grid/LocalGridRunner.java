package org.ebgan4j.experiments.grid;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.experiments.ProcessPool;
import org.ebgan4j.experiments.Worker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a grid on this machine: a pool of worker processes sharing the cores, each running one trial
 * at a time (DJL's engine allows one gradient collector per process and keeps one thread pool per
 * process) and taking the next pending one when it is done ({@link ProcessPool#runReusing}). The
 * store records every result as it comes; a rerun skips what is finished and redoes what was
 * interrupted, and failed trials are retried up to the grid's {@code retries}. Trials start longest
 * first ({@link GridEstimate#longestFirst}), so that the workers finish together.
 */
public final class LocalGridRunner {

    /**
     * @param parallel trials at once
     * @param threadsPerTrial engine threads of each trial
     * @param heap each trial's {@code -Xmx}
     * @param progress draw a progress bar on standard error
     */
    public record Options(int parallel, int threadsPerTrial, String heap, boolean progress) {
        public Options {
            if (parallel < 1 || threadsPerTrial < 1) {
                throw new IllegalArgumentException("`parallel` and `threadsPerTrial` must be at least 1, got " + parallel + " and "
                        + threadsPerTrial);
            }
        }

        /**
         * {@code parallel} trials at once (default: one per core) of {@code threadsPerTrial} threads
         * (default: the cores shared evenly), 3 GiB each.
         */
        public static Options of(Integer parallel, Integer threadsPerTrial, boolean progress) {
            int cores = Runtime.getRuntime().availableProcessors();
            int p = parallel != null ? parallel : cores;
            return new Options(p, threadsPerTrial != null ? threadsPerTrial : Math.max(1, cores / Math.max(1, p)), "3g", progress);
        }
    }

    /** What a run did: the trials it ran, and the store's counts afterwards. */
    public record Summary(int ran, Map<String, Integer> counts, double seconds) {}

    private LocalGridRunner() {}

    /**
     * The digit classifier of the store: {@code source} copied in when given, one trained on the grid's
     * data set (its own test split, or the grid's hold-out) when the store has none.
     */
    public static void prepareClassifier(GridStore store, Path source, PrintStream log) throws IOException {
        Path dir = store.classifierDir();
        if (Files.isRegularFile(dir.resolve(DigitClassifier.INFO))) {
            return;
        }
        if (source != null) {
            Files.createDirectories(dir);
            // The parameters first: the info file is what marks the classifier as there.
            for (String f : List.of(DigitClassifier.PARAMS, DigitClassifier.INFO)) {
                Path tmp = Files.createTempFile(dir, f, ".tmp");
                Files.copy(source.resolve(f), tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dir.resolve(f), StandardCopyOption.ATOMIC_MOVE);
            }
            return;
        }
        Map<String, Object> base = store.spec().base();
        String dataset = String.valueOf(base.get("dataset"));
        Object dataDir = base.get("dataDir");
        int holdOut = base.get("holdOut") instanceof Number n ? n.intValue() : 1000;
        DigitClassifier.TrainingData data = DigitClassifier.TrainingData.of(dataset, dataDir == null ? null : Path.of(dataDir.toString()),
                holdOut, 0);
        log.printf("training the grid's classifier on %d %s images (%d held out) into %s%n", data.train().size(), dataset,
                data.heldOut().size(), dir);
        try (DigitClassifier c = DigitClassifier.train(data, DigitClassifier.Settings.defaults(), false)) {
            c.save(dir);
            log.printf("classifier: held-out accuracy %.4f%n", c.info().heldOutAccuracy());
        }
    }

    /** The {@link Worker} task of one trial: claim, run, record. */
    static ProcessPool.Task task(GridStore store, Trial t) {
        return new ProcessPool.Task(t.id(), List.of(Worker.GRID_TRIAL, store.root().toAbsolutePath().toString(), t.id(),
                String.valueOf(ProcessHandle.current().pid())), store.trialDir(t.id()).resolve("log.txt"));
    }

    /** Runs every pending trial of {@code store}'s grid, rounds of retries included. */
    public static Summary run(GridStore store, Options options, PrintStream log) throws IOException, InterruptedException {
        long began = System.nanoTime();
        List<Trial> trials = store.spec().expand();
        ProcessPool pool = new ProcessPool(options.parallel(), options.threadsPerTrial(), options.heap());
        int ran = 0;
        for (int round = 0; round <= store.spec().retries(); round++) {
            List<Trial> pending = store.pending(trials);
            if (pending.isEmpty()) {
                break;
            }
            pending = GridEstimate.longestFirst(pending);
            if (round > 0) {
                log.printf("retrying %d failed trials (round %d of %d)%n", pending.size(), round, store.spec().retries());
            }
            List<ProcessPool.Task> tasks = new ArrayList<>();
            pending.forEach(t -> tasks.add(task(store, t)));
            try (ProgressBar bar = options.progress() ? progressBar(pending.size()) : null) {
                int[] failedTasks = {0};
                pool.runReusing(tasks, new ProcessPool.Listener() {
                    @Override
                    public void finished(ProcessPool.Outcome o) {
                        if (!o.succeeded()) {
                            failedTasks[0]++;
                            log.printf("trial %s: its process exited with %d; see %s%n", o.task().id(), o.exitCode(), o.task().log());
                            recordCrash(store, o.task().id(), o.exitCode(), o.task().log());
                        }
                        if (bar != null) {
                            bar.step();
                            try {
                                Map<String, Integer> c = store.counts(trials);
                                bar.setExtraMessage(String.format(" done %d, diverged %d, failed %d", c.get("done"), c.get("diverged"),
                                        c.get("failed")));
                            } catch (IOException e) {
                                bar.setExtraMessage(" (results unreadable: " + e.getMessage() + ")");
                            }
                        }
                    }
                }, store.root().resolve("workers"));
                ran += tasks.size();
                if (failedTasks[0] == tasks.size()) {
                    break; // every process failed to start or crashed: retrying would fail the same way
                }
            }
        }
        return new Summary(ran, store.counts(trials), (System.nanoTime() - began) / 1e9);
    }

    /**
     * A trial whose process died without recording anything (a native crash, the kernel's OOM killer)
     * is recorded as failed, so that it counts as an attempt and the grid does not retry it forever.
     */
    public static void recordCrash(GridStore store, String id, int exitCode, Path log) {
        try {
            Trial trial = store.spec().expand().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
            if (exitCode == Worker.TAKEN_OVER || trial == null || !store.pending(List.of(trial)).contains(trial)) {
                return;
            }
            store.record(new TrialResult(id, TrialResult.Status.FAILED, store.nextAttempt(id), "its process exited with code "
                    + exitCode + " without a result; see " + log, trial.labels(), trial.options(), null, null, null, null, null, null,
                    null, null, null, null, GridStore.host(), java.time.Instant.now().toString(), null));
        } catch (IOException e) {
            // The store is unreadable: the next run finds the trial pending.
        }
    }

    private static ProgressBar progressBar(int total) {
        return new ProgressBarBuilder()
                .setTaskName("grid")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(1000)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 150))
                .showSpeed()
                .build();
    }
}
