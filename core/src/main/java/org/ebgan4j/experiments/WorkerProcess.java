package org.ebgan4j.experiments;

import org.ebgan4j.io.Json;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Worker} JVM that stays up and runs tasks one after another ({@link Worker#SERVE}): the
 * JVM's start, the engine's native libraries and the compiled Java code are paid once per worker
 * instead of once per task, and they are what two workers on one machine otherwise take from each
 * other's cores. Each task still runs alone in its process (one gradient collector, one libtorch
 * thread pool), and everything a task depends on is seeded by the task, so its result is the one a
 * fresh process gives.
 *
 * <p>The protocol: one JSON array per line on the child's standard input (the task's log file, then
 * {@link Worker}'s arguments), and one line {@code REPLY code} on its standard output when the task
 * ends. The child writes everything else to the task's log (Java's output) or the worker's log (the
 * rest); a child that dies mid-task reports its exit code instead.
 */
public final class WorkerProcess implements AutoCloseable {

    /** The start of the line with which the child ends a task; anything else on its output is noise. */
    static final String REPLY = "@@ebgan4j-worker-exit ";

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;
    private final Path log;

    private WorkerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a worker: {@code javaCommand} ends with {@link Worker}'s class (as
     * {@link ProcessPool#javaCommand} gives it); its standard error goes to {@code log}.
     */
    public static WorkerProcess start(List<String> javaCommand, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(javaCommand);
        command.addAll(List.of(Worker.SERVE, String.valueOf(ProcessHandle.current().pid())));
        ProcessBuilder pb = new ProcessBuilder(command);
        ChildEnvironment.apply(pb.environment());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.directory(new File(System.getProperty("user.dir")));
        return new WorkerProcess(pb.start(), log);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Runs one task in the worker and waits for it.
     *
     * @return the task's exit code as {@link Worker#run} gives it, or the process's exit code when it
     *     died during the task (the worker is then gone: start another)
     * @throws InterruptedException when interrupted while the task runs; the worker is still busy with
     *     it, so {@link #kill} it
     */
    public int run(List<String> arguments, Path taskLog) throws IOException, InterruptedException {
        Files.createDirectories(taskLog.toAbsolutePath().getParent());
        List<String> line = new ArrayList<>();
        line.add(taskLog.toAbsolutePath().toString());
        line.addAll(arguments);
        try {
            in.write(Json.mapper().writeValueAsString(line));
            in.newLine();
            in.flush();
            for (String reply = nextLine(); reply != null; reply = nextLine()) {
                if (reply.startsWith(REPLY)) {
                    return Integer.parseInt(reply.substring(REPLY.length()).trim());
                }
                appendToLog(reply); // something native wrote to the child's standard output
            }
        } catch (IOException e) {
            // The pipe broke: the child is gone, and its exit code says why.
        }
        return process.waitFor();
    }

    /** The child's next line, waiting in short sleeps so that an interrupt (a cancelled Spark task) is heard. */
    private String nextLine() throws IOException, InterruptedException {
        while (!out.ready() && process.isAlive()) {
            Thread.sleep(20);
        }
        return out.readLine();
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The worker's log is for people; a line lost there changes no result.
        }
    }

    /** Ends the worker: its input closes, and a worker that does not exit within seconds is killed. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Already gone.
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the worker now (an interrupted pool). */
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * The child's side: reads tasks from standard input until it closes, runs each with Java's output
     * in the task's log, and replies with its exit code on the real standard output.
     */
    static int serve() throws IOException {
        PrintStream reply = System.out;
        PrintStream idle = System.err;
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = tasks.readLine(); line != null; line = tasks.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] task = Json.mapper().readValue(line, String[].class);
            int code;
            try (PrintStream taskLog = new PrintStream(Files.newOutputStream(Path.of(task[0]), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
                System.setOut(taskLog);
                System.setErr(taskLog);
                try {
                    code = Worker.run(java.util.Arrays.copyOfRange(task, 1, task.length));
                } finally {
                    System.setOut(idle);
                    System.setErr(idle);
                }
            }
            reply.println(REPLY + code);
            reply.flush();
        }
        return 0;
    }
}
