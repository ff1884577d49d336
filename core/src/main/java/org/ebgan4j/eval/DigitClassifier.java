package org.ebgan4j.eval;

import ai.djl.engine.Engine;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.ebgan4j.data.ArrayUpload;
import org.ebgan4j.data.Batches;
import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.Splits;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.nn.ClassifierNetwork;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.optim.AdamOptimizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The classifier that scores generated images: {@code p(y|x)} for the inception score and its
 * penultimate features for the Frechet distance. It reads images in the networks' normalised
 * values ([-1, 1]), the same values a generator produces, so samples need no conversion.
 */
public final class DigitClassifier implements AutoCloseable {

    public static final String PARAMS = "classifier.params";
    public static final String INFO = "classifier.json";
    private static final int INFERENCE_BATCH = 500;

    /**
     * How the classifier was trained and how well it did, saved as {@code classifier.json}.
     *
     * @param shift largest random translation, in pixels, applied to each training image
     * @param heldOutAccuracy accuracy on the held-out images, in [0, 1]
     */
    public record Info(String dataset, String dataDir, int holdOut, int side, int classes, int epochs, int batch,
            float lr, int shift, float dropout, long seed, int trainSamples, int heldOutSamples,
            double heldOutAccuracy, double seconds) {}

    /** Training settings. */
    public record Settings(int epochs, int batch, float lr, int shift, float dropout, long seed) {
        public Settings {
            require(epochs >= 1, "`epochs` must be at least 1, got " + epochs);
            require(batch >= 1, "`batch` must be at least 1, got " + batch);
            require(lr > 0 && Float.isFinite(lr), "`lr` must be a positive number, got " + lr);
            require(shift >= 0, "`shift` must be 0 or more pixels, got " + shift);
            require(dropout >= 0 && dropout < 1, "`dropout` must lie in [0, 1), got " + dropout);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        /** What {@code ebgan classifier train} uses unless told: 12 epochs, batch 64, lr 0.001, shifts of 2 pixels, dropout 0.5. */
        public static Settings defaults() {
            return new Settings(12, 64, 1e-3f, 2, 0.5f, 0);
        }
    }

    private final NDManager manager = NDManager.newBaseManager(ComputeDevice.current());
    private final SequentialBlock body;
    private final SequentialBlock head;
    private final ParameterStore parameters = new ParameterStore(manager, false);
    private final ArrayUpload upload = new ArrayUpload();
    private final int side;
    private final int classes;
    private Info info;

    private DigitClassifier(int side, int classes, float dropout, long seed) {
        this.side = side;
        this.classes = classes;
        this.body = ClassifierNetwork.body(side);
        this.head = ClassifierNetwork.head(classes, dropout);
        Engine.getInstance().setRandomSeed((int) seed);
        body.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        head.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        body.initialize(manager, DataType.FLOAT32, new Shape(1, (long) side * side));
        head.initialize(manager, DataType.FLOAT32, new Shape(1, ClassifierNetwork.FEATURES));
    }

    /**
     * The images a classifier of {@code dataset} trains on and is measured on: the data set's own test
     * split where it has one, else {@code holdOut} images kept out by the fixed hold-out seed (for the
     * npm digits, the same images that a run's own {@code holdOut} keeps out of a GAN's training).
     *
     * @param source what {@link #train} records of where the data came from
     */
    public record TrainingData(DataSpec source, TensorDataset train, TensorDataset heldOut) {

        public static TrainingData of(String dataset, Path dataDir, int holdOut, long seed) {
            Datasets.requireImages(dataset);
            if (holdOut < 0) {
                throw new IllegalArgumentException("`holdOut` must be 0 or more, got " + holdOut);
            }
            int keptOut = Datasets.hasTestSplit(dataset) ? 0 : holdOut;
            Splits.Split split = Datasets.forTraining(dataset, dataDir, 0, null, keptOut, seed);
            if (split.test() == null) {
                throw new IllegalArgumentException(dataset + " has no held-out images to measure the classifier on; give `holdOut`");
            }
            return new TrainingData(new DataSpec(dataset, dataDir == null ? null : dataDir.toString(), 0, 0.5, 0.5, null, keptOut),
                    split.train(), split.test());
        }
    }

