package org.ebgan4j.experiments;

import org.ebgan4j.experiments.grid.TrialResult;
import org.ebgan4j.experiments.grid.TrialRunner;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The entry point of a {@link ProcessPool} child: runs one task of an experiment in this process
 * and exits 0 when it is done, 1 when it failed (the reason and stack on standard error, which the
 * pool writes to the task's log), 2 for an unknown task; or, started with {@link #SERVE}, runs task
 * after task for a {@link WorkerProcess} and answers each with that code.
 */
public final class Worker {

    /** Exit code of a trial's process whose claim another runner took over: that runner trains it now. */
    public static final int TAKEN_OVER = 4;

    /** The task that claims, runs and records one trial of a grid: STORE TRIAL_ID PARENT_PID. */
    public static final String GRID_TRIAL = "grid-trial";

    /**
     * Not a task: the worker stays up and runs the tasks its parent sends ({@link WorkerProcess}):
     * SERVE PARENT_PID.
     */
    public static final String SERVE = "serve";

    private static boolean watchingParent;

    private Worker() {}

    /**
     * Stops this process as soon as {@code parentPid} is gone: a grid killed with {@code kill -9}
     * takes its trials in flight with it, and their claims go stale, instead of leaving orphans that
     * train on (0: no parent to watch).
     */
    private static synchronized void exitWithParent(long parentPid) {
        if (parentPid <= 0 || watchingParent) {
            return;
        }
        watchingParent = true;
        ProcessHandle parent = ProcessHandle.of(parentPid).orElse(null);
        if (parent == null || !parent.isAlive()) {
            Runtime.getRuntime().halt(3);
        }
        Thread watch = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (!parent.isAlive()) {
                    Runtime.getRuntime().halt(3);
                }
            }
        }, "ebgan-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length == 2 && args[0].equals(SERVE)) {
            exitWithParent(Long.parseLong(args[1]));
            System.exit(WorkerProcess.serve());
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("worker: name a task: " + Mixture2dExperiment.TASK + ", " + GRID_TRIAL);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (args[0].equals(Mixture2dExperiment.TASK)) {
                Mixture2dExperiment.runTask(rest);
                return 0;
            }
            if (args[0].equals(GRID_TRIAL) && rest.length == 3) {
                exitWithParent(Long.parseLong(rest[2]));
                TrialResult r = TrialRunner.runClaimed(Path.of(rest[0]), rest[1]);
                System.out.println(r == null ? rest[1] + ": finished or claimed elsewhere, nothing to do"
                        : rest[1] + ": " + r.status() + (r.inceptionScore() != null ? ", inception score " + r.inceptionScore() : "")
                                + (r.reason() != null ? " (" + r.reason() + ")" : ""));
                return 0;
            }
            System.err.println("worker: unknown task '" + args[0] + "'");
            return 2;
        } catch (Exception e) {
            // The log is the only trace a failed child leaves: the whole stack goes there.
            System.err.println("worker: " + args[0] + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
