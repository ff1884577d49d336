package org.ebgan4j.bench;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.io.Json;
import org.ebgan4j.io.ProcessMemory;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.MklIntelCpuShim;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The training step of ebgan4j against the same step written in PyTorch (the resource
 * {@value #SCRIPT}, run by a Python with torch), alternately, each in a fresh process with its own
 * timer after warm-up: ebgan4j, PyTorch, ebgan4j, PyTorch, and the ratio of each pair. Both sides
 * get the same threads and this process's environment (jemalloc preloaded by the launcher), so the
 * pairs differ only in the code that calls the kernels. Also measures this machine's dense GEMM rate
 * through libtorch, against which the large fully connected step's rate is put. A measurement to
 * print, not a test.
 */
public final class SideBySideBenchmark {

    /** The PyTorch side of every config, as a class-path resource. */
    public static final String SCRIPT = "/bench/pytorch_reference.py";

    /**
     * One step to compare: the key that {@code --configs} names it by, its name in the table, the
     * arguments that set its networks (the same for {@link #main} and the script), timed steps and
     * warm-up, and multiply-adds per step (0 when not counted).
     */
    public record Config(String key, String name, List<String> args, int steps, int warmup, double macsPerStep) {}

    /** What one process printed: mean, median and p90 milliseconds, RSS at step 100 and at the end, parameter counts. */
    public record Run(double meanMs, double medianMs, double p90Ms, long rssKbAt100, long rssKbEnd, long paramsG, long paramsD) {
        static Run of(JsonNode j) {
            return new Run(j.path("mean_ms").asDouble(), j.path("median_ms").asDouble(), j.path("p90_ms").asDouble(),
                    j.path("rss_kb_at_100").asLong(-1), j.path("rss_kb_end").asLong(-1), j.path("params_g").asLong(),
                    j.path("params_d").asLong());
        }
    }

    /** An ebgan4j run and the PyTorch run after it. */
    public record Pair(Config config, int threads, int index, Run ebgan4j, Run pytorch) {
        public double meanRatio() {
            return ebgan4j.meanMs() / pytorch.meanMs();
        }

        public double medianRatio() {
            return ebgan4j.medianMs() / pytorch.medianMs();
        }
    }

    /**
     * @param python the Python with torch ({@code /usr/bin/python3} on Debian)
     * @param pairs ebgan4j-then-PyTorch pairs per config and thread count
     * @param threads thread counts, each run on every config
     * @param stepScale the configs' steps multiplied by this (a quick look: 0.2)
     */
    public record Settings(String python, int pairs, List<Integer> threads, double stepScale) {}

    private SideBySideBenchmark() {}

    /** The configs of the issue that asked for this: three fully connected steps and three convolutional presets. */
    public static List<Config> defaultConfigs() {
        return List.of(
                // 300 warm-up steps: the JVM compiles the step's Java side over its first hundreds of steps, and a
                // compiler thread on one of two cores stalls the other's OpenMP thread (mean 35.4 ms, median 30.6,
                // after 20 warm-up steps; 27.7 and 26.6 after 300). Python has nothing to compile.
                fc("fc-default", 3, 800, 2, 256, 1000, 300),
                fc("fc-4x800", 4, 800, 3, 256, 1000, 300),
                fc("fc-large", 5, 3200, 4, 1024, 120, 30),
                // torch 1.13 takes seconds a step on these (its CPU transposed convolution is im2col without oneDNN).
                conv("digits28", 40, 3),
                conv("dcgan64", 10, 2),
                conv("began64", 6, 1));
    }

    /** The default configs named by {@code keys} (or by their place in the list, from 1), in that order; all when null. */
    public static List<Config> configs(List<String> keys) {
        List<Config> all = defaultConfigs();
        if (keys == null) {
            return all;
        }
        List<Config> chosen = new ArrayList<>();
        for (String k : keys) {
            Config c = all.stream().filter(x -> x.key().equals(k) || String.valueOf(all.indexOf(x) + 1).equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown config '" + k + "' for `configs`; give some of "
                            + all.stream().map(Config::key).collect(Collectors.joining(", "))));
            chosen.add(c);
        }
        return chosen;
    }

    private static Config fc(String key, int layersG, int sizeG, int layersD, int sizeD, int steps, int warmup) {
        List<String> args = List.of("--layers-g", String.valueOf(layersG), "--size-g", String.valueOf(sizeG), "--layers-d",
                String.valueOf(layersD), "--size-d", String.valueOf(sizeD));
        TrainConfig config = StepBenchmark.fullyConnected("ebgan-pt", 784, layersG, sizeG, layersD, sizeD, BATCH, 100);
        double macs = ((FullyConnectedSpec) config.networks()).multiplyAddsPerStep(BATCH, true);
        return new Config(key, String.format("fc G%dx%d D%dx%d", layersG, sizeG, layersD, sizeD), args, steps, warmup, macs);
    }

    private static Config conv(String arch, int steps, int warmup) {
        return new Config(arch, arch, List.of("--arch", arch), steps, warmup, 0);
    }

    /** The batch of every config, on both sides (the script's default). */
    private static final int BATCH = 64;

    public static List<Pair> run(List<Config> configs, Settings settings, Path work, PrintStream out) throws IOException,
            InterruptedException {
        Files.createDirectories(work);
        Path script = work.resolve("pytorch_reference.py");
        try (InputStream in = SideBySideBenchmark.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the resource " + SCRIPT + " is missing from the class path");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        out.printf("side by side: ebgan4j (MKL AVX2 shim %s) against %s; %d pairs per config and thread count%n",
                MklIntelCpuShim.loaded() ? "on" : "off", pythonVersion(settings.python()), settings.pairs());
        Map<Integer, Double> peak = new LinkedHashMap<>();
        for (int t : settings.threads()) {
            JsonNode g = lastJson(exec(javaCommand(t, List.of("--peak-gemm")), work.resolve("gemm-" + t + ".log")));
            peak.put(t, g.path("gflops").asDouble());
            out.printf("dense GEMM through libtorch at %d thread(s): %.1f GFLOP/s (%s)%n", t, g.path("gflops").asDouble(),
                    g.path("shape").asText());
        }
        out.printf("%-20s %3s %4s  %-26s %-26s %6s %6s%n", "config", "thr", "pair", "ebgan4j mean/median/p90 ms",
                "PyTorch mean/median/p90 ms", "mean", "median");
        List<Pair> pairs = new ArrayList<>();
        for (Config c : configs) {
            // The fully connected bench reports memory at step 100, so it takes at least that many.
            int steps = Math.max(c.macsPerStep() > 0 ? 100 : 3, (int) Math.round(c.steps() * settings.stepScale()));
            int warmup = Math.max(1, (int) Math.round(c.warmup() * Math.min(1, settings.stepScale() * 2)));
            for (int t : settings.threads()) {
                for (int i = 1; i <= settings.pairs(); i++) {
                    String tag = c.name().replaceAll("[^A-Za-z0-9]+", "-") + "-t" + t + "-" + i;
                    List<String> jargs = new ArrayList<>(c.args());
                    jargs.addAll(List.of("--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup)));
                    Run j = Run.of(lastJson(exec(javaCommand(t, jargs), work.resolve(tag + "-ebgan4j.log"))));
                    List<String> pargs = new ArrayList<>(List.of(settings.python(), script.toString()));
                    pargs.addAll(c.args());
                    pargs.addAll(List.of("--steps", String.valueOf(steps), "--warmup", String.valueOf(warmup), "--threads",
                            String.valueOf(t)));
                    Run p = Run.of(lastJson(exec(pargs, work.resolve(tag + "-pytorch.log"))));
                    Pair pair = new Pair(c, t, i, j, p);
                    pairs.add(pair);
                    out.printf("%-20s %3d %4d  %7.2f/%7.2f/%7.2f    %7.2f/%7.2f/%7.2f    %6.3f %6.3f%s%n", c.name(), t, i, j.meanMs(),
                            j.medianMs(), j.p90Ms(), p.meanMs(), p.medianMs(), p.p90Ms(), pair.meanRatio(), pair.medianRatio(),
                            j.paramsG() == p.paramsG() && j.paramsD() == p.paramsD() ? ""
                                    : String.format("  (parameters differ: G %d/%d, D %d/%d)", j.paramsG(), p.paramsG(), j.paramsD(),
                                            p.paramsD()));
                }
            }
        }
        out.println("\nsummary (ratio ebgan4j / PyTorch over the pairs; RSS of the last ebgan4j run, step 100 -> end):");
        for (Config c : configs) {
            for (int t : settings.threads()) {
                List<Pair> ps = pairs.stream().filter(p -> p.config() == c && p.threads() == t).toList();
                double[] mean = ps.stream().mapToDouble(Pair::meanRatio).sorted().toArray();
                double[] median = ps.stream().mapToDouble(Pair::medianRatio).sorted().toArray();
                Run last = ps.get(ps.size() - 1).ebgan4j();
                String rate = "";
                if (c.macsPerStep() > 0) {
                    double gflops = 2 * c.macsPerStep() / (last.medianMs() / 1000) / 1e9;
                    rate = String.format("; %.1f GFLOP/s = %.0f%% of the GEMM rate", gflops, 100 * gflops / peak.get(t));
                }
                out.printf("%-20s %d thread(s): mean ratio %.3f to %.3f, median ratio %.3f to %.3f; mean/median of ebgan4j %.3f; "
                        + "RSS %s%s%n", c.name(), t, mean[0], mean[mean.length - 1], median[0], median[median.length - 1],
                        last.meanMs() / last.medianMs(), rss(last), rate);
            }
        }
        return pairs;
    }

    private static String rss(Run r) {
        if (r.rssKbAt100() <= 0) {
            return String.format("%d MiB at the end", r.rssKbEnd() / 1024);
        }
        return String.format("%d -> %d MiB (%+.1f%%)", r.rssKbAt100() / 1024, r.rssKbEnd() / 1024,
                100.0 * (r.rssKbEnd() - r.rssKbAt100()) / r.rssKbAt100());
    }

    /** A JVM like the launcher's for {@code ebgan bench}: a fixed, pre-touched heap, so that RSS moves only with native memory. */
    static List<String> javaCommand(int threads, List<String> args) {
        List<String> c = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xms1g", "-Xmx1g",
                "-XX:+AlwaysPreTouch", "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=" + threads,
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"), SideBySideBenchmark.class.getName()));
        c.addAll(args);
        return c;
    }

    /**
     * The ebgan4j side, in its own process: {@code [--arch NAME | --layers-g N --size-g N --layers-d N --size-d N]
     * --steps N --warmup N}, EBGAN-PT at batch 64 as {@code ebgan bench}; prints {@link StepBenchmark#json}.
     * With {@code --peak-gemm}, the dense GEMM rate instead.
     */
    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--peak-gemm")) {
            System.out.printf("{\"gflops\": %.3f, \"shape\": \"2048x2048 by 2048x2048\"}%n", GemmPeak.gflops(2048, 9));
            return;
        }
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int steps = Integer.parseInt(a.getOrDefault("steps", "1000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "20"));
        String arch = a.get("arch");
        int lg = Integer.parseInt(a.getOrDefault("layers-g", "3"));
        int sg = Integer.parseInt(a.getOrDefault("size-g", "800"));
        int ld = Integer.parseInt(a.getOrDefault("layers-d", "2"));
        int sd = Integer.parseInt(a.getOrDefault("size-d", "256"));
        TrainConfig config = arch != null ? StepBenchmark.convolutional("ebgan-pt", arch, BATCH, steps)
                : StepBenchmark.fullyConnected("ebgan-pt", 784, lg, sg, ld, sd, BATCH, steps);
        StepBenchmark.Report r = StepBenchmark.run(config, steps, warmup, null);
        String name = arch != null ? arch : String.format("G %dx%d, D %dx%d, data 784-d", lg, sg, ld, sd);
        System.out.println(StepBenchmark.json(r, name, BATCH, System.getProperty("ai.djl.pytorch.num_threads", "")));
    }

    private static String exec(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPT_OUT_TRACKING", "true");
        // jemalloc's default decay returns freed pages, which both sides then fault in again (15 to 40% slower
        // steps here): the launcher's setting, on both sides, when this JVM was started without it.
        if (String.valueOf(System.getenv("LD_PRELOAD")).contains("jemalloc") && System.getenv("MALLOC_CONF") == null) {
            pb.environment().put("MALLOC_CONF", ProcessMemory.JEMALLOC_CONF);
        }
        Process p = pb.start();
        byte[] bytes = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        String text = new String(bytes, StandardCharsets.UTF_8);
        Files.writeString(log, String.join(" ", command) + "\n" + text);
        if (code != 0) {
            throw new IOException("'" + command.stream().limit(3).collect(Collectors.joining(" ")) + " ...' exited with " + code
                    + "; its output is in " + log);
        }
        return text;
    }

    private static JsonNode lastJson(String output) throws IOException {
        List<String> lines = new ArrayList<>(Arrays.asList(output.split("\n")));
        for (int i = lines.size() - 1; i >= 0; i--) {
            String l = lines.get(i).trim();
            if (l.startsWith("{")) {
                return Json.strict().readTree(l);
            }
        }
        throw new IOException("no line of JSON in the output:\n" + output);
    }

    private static String pythonVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch, sys; print('PyTorch', torch.__version__, 'on Python',"
                    + " sys.version.split()[0])").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? v : python + " (no torch: " + v.lines().reduce((a, b) -> b).orElse("") + ")";
        } catch (IOException | InterruptedException e) {
            return python + " (" + e.getMessage() + ")";
        }
    }
}