    /** Trains on {@code data} and measures accuracy on its held-out images. */
    public static DigitClassifier train(TrainingData data, Settings settings, boolean progress) {
        return train(data.train(), data.heldOut(), settings, data.source(), progress);
    }

    /**
     * Trains on {@code train} (labelled grey square images) and measures accuracy on {@code heldOut}.
     *
     * @param source where the data came from, recorded in the saved info
     * @param progress whether to draw a progress bar on standard error
     */
    public static DigitClassifier train(TensorDataset train, TensorDataset heldOut, Settings settings,
            DataSpec source, boolean progress) {
        int side = sideOf(train);
        int classes = 1 + java.util.Arrays.stream(train.labels()).max().orElse(0);
        DigitClassifier c = new DigitClassifier(side, classes, settings.dropout(), settings.seed());
        long start = System.nanoTime();
        try {
            c.fit(train, settings, progress);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double accuracy = c.accuracy(heldOut);
        c.info = new Info(source.dataset(), source.dataDir(), source.holdOut(), side, classes, settings.epochs(),
                settings.batch(), settings.lr(), settings.shift(), settings.dropout(), settings.seed(), train.size(),
                heldOut.size(), accuracy, seconds);
        return c;
    }

    private void fit(TensorDataset train, Settings settings, boolean progress) {
        Batches batches = new Batches(train, settings.batch(), settings.seed());
        int perEpoch = batches.batchesPerEpoch();
        long total = (long) perEpoch * settings.epochs();
        Random random = new Random(settings.seed());
        float[] images = new float[settings.batch() * side * side];
        int[] labels = new int[settings.batch()];
        try (AdamOptimizer adam = new AdamOptimizer(new SequentialBlock().addAll(body, head), manager, settings.lr(), 0.9f, 0.999f);
                ProgressBar bar = progress ? progressBar(total) : null) {
            double smoothedLoss = Double.NaN;
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                // Halve the rate over the last third of training: the last epochs settle the weights.
                adam.scaleLearningRate(epoch >= settings.epochs() * 2 / 3 && settings.epochs() >= 3 ? 0.3 : 1.0, 0f);
                for (int b = 0; b < perEpoch; b++) {
                    int[] idx = batches.indices(epoch, b);
                    for (int i = 0; i < idx.length; i++) {
                        shiftInto(train, idx[i], images, i, settings.shift(), random);
                        labels[i] = train.labels()[idx[i]];
                    }
                    float loss = step(adam, images, labels, idx.length);
                    if (!Float.isFinite(loss)) {
                        throw new IllegalStateException("classifier training diverged: the loss became " + loss
                                + " at epoch " + epoch + "; lower `lr`");
                    }
                    smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.98 * smoothedLoss + 0.02 * loss;
                    if (bar != null) {
                        bar.step();
                        bar.setExtraMessage(String.format("epoch %d loss %.4f", epoch + 1, smoothedLoss));
                    }
                }
            }
        }
    }

