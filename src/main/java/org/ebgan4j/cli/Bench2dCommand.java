package org.ebgan4j.cli;

import org.ebgan4j.bench.Benchmark2d;
import org.ebgan4j.train.ModelKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ebgan bench2d}: the calibrated-EBGAN paper's 2D benchmark. Cells run as separate processes
 * (DJL's PyTorch engine allows one gradient collector per JVM), several at a time.
 */
@Command(name = "bench2d", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train GAN, EGAN-Const, EGAN-Ent-VI and EGAN-Ent-NN on the 2D mixtures and write the KL table "
                + "(Markdown and CSV) and one figure per cell; finished cells are not redone.")
final class Bench2dCommand implements Callable<Integer> {

    @Option(names = "--datasets", split = ",", description = "mixtures (default: gaussians4,biased2,spirals)")
    List<String> datasets = Benchmark2d.DATASETS;

    @Option(names = "--models", split = ",", description = "models (default: gan,egan-const,egan-ent-vi,egan-ent-nn)")
    List<String> models = Benchmark2d.MODELS.stream().map(ModelKind::id).toList();

    @Option(names = "--out", defaultValue = "runs/bench2d", description = "benchmark folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--parallel", description = "cells trained at once (default: the number of cores)")
    Integer parallel;

    @Option(names = "--samples", defaultValue = "100000", description = "training and generated samples (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--epoch-scale", defaultValue = "1", description = "fraction of the paper's epochs to train (default: ${DEFAULT-VALUE})")
    double epochScale;

    @Option(names = "--seed", defaultValue = "0") long seed;

    @Option(names = "--reference", description = "CSV of published values in the layout of table.csv, shown in brackets beside ours")
    Path reference;

    @Option(names = "--cell", hidden = true, description = "run one DATASET:MODEL cell in this process")
    String cell;

    @Override
    public Integer call() throws Exception {
        if (samples < 1000) {
            throw new IllegalArgumentException("--samples must be at least 1000, got " + samples);
        }
        if (!(epochScale > 0)) {
            throw new IllegalArgumentException("--epoch-scale must be positive, got " + epochScale);
        }
        Benchmark2d.Settings settings = new Benchmark2d.Settings(samples, epochScale, seed);
        if (cell != null) {
            Benchmark2d.CellResult r = Benchmark2d.run(Benchmark2d.Cell.parse(cell), out, settings);
            System.out.printf("%s/%s done: %d steps in %.1f s%n", r.dataset(), r.model(), r.steps(), r.seconds());
            return 0;
        }
        List<Benchmark2d.Cell> cells = new ArrayList<>();
        for (String d : datasets) {
            for (String m : models) {
                cells.add(new Benchmark2d.Cell(d, ModelKind.parse(m)));
            }
        }
        Deque<Benchmark2d.Cell> todo = new ArrayDeque<>();
        for (Benchmark2d.Cell c : cells) {
            if (Files.isRegularFile(Benchmark2d.resultFile(out, c))) {
                System.out.println("done before: " + c.id());
            } else {
                todo.add(c);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int slots = Math.max(1, parallel != null ? parallel : cores);
        int threads = Math.max(1, cores / slots);
        long began = System.nanoTime();
        List<Process> running = new ArrayList<>();
        Map<Process, Benchmark2d.Cell> names = new java.util.HashMap<>();
        int failed = 0;
        while (!todo.isEmpty() || !running.isEmpty()) {
            while (running.size() < slots && !todo.isEmpty()) {
                Benchmark2d.Cell c = todo.poll();
                Process p = start(c, threads);
                running.add(p);
                names.put(p, c);
                System.out.printf("started %s (%d left to start)%n", c.id(), todo.size());
            }
            Process finished = null;
            while (finished == null) {
                for (Process p : running) {
                    if (!p.isAlive()) {
                        finished = p;
                        break;
                    }
                }
                if (finished == null) {
                    Thread.sleep(500);
                }
            }
            running.remove(finished);
            Benchmark2d.Cell c = names.get(finished);
            if (finished.exitValue() == 0) {
                System.out.printf("finished %s after %.0f s of the benchmark%n", c.id(), (System.nanoTime() - began) / 1e9);
            } else {
                failed++;
                System.out.printf("FAILED %s (exit %d); see %s%n", c.id(), finished.exitValue(),
                        Benchmark2d.cellDir(out, c).resolve("log.txt"));
            }
        }
        List<Benchmark2d.CellResult> results = Benchmark2d.collect(out, cells);
        Benchmark2d.writeTables(out, results, reference == null ? Map.of() : Benchmark2d.readReference(reference));
        System.out.println(Files.readString(out.resolve("table.md")));
        System.out.printf("%d of %d cells done; wall time of this invocation %.1f s on %d cores (%d at a time); "
                + "tables in %s%n", results.size(), cells.size(), (System.nanoTime() - began) / 1e9, cores, slots, out);
        return failed == 0 ? 0 : 1;
    }

    private Process start(Benchmark2d.Cell c, int threads) throws Exception {
        Path dir = Benchmark2d.cellDir(out, c);
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx2g", "-Djava.awt.headless=true",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp", System.getProperty("java.class.path"), EbganCommand.class.getName(), "bench2d",
                "--cell", c.dataset() + ":" + c.model().id(), "--out", out.toString(),
                "--samples", String.valueOf(samples), "--epoch-scale", String.valueOf(epochScale),
                "--seed", String.valueOf(seed)));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("log.txt").toFile());
        pb.directory(new File(System.getProperty("user.dir")));
        return pb.start();
    }
}
