package org.ebgan4j.cli;

import org.ebgan4j.bench.StepBenchmark;
import org.ebgan4j.bench.TransposedConvBenchmark;
import org.ebgan4j.train.TrainConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code ebgan bench}: milliseconds per training step and the process's memory over a long run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the training step of a fully connected config on random 784-d data (or of a convolutional "
                + "preset with --arch, on random images of its size) and report memory.")
final class BenchCommand implements Callable<Integer> {

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

    private static void printMemory(String when, StepBenchmark.Memory m) {
        System.out.printf("memory %s: RSS %d MiB (Java heap committed %d MiB)%n",
                when, m.rssKb() / 1024, m.heapCommittedKb() / 1024);
    }

    @Override
    public Integer call() {
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
