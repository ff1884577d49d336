package org.ebgan4j.distributed;

import org.apache.spark.launcher.JavaModuleOptions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and workers, each its own JVM, started from
 * the Spark jars on this JVM's class path (the ones Maven brings) rather than a downloaded
 * distribution. A worker launches executors from {@code SPARK_HOME/jars}, so a folder of links to
 * those jars stands in for it. For tests and benchmarks on one machine.
 */
public final class LocalSparkCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final Path home;
    private final int port;

    /**
     * Starts a master and {@code workers} workers of {@code coresPerWorker} cores and {@code memory}
     * (e.g. "2g") each, with their logs and work folders under {@code dir}.
     */
    public LocalSparkCluster(Path dir, int workers, int coresPerWorker, String memory) throws IOException, InterruptedException {
        this.home = sparkHome(dir.resolve("spark-home"));
        this.port = freePort();
        // The daemons go with this JVM, however it ends.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "ebgan-spark-cluster-stop"));
        try {
            startDaemons(dir, workers, coresPerWorker, memory);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startDaemons(Path dir, int workers, int coresPerWorker, String memory) throws IOException, InterruptedException {
        processes.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort())));
        waitFor(dir.resolve("master.log"), "Starting Spark master at", Duration.ofSeconds(60));
        for (int i = 0; i < workers; i++) {
            Path log = dir.resolve("worker-" + i + ".log");
            Files.createDirectories(dir.resolve("work-" + i));
            processes.add(start(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                    String.valueOf(coresPerWorker), "--memory", memory, "--webui-port", String.valueOf(freePort()), "--work-dir",
                    dir.resolve("work-" + i).toString(), masterUrl()));
            waitFor(log, "Successfully registered with master", Duration.ofSeconds(60));
        }
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The folder the workers take for {@code SPARK_HOME}. */
    public Path sparkHome() {
        return home;
    }

    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(jars.resolve(p.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(p.getFileName()), p.toAbsolutePath());
            }
        }
        return home;
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m"));
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    private void waitFor(Path log, String line, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    close();
                    throw new IOException("a Spark daemon stopped while starting; see " + log + ": "
                            + (Files.exists(log) ? Files.readString(log).lines().reduce((a, b) -> b).orElse("") : ""));
                }
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("no '" + line + "' in " + log + " after " + timeout.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the workers and the master. */
    @Override
    public synchronized void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
    }
}
