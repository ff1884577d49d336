package org.ebgan4j.experiments;

import java.util.Arrays;

/**
 * The entry point of a {@link ProcessPool} child: runs one task of an experiment in this process
 * and exits 0 when it is done, 1 when it failed (the reason and stack on standard error, which the
 * pool writes to the task's log), 2 for an unknown task.
 */
public final class Worker {

    private Worker() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("worker: name a task: " + Mixture2dExperiment.TASK);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            if (args[0].equals(Mixture2dExperiment.TASK)) {
                Mixture2dExperiment.runTask(rest);
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