    private float step(AdamOptimizer adam, float[] images, int[] labels, int n) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = upload.upload(sub, images, 0, new Shape(n, (long) side * side));
            NDArray oneHot = sub.create(java.util.Arrays.copyOf(labels, n)).oneHot(classes).toType(DataType.FLOAT32, false);
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = logits(x, true);
                NDArray loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).mean().neg();
                value = loss.getFloat();
                collector.backward(loss);
            }
            adam.step();
            return value;
        }
    }

    /** Copies image {@code index} into slot {@code slot}, moved by up to {@code shift} pixels each way. */
    private void shiftInto(TensorDataset data, int index, float[] dst, int slot, int shift, Random random) {
        int pixels = side * side;
        int base = slot * pixels;
        if (shift == 0) {
            data.copySample(index, dst, base);
            return;
        }
        int dx = random.nextInt(2 * shift + 1) - shift;
        int dy = random.nextInt(2 * shift + 1) - shift;
        float[] src = data.data();
        int srcBase = index * pixels;
        // The background is the image's darkest value (-1 after normalisation), so moved-in pixels are blank.
        java.util.Arrays.fill(dst, base, base + pixels, -1f);
        for (int y = Math.max(0, dy); y < Math.min(side, side + dy); y++) {
            int sy = y - dy;
            System.arraycopy(src, srcBase + sy * side + Math.max(0, -dx), dst, base + y * side + Math.max(0, dx),
                    side - Math.abs(dx));
        }
    }

    private NDArray logits(NDArray x, boolean training) {
        NDArray features = body.forward(parameters, new NDList(x), training).singletonOrThrow();
        return head.forward(parameters, new NDList(features), training).singletonOrThrow();
    }

    /** {@code p(y|x)} for {@code n} images (normalised values, row-major); {@code n * classes} values. */
    public float[] probabilities(float[] x, int n) {
        return infer(x, n, true);
    }

    /** The penultimate features of {@code n} images; {@code n * ClassifierNetwork.FEATURES} values. */
    public float[] features(float[] x, int n) {
        return infer(x, n, false);
    }

    private float[] infer(float[] x, int n, boolean probabilities) {
        int pixels = side * side;
        if (x.length != (long) n * pixels) {
            throw new IllegalArgumentException("the classifier reads " + side + "x" + side + " images (" + pixels
                    + " values each); got " + x.length + " values for " + n + " samples");
        }
        int width = probabilities ? classes : ClassifierNetwork.FEATURES;
        float[] out = new float[n * width];
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager sub = manager.newSubManager()) {
                NDArray xb = upload.upload(sub, x, start * pixels, new Shape(b, pixels));
                NDArray result = probabilities ? logits(xb, false).softmax(1)
                        : body.forward(parameters, new NDList(xb), false).singletonOrThrow();
                System.arraycopy(result.toFloatArray(), 0, out, start * width, b * width);
            }
        }
        return out;
    }

    /** Fraction of {@code data}'s images whose most probable class is their label. */
    public double accuracy(TensorDataset data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        float[] p = probabilities(data.data(), data.size());
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (p[i * classes + k] > p[i * classes + best]) {
                    best = k;
                }
            }
            if (best == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    public Info info() {
        return info;
    }

    public int side() {
        return side;
    }

    public int classes() {
        return classes;
    }

    /** Writes {@code classifier.params} and {@code classifier.json} into {@code dir}, each atomically. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(PARAMS), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            body.saveParameters(data);
            head.saveParameters(data);
            data.flush();
        });
        AtomicFiles.writeString(dir.resolve(INFO), Json.mapper().writeValueAsString(info) + "\n");
    }

    /** The classifier saved in {@code dir} by {@code ebgan classifier train}. */
    public static DigitClassifier load(Path dir) throws IOException {
        Path infoFile = dir.resolve(INFO);
        Path params = dir.resolve(PARAMS);
        if (!Files.isRegularFile(infoFile) || !Files.isRegularFile(params)) {
            throw new IOException("no classifier in " + dir + "; train one with DigitClassifier.train (ebgan classifier train) "
                    + "and save it there");
        }
        Info info;
        try {
            info = Json.mapper().readValue(infoFile.toFile(), Info.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IOException("cannot read " + infoFile + ": it is not a classifier's description" + at
                    + "; train the classifier again with 'ebgan classifier train'", e);
        }
        DigitClassifier c = new DigitClassifier(info.side(), info.classes(), info.dropout(), info.seed());
        c.info = info;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
            DataInputStream data = new DataInputStream(in);
            c.body.loadParameters(c.manager, data);
            c.head.loadParameters(c.manager, data);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            c.close();
            throw new IOException("cannot read the classifier in " + dir + ": " + e.getMessage(), e);
        }
        return c;
    }

    private static int sideOf(TensorDataset data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException(data.name() + " has no labels to train a classifier on");
        }
        int side = (int) Math.round(Math.sqrt(data.sampleSize()));
        if (side * side != data.sampleSize()) {
            throw new IllegalArgumentException("the classifier reads square grey images; " + data.name() + " has samples of "
                    + data.sampleSize() + " values");
        }
        return side;
    }

    private static ProgressBar progressBar(long total) {
        return new ProgressBarBuilder()
                .setTaskName("classifier")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 150))
                .showSpeed()
                .build();
    }

    @Override
    public void close() {
        manager.close();
    }
}
