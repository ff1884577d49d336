package org.ebgan4j.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;

import org.ebgan4j.bench.GemmPeak;
import org.ebgan4j.bench.SideBySideBenchmark;
import org.ebgan4j.bench.StepBenchmark;
import org.ebgan4j.bench.StepProfile;
import org.ebgan4j.bench.TransposedConvBenchmark;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.train.TrainConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan bench}: milliseconds per training step and the process's memory over a long run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the training step of a fully connected config on random 784-d data (or of a convolutional "
                + "preset with --arch, on random images of its size) and report memory.")
final class BenchCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--model", defaultValue = "ebgan-pt", description = "a model of 'ebgan train' (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--steps", defaultValue = "2000", description = "timed steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "20", description = "untimed steps first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--batch", defaultValue = "64") int batch;
    @Option(names = "--dim", defaultValue = "784", description = "data dimension (default: ${DEFAULT-VALUE})") int dim;
    @Option(names = "--layers-g", defaultValue = "3") int layersG;
    @Option(names = "--size-g", defaultValue = "800") int sizeG;
    @Option(names = "--layers-d", defaultValue = "2") int layersD;
    @Option(names = "--size-d", defaultValue = "256") int sizeD;
    @Option(names = "--transposed-conv", description = "time the transposed convolution against a plain convolution instead")
    boolean transposedConv;
    @Option(names = "--arch", description = "a convolutional preset (see 'ebgan arch') instead of the fully connected networks")
    String arch;
    @Option(names = "--profile", paramLabel = "DIR", description = "time the step by phase and count its native operations "
            + "(libtorch's profiler) instead; writes profile.txt, profile.json and trace.json into DIR")
    Path profile;
    @Option(names = "--vs-pytorch", description = "run the step of every config here and the same step in PyTorch "
            + "(Python), alternately, and print each figure and the ratio of each pair")
    boolean vsPytorch;
    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "the Python with torch for --vs-pytorch "
            + "(default: ${DEFAULT-VALUE})")
    String python;
    @Option(names = "--pairs", defaultValue = "2", description = "ebgan4j-then-PyTorch pairs per config and thread count "
            + "(default: ${DEFAULT-VALUE})")
    int pairs;
    @Option(names = "--threads", split = ",", defaultValue = "2,1", description = "thread counts for --vs-pytorch "
            + "(default: ${DEFAULT-VALUE})")
    List<Integer> threads;
    @Option(names = "--configs", split = ",", description = "the configs of --vs-pytorch, by name or number (default: all: "
            + "fc-default, fc-4x800, fc-large, digits28, dcgan64, began64)")
    List<String> configs;
    @Option(names = "--step-scale", defaultValue = "1", description = "the configs' timed steps times this, for a quick look "
            + "(default: ${DEFAULT-VALUE})")
    double stepScale;
    @Option(names = "--work", defaultValue = "bench-vs-pytorch", description = "folder for the logs of --vs-pytorch "
            + "(default: ${DEFAULT-VALUE})")
    Path work;
    @Option(names = "--peak-gemm", description = "measure the dense GEMM rate through libtorch (2048x2048 products) instead")
    boolean peakGemm;

    private static void printMemory(String when, StepBenchmark.Memory m) {
        Device d = ComputeDevice.current();
        String gpu = d.isGpu() ? String.format(", GPU in use %d MiB", CudaUtils.getGpuMemory(d).getUsed() >> 20) : "";
        System.out.printf("memory %s: RSS %d MiB (Java heap committed %d MiB)%s%n",
                when, m.rssKb() / 1024, m.heapCommittedKb() / 1024, gpu);
    }

    @Override
    public Integer call() throws Exception {
        if (!vsPytorch) {
            Device d = ComputeDevice.current();
            System.out.printf("device: %s (%s), libtorch %s%n", ComputeDevice.name(d), ComputeDevice.describe(d),
                    Engine.getInstance().getVersion());
        }
        if (peakGemm) {
            System.out.printf("dense GEMM 2048x2048 by 2048x2048: %.1f GFLOP/s%n", GemmPeak.gflops(2048, 9));
            return 0;
        }
        if (vsPytorch) {
            if (pairs < 1 || stepScale <= 0 || threads.stream().anyMatch(t -> t < 1)) {
                throw new IllegalArgumentException("--pairs and --threads must be at least 1 and --step-scale above 0");
            }
            SideBySideBenchmark.run(SideBySideBenchmark.configs(configs), new SideBySideBenchmark.Settings(python, pairs, threads,
                    stepScale), work, System.out);
            return 0;
        }
        if (transposedConv) {
            // The layers of the dcgan64 generator and decoder, at the batch of the bench.
            TransposedConvBenchmark.run(batch, 512, 256, 4, 4, 2, 1, 10, System.out);
            TransposedConvBenchmark.run(batch, 256, 128, 8, 4, 2, 1, 10, System.out);
            TransposedConvBenchmark.run(batch, 128, 64, 16, 4, 2, 1, 10, System.out);
            TransposedConvBenchmark.run(batch, 64, 3, 32, 4, 2, 1, 10, System.out);
            return 0;
        }
        TrainConfig config = arch != null ? StepBenchmark.convolutional(model, arch, batch, steps)
                : StepBenchmark.fullyConnected(model, dim, layersG, sizeG, layersD, sizeD, batch, steps);
        String threads = System.getProperty("ai.djl.pytorch.num_threads", "default");
        boolean jemalloc = String.valueOf(System.getenv("LD_PRELOAD")).contains("jemalloc");
        String networks = arch != null ? arch : String.format("G %dx%d, D %dx%d, data %d-d", layersG, sizeG, layersD, sizeD, dim);
        System.out.printf("bench: %s, %s, batch %d, %d steps after %d warm-up; threads=%s, jemalloc=%s%n",
                config.game().model(), networks, batch, steps, warmup, threads, jemalloc);
        if (profile != null) {
            try {
                StepProfile.run(config, warmup, steps, Math.min(steps, 20), profile, System.out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("profile written to " + profile);
            return 0;
        }
        StepBenchmark.Report r = StepBenchmark.run(config, steps, warmup, System.out);
        System.out.printf("G %,d parameters, D %,d%n", r.parametersG(), r.parametersD());
        System.out.printf("ms/step: mean %.2f, median %.2f, p90 %.2f%n", r.meanMs(), r.medianMs(), r.p90Ms());
        if (r.at100() != null) {
            printMemory("after 100 steps", r.at100());
        }
        printMemory("after " + r.steps() + " steps", r.atEnd());
        return 0;
    }
}
