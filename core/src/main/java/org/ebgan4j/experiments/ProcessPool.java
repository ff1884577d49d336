package org.ebgan4j.experiments;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs tasks as separate JVMs, several at a time. DJL's PyTorch engine allows one gradient collector
 * per process and keeps one thread pool per process, so independent trainings run side by side only
 * as processes: each gets {@code threadsPerTask} engine threads and its own log file, and runs
 * {@link Worker} with the task's arguments on this JVM's class path.
 */
public final class ProcessPool {

    /** One child process: a name, {@link Worker}'s arguments and the file its output goes to. */
    public record Task(String id, List<String> arguments, Path log) {
        public Task {
            arguments = List.copyOf(arguments);
        }
    }

    /** How a task ended: its exit code (0 done) and wall time. */
    public record Outcome(Task task, int exitCode, double seconds) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Hears of each start and end, from the thread that called {@link #run}. */
    public interface Listener {
        default void started(Task task, int waiting) {}

        default void finished(Outcome outcome) {}
    }

    private final int slots;
    private final int threadsPerTask;
    private final String maxHeap;

    /**
     * @param slots tasks at once
     * @param threadsPerTask libtorch threads of each task
     * @param maxHeap the children's {@code -Xmx}, e.g. "2g"
     */
    public ProcessPool(int slots, int threadsPerTask, String maxHeap) {
        if (slots < 1 || threadsPerTask < 1) {
            throw new IllegalArgumentException("a pool needs at least one slot and one thread per task, got " + slots + " and "
                    + threadsPerTask);
        }
        this.slots = slots;
        this.threadsPerTask = threadsPerTask;
        this.maxHeap = maxHeap;
    }

    /** {@code slots} tasks at once, sharing the cores evenly (at least one thread each). */
    public static ProcessPool sharingCores(int slots, String maxHeap) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ProcessPool(slots, Math.max(1, cores / slots), maxHeap);
    }

    public int slots() {
        return slots;
    }

    /** Runs every task, at most {@code slots} at a time, and returns their outcomes in the order they ended. */
    public List<Outcome> run(List<Task> tasks, Listener listener) throws IOException, InterruptedException {
        Deque<Task> todo = new ArrayDeque<>(tasks);
        Map<Process, Task> running = new LinkedHashMap<>();
        Map<Process, Long> startedAt = new LinkedHashMap<>();
        BlockingQueue<Process> ended = new LinkedBlockingQueue<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            while (!todo.isEmpty() || !running.isEmpty()) {
                while (running.size() < slots && !todo.isEmpty()) {
                    Task t = todo.poll();
                    Process p = start(t);
                    running.put(p, t);
                    startedAt.put(p, System.nanoTime());
                    p.onExit().thenAccept(ended::add);
                    listener.started(t, todo.size());
                }
                Process finished = ended.take();
                Task t = running.remove(finished);
                Outcome o = new Outcome(t, finished.exitValue(), (System.nanoTime() - startedAt.remove(finished)) / 1e9);
                outcomes.add(o);
                listener.finished(o);
            }
        } finally {
            // Interrupted or failed: no child outlives the pool.
            running.keySet().forEach(Process::destroyForcibly);
            for (Process p : running.keySet()) {
                p.onExit().join();
            }
        }
        return outcomes;
    }

    /**
     * Runs every task as {@link #run} does, but in {@code slots} long-lived {@link WorkerProcess}es
     * that take the next task as they finish one (a worker that dies is replaced): the tasks start in
     * the order given, and each JVM's start is paid once per worker instead of once per task. The
     * listener hears from the workers' threads, one call at a time; the workers' own output goes to
     * {@code workerLogs}/worker-N.log.
     */
    public List<Outcome> runReusing(List<Task> tasks, Listener listener, Path workerLogs) throws InterruptedException {
        ConcurrentLinkedDeque<Task> todo = new ConcurrentLinkedDeque<>(tasks);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<WorkerProcess> live = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        List<String> command = javaCommand(threadsPerTask, maxHeap, System.getProperty("java.class.path"));
        for (int w = 0; w < Math.min(slots, tasks.size()); w++) {
            Path workerLog = workerLogs.resolve("worker-" + w + ".log");
            Thread thread = new Thread(() -> {
                WorkerProcess worker = null;
                try {
                    for (Task t = todo.poll(); t != null; t = todo.poll()) {
                        if (worker == null || !worker.alive()) {
                            worker = WorkerProcess.start(command, workerLog);
                            live.add(worker);
                        }
                        synchronized (listener) {
                            listener.started(t, todo.size());
                        }
                        long began = System.nanoTime();
                        int code = worker.run(t.arguments(), t.log());
                        Outcome o = new Outcome(t, code, (System.nanoTime() - began) / 1e9);
                        outcomes.add(o);
                        synchronized (listener) {
                            listener.finished(o);
                        }
                    }
                } catch (InterruptedException e) {
                    // The pool was interrupted: the finally below ends this worker.
                } catch (IOException | RuntimeException e) {
                    errors.add(e);
                } finally {
                    if (worker != null) {
                        worker.close();
                    }
                }
            }, "ebgan-worker-" + w);
            threads.add(thread);
            thread.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            // Interrupted: the threads first (so that a killed worker is not taken for a crashed task),
            // then the children; none outlives the pool.
            threads.forEach(Thread::interrupt);
            synchronized (live) {
                live.forEach(WorkerProcess::kill);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a worker process could not run its tasks: " + errors.get(0), errors.get(0));
        }
        return new ArrayList<>(outcomes);
    }

    private Process start(Task task) throws IOException {
        Files.createDirectories(task.log().toAbsolutePath().getParent());
        List<String> command = javaCommand(threadsPerTask, maxHeap, System.getProperty("java.class.path"));
        command.addAll(task.arguments());
        ProcessBuilder pb = new ProcessBuilder(command);
        ChildEnvironment.apply(pb.environment());
        pb.redirectErrorStream(true);
        // Appended: a task run again (a retry, a resume) keeps what earlier attempts printed.
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(task.log().toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }

    /**
     * The command line of a child JVM that runs {@link Worker} (its arguments still to add), with this
     * JVM's {@code java}. The child's own work is native (libtorch): one garbage-collector thread and
     * the client compiler only, so that several children on a machine do not take each other's cores
     * for JVM housekeeping while the engine computes.
     */
    public static List<String> javaCommand(int threads, String maxHeap, String classPath) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ArrayList<>(List.of(java, "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", classPath, Worker.class.getName()));
    }
}
