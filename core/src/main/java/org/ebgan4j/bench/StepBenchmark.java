package org.ebgan4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.io.Json;
import org.ebgan4j.io.ProcessMemory;
import org.ebgan4j.nn.FullyConnectedNetworks;
import org.ebgan4j.nn.MklIntelCpuShim;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigBuilder;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Random;

/**
 * Times the training step of a configuration on random data of the right shape and watches the
 * process's resident memory, which must stay flat once the first steps have allocated what they need.
 * A measurement to print, not a test: it asserts nothing.
 */
public final class StepBenchmark {

    /**
     * What one benchmark run measured.
     *
     * @param parametersG trainable scalars of the generator
     * @param parametersD trainable scalars of the discriminator
     */
    public record Report(int steps, double meanMs, double medianMs, double p90Ms, Memory at100, Memory atEnd, long parametersG,
            long parametersD) {}

    /**
     * The process's resident memory and the Java heap's committed size. A heap's pages become
     * resident only as allocation first reaches them, so RSS compares across steps only when the
     * heap is fixed and pre-touched ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}, as the
     * {@code ebgan} launcher runs the bench); then its growth is the engine's native memory.
     */
    public record Memory(long rssKb, long heapCommittedKb) {
        static Memory now() {
            return new Memory(residentKb(), Runtime.getRuntime().totalMemory() / 1024);
        }
    }

    private StepBenchmark() {}

    /**
     * The fully connected networks of the EBGAN grid on {@code dim}-value data, batch norm on, no
     * dropout; at least 100 steps, so that memory is reported at step 100 and at the end.
     */
    public static TrainConfig fullyConnected(String model, int dim, int layersG, int sizeG, int layersD, int sizeD, int batch,
            int steps) {
        if (steps < 100) {
            throw new IllegalArgumentException("`steps` must be at least 100 to report memory at step 100, got " + steps);
        }
        return schedule(TrainConfig.builder().setModel(model).setDataset("bench").optLayersG(layersG).optSizeG(sizeG)
                .optLayersD(layersD).optSizeD(sizeD), batch, steps).build(shaped(new long[] {dim}));
    }

    /** A convolutional preset on images of its own size. */
    public static TrainConfig convolutional(String model, String arch, int batch, int steps) {
        ConvArchitecture a = ConvArchitecture.preset(arch);
        return schedule(TrainConfig.builder().setModel(model).setDataset("bench").optArchitecture(arch), batch, steps)
                .build(shaped(new long[] {a.channels(), a.side(), a.side()}));
    }

    private static TrainConfigBuilder schedule(TrainConfigBuilder b, int batch, int steps) {
        return b.optBatchSize(batch).optSteps(steps).optLogEvery(1).optSampleEvery(1).optCheckpointEvery(1);
    }

    /** One zero sample of the given shape: what the config builder needs to know of the data. */
    private static TensorDataset shaped(long[] shape) {
        long size = 1;
        for (long d : shape) {
            size *= d;
        }
        return new TensorDataset("bench", new float[(int) size], null, shape, 0.5, 0.5);
    }

    /** Batches of random values in [-1, 1] of the config's data size: 16 distinct ones, 2 for large images. */
    static Batches randomBatches(TrainConfig config) {
        int dim = config.networks().dataDim();
        int batch = config.schedule().batchSize();
        Random r = new Random(1);
        float[] x = new float[batch * (dim > 20_000 ? 2 : 16) * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return new Batches(new TensorDataset("bench", x, null, new long[] {dim}, 0.5, 0.5), batch, 1);
    }

    public static Report run(TrainConfig config, int steps, int warmup, PrintStream out) {
        Batches batches = randomBatches(config);
        double[] ms = new double[steps];
        Memory at100 = null;
        Memory atEnd;
        long parametersG;
        long parametersD;
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(model)) {
            parametersG = FullyConnectedNetworks.parameterCount(model.generator());
            parametersD = FullyConnectedNetworks.parameterCount(model.discriminator());
            for (int s = 0; s < warmup + steps; s++) {
                long t0 = System.nanoTime();
                try (NDManager m = model.manager().newSubManager()) {
                    NDArray real = batches.batch(m, 0, s % batches.batchesPerEpoch());
                    trainer.step(real, s);
                }
                if (s >= warmup) {
                    ms[s - warmup] = (System.nanoTime() - t0) / 1e6;
                }
                int done = s + 1 - warmup;
                if (done == 100) {
                    at100 = Memory.now();
                }
                if (out != null && done > 0 && done % 500 == 0) {
                    Memory m = Memory.now();
                    out.printf("  %d steps, %.2f ms/step so far, RSS %d MiB (Java heap committed %d MiB)%n",
                            done, Arrays.stream(ms, 0, done).average().orElse(0), m.rssKb() / 1024,
                            m.heapCommittedKb() / 1024);
                }
            }
            atEnd = Memory.now();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Report(steps, Arrays.stream(ms).average().orElse(0), sorted[steps / 2],
                sorted[(int) (steps * 0.9)], at100, atEnd, parametersG, parametersD);
    }

    /** The report as one line of JSON, with the names the PyTorch reference script prints. */
    public static String json(Report r, String config, int batch, String threads) {
        ObjectNode o = Json.strict().createObjectNode();
        o.put("side", "ebgan4j").put("threads", threads).put("config", config).put("batch", batch).put("steps", r.steps())
                .put("mean_ms", r.meanMs()).put("median_ms", r.medianMs()).put("p90_ms", r.p90Ms())
                .put("rss_kb_at_100", r.at100() == null ? -1 : r.at100().rssKb()).put("rss_kb_end", r.atEnd().rssKb())
                .put("params_g", r.parametersG()).put("params_d", r.parametersD())
                .put("mkl_intel_cpu_shim", MklIntelCpuShim.loaded());
        return o.toString();
    }

    /** The process's resident set size in KiB, from /proc (-1 where there is none). */
    public static long residentKb() {
        return ProcessMemory.residentKb();
    }
}
