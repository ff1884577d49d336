package org.ebgan4j.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.Splits;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.plot.RankingFigure;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The measurements of {@code ebgan eval}: the inception score (EBGAN paper, eq. 6) and the Frechet
 * distance in the digit classifier's features, the ranking of real and generated images by energy
 * (calibrated-EBGAN paper, section 5.2) and the linear probe on the discriminator's last hidden layer
 * (its appendix B.5).
 *
 * <p>The real images that samples are compared with are the classifier's held-out images, so that
 * every run and every file of samples is measured against the same set.
 */
public final class Evaluation {

    /** What to measure. */
    public enum Metric {
        IS, FID, RANK, PROBE;

        /** Parses a comma-separated list such as {@code is,fid}. */
        public static Set<Metric> parseList(String list) {
            Set<Metric> set = EnumSet.noneOf(Metric.class);
            for (String name : list.split(",")) {
                String n = name.trim().toUpperCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                try {
                    set.add(Metric.valueOf(n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown metric '" + name.trim() + "'; choose from is, fid, rank, probe");
                }
            }
            if (set.isEmpty()) {
                throw new IllegalArgumentException("name at least one metric: is, fid, rank, probe");
            }
            return set;
        }

        /** What a run is measured on unless told: IS, FID and the probe, and the ranking when it trained on one class. */
        public static Set<Metric> defaultsFor(TrainConfig config) {
            return config.data().label() != null ? EnumSet.of(IS, FID, RANK, PROBE) : EnumSet.of(IS, FID, PROBE);
        }

        /** What a file of samples is measured on: IS and FID (ranking and the probe need a model). */
        public static Set<Metric> forSamples() {
            return EnumSet.of(IS, FID);
        }
    }

    /**
     * @param metrics what to measure; {@code null} for the defaults of the source ({@link Metric#defaultsFor}, {@link Metric#forSamples})
     * @param n generated samples for the inception score and the Frechet distance
     * @param rankSize images to rank, half generated and half real held-out images of the run's class
     * @param probeSeeds seeds of the linear probe (the paper: 10)
     */
    public record Settings(Set<Metric> metrics, int n, long seed, int rankSize, int probeSeeds, LinearProbe.Config probe) {
        /** At most this many generated samples ({@code n}) and images to rank. */
        public static final int MAX_SAMPLES = 200_000;
        /** At most this many seeds of the linear probe. */
        public static final int MAX_PROBE_SEEDS = 1000;

        public Settings {
            require("n", n, 2, MAX_SAMPLES);
            require("rankSize", rankSize, 2, MAX_SAMPLES);
            require("probeSeeds", probeSeeds, 1, MAX_PROBE_SEEDS);
        }

        private static void require(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("`" + name + "` must lie in " + min + ".." + String.format(Locale.ROOT, "%,d", max) + ", got " + value);
            }
        }

        /** These settings for other metrics. */
        public Settings withMetrics(Set<Metric> chosen) {
            return new Settings(chosen, n, seed, rankSize, probeSeeds, probe);
        }
    }

    /** An inception score: {@code score} is eq. 6 (at most ln 10), {@code expScore} its exponential. */
    public record Inception(double score, double expScore, double splitStd, int samples) {
        static Inception of(InceptionScore.Result r) {
            return new Inception(r.score(), r.expScore(), r.splitStd(), r.samples());
        }
    }

    /** The classifier a report's scores come from. */
    public record ClassifierUsed(String folder, String dataset, double heldOutAccuracy, int heldOutImages) {}

    /** Ranking by energy; the pictures are in the report's folder. */
    public record Ranking(int label, int generated, int real, double realFractionTopHalf, double realFractionBottomHalf,
            double meanEnergyReal, double meanEnergyGenerated, List<String> pictures) {}

    /** Test error of the linear probe over seeds. */
    public record ProbeErrors(double min, double mean, double std) {
        static ProbeErrors of(LinearProbe.Summary s) {
            return new ProbeErrors(s.min(), s.mean(), s.std());
        }
    }

    /** The linear probe on the trained discriminator and on a randomly initialised one. */
    public record Probe(int features, int trainImages, int testImages, int seeds, ProbeErrors trained, ProbeErrors random) {}

    /**
     * What {@code ebgan eval} writes as {@code eval.json}; a measurement not asked for is absent.
     *
     * @param fidReal the distance between the held-out images and as many training images: the floor
     * @param inceptionReal the held-out images' own score: the ceiling
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Report(String source, String model, String dataset, Long steps, ClassifierUsed classifier,
            Inception inception, Inception inceptionReal, Double fid, Double fidReal, Ranking ranking, Probe probe) {

        /**
         * This report with the measurements it lacks taken from {@code older}, an earlier report of the
         * same source and step, so that measuring one metric again keeps the others; otherwise this report.
         */
        public Report over(Report older) {
            if (older == null || !java.util.Objects.equals(source, older.source) || !java.util.Objects.equals(steps, older.steps)) {
                return this;
            }
            boolean scores = inception != null || fid != null;
            return new Report(source, model, dataset, steps, scores ? classifier : older.classifier,
                    inception != null ? inception : older.inception, inceptionReal != null ? inceptionReal : older.inceptionReal,
                    fid != null ? fid : older.fid, fidReal != null ? fidReal : older.fidReal,
                    ranking != null ? ranking : older.ranking, probe != null ? probe : older.probe);
        }
    }

    private Evaluation() {}

    /** Inception score and Frechet distance of {@code n} generated images (normalised values, row-major). */
    public static Report ofSamples(String source, float[] samples, int n, DigitClassifier classifier, Settings settings,
            Path classifierFolder) {
        Reference ref = Reference.of(classifier);
        Scores s = scores(samples, n, classifier, ref, settings);
        return new Report(source, null, classifier.info().dataset(), null, classifierUsed(classifier, classifierFolder, ref),
                s.inception, s.inceptionReal, s.fid, s.fidReal, null, null);
    }

    /**
     * Measures a trained model; pictures go into {@code outDir}.
     *
     * @param classifier needed for IS and FID, else may be {@code null}
     */
    public static Report ofRun(String source, EnergyGan model, Long steps, DigitClassifier classifier, Path classifierFolder,
            Settings settings, Path outDir) throws IOException {
        DataSpec data = model.config().data();
        Datasets.requireImages(data.dataset());
        Set<Metric> metrics = settings.metrics();
        Scores s = new Scores();
        ClassifierUsed used = null;
        if (metrics.contains(Metric.IS) || metrics.contains(Metric.FID)) {
            if (classifier == null) {
                throw new IllegalArgumentException("the inception score and FID need a classifier; train one with 'ebgan classifier train'");
            }
            if (!sameData(classifier.info().dataset(), data.dataset())) {
                throw new IllegalArgumentException("the classifier was trained on " + classifier.info().dataset() + " but the run on "
                        + data.dataset() + "; pass `classifier` with one trained on " + data.dataset());
            }
            Reference ref = Reference.of(classifier);
            used = classifierUsed(classifier, classifierFolder, ref);
            float[] samples = model.sample(settings.n(), settings.seed());
            int[] chw = model.config().networks().imageShape();
            if (chw != null) {
                // A convolutional model's images (padded digits, say) are brought back to what the classifier reads.
                samples = ImageSizes.fit(samples, settings.n(), chw[0], chw[1], 1, classifier.side());
            }
            s = scores(samples, settings.n(), classifier, ref, settings);
        }
        Ranking ranking = metrics.contains(Metric.RANK) ? rank(model, settings, outDir) : null;
        Probe probe = metrics.contains(Metric.PROBE) ? probe(model, settings) : null;
        return new Report(source, model.config().game().model(), data.dataset(), steps, used,
                s.inception, s.inceptionReal, s.fid, s.fidReal, ranking, probe);
    }

    private static boolean sameData(String a, String b) {
        return Path.of(a).getFileName().toString().equalsIgnoreCase(Path.of(b).getFileName().toString());
    }

    private static ClassifierUsed classifierUsed(DigitClassifier c, Path folder, Reference ref) {
        return new ClassifierUsed(folder == null ? null : folder.toString(), c.info().dataset(), c.info().heldOutAccuracy(),
                ref.heldOut.size());
    }

    /** The classifier's held-out images and as many training images, with their feature statistics. */
    private record Reference(TensorDataset heldOut, TensorDataset train) {
        static Reference of(DigitClassifier c) {
            DigitClassifier.Info info = c.info();
            Splits.Split split = Datasets.forTraining(info.dataset(), info.dataDir() == null ? null : Path.of(info.dataDir()),
                    0, null, info.holdOut(), 0);
            if (split.test() == null) {
                throw new IllegalArgumentException("the classifier's held-out images of " + info.dataset() + " are not available");
            }
            TensorDataset train = split.train().shuffled(1).head(split.test().size());
            return new Reference(split.test(), train);
        }
    }

    private static final class Scores {
        Inception inception;
        Inception inceptionReal;
        Double fid;
        Double fidReal;
    }

    private static Scores scores(float[] samples, int n, DigitClassifier classifier, Reference ref, Settings settings) {
        Scores s = new Scores();
        if (settings.metrics().contains(Metric.IS)) {
            s.inception = Inception.of(InceptionScore.compute(classifier.probabilities(samples, n), n, classifier.classes()));
            TensorDataset real = ref.heldOut;
            s.inceptionReal = Inception.of(InceptionScore.compute(classifier.probabilities(real.data(), real.size()), real.size(),
                    classifier.classes()));
        }
        if (settings.metrics().contains(Metric.FID)) {
            int dim = org.ebgan4j.nn.ClassifierNetwork.FEATURES;
            FrechetDistance.Gaussian real = FrechetDistance.Gaussian.fit(
                    classifier.features(ref.heldOut.data(), ref.heldOut.size()), ref.heldOut.size(), dim);
            FrechetDistance.Gaussian generated = FrechetDistance.Gaussian.fit(classifier.features(samples, n), n, dim);
            FrechetDistance.Gaussian train = FrechetDistance.Gaussian.fit(
                    classifier.features(ref.train.data(), ref.train.size()), ref.train.size(), dim);
            s.fid = FrechetDistance.of(generated, real);
            s.fidReal = FrechetDistance.of(train, real);
        }
        return s;
    }

    private static Ranking rank(EnergyGan model, Settings settings, Path outDir) throws IOException {
        DataSpec data = model.config().data();
        if (data.label() == null) {
            throw new IllegalArgumentException("ranking by energy needs a model trained on one class; train with `label` N and `holdOut` 500");
        }
        Splits.Split split = Datasets.forTraining(data.dataset(), data.dataDir() == null ? null : Path.of(data.dataDir()),
                data.maxSamples(), data.label(), data.holdOut(), model.config().schedule().seed(), data.imageSize());
        if (split.test() == null) {
            throw new IllegalArgumentException("the run has no held-out images to rank; train with `holdOut` 500");
        }
        TensorDataset test = model.fitData(split.test());
        TensorDataset train = model.fitData(split.train());
        int real = Math.min(settings.rankSize() / 2, test.size());
        int generated = settings.rankSize() - real;
        int dim = model.config().networks().dataDim();
        float[] images = new float[(generated + real) * dim];
        System.arraycopy(model.sample(generated, settings.seed()), 0, images, 0, generated * dim);
        System.arraycopy(test.data(), 0, images, generated * dim, real * dim);
        boolean[] isReal = new boolean[generated + real];
        java.util.Arrays.fill(isReal, generated, isReal.length, true);
        float[] energies = model.energies(images, generated + real);
        EnergyRanking.Result r = EnergyRanking.rank(energies, isReal);

        int k = Math.min(100, (generated + real) / 2);
        float[][] picked = new float[2][k * dim];
        boolean[][] framed = new boolean[2][k];
        int[][] indices = {r.top(k), r.bottom(k)};
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(images, indices[w][i] * dim, picked[w], i * dim, dim);
                framed[w][i] = isReal[indices[w][i]];
            }
        }
        List<String> pictures = RankingFigure.write(outDir, meanImage(train), picked[0], framed[0], picked[1], framed[1],
                ImageSizes.imageShape(test));
        return new Ranking(data.label(), generated, real, r.realFractionTopHalf(), r.realFractionBottomHalf(),
                mean(energies, generated, generated + real), mean(energies, 0, generated), pictures);
    }

    private static float[] meanImage(TensorDataset data) {
        float[] mean = new float[data.sampleSize()];
        float[] all = data.data();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += all[i * mean.length + j];
            }
        }
        for (int j = 0; j < mean.length; j++) {
            mean[j] /= data.size();
        }
        return mean;
    }

    private static double mean(float[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / Math.max(1, to - from);
    }

    /**
     * The probe reads every class: the run's data set with its usual split (the npm digits: 1000
     * held out by the fixed hold-out seed), whatever class the run itself was trained on.
     */
    private static Probe probe(EnergyGan model, Settings settings) {
        DataSpec data = model.config().data();
        int holdOut = data.dataset().equalsIgnoreCase("mnist-json") ? 1000
                : data.dataset().equalsIgnoreCase("images") ? (data.holdOut() > 0 ? data.holdOut() : 1000) : 0;
        Splits.Split split = Datasets.forTraining(data.dataset(), data.dataDir() == null ? null : Path.of(data.dataDir()),
                0, null, holdOut, 0, data.imageSize());
        if (split.test() == null) {
            throw new IllegalArgumentException("the linear probe needs labelled test images of " + data.dataset());
        }
        TensorDataset train = model.fitData(split.train());
        TensorDataset test = model.fitData(split.test());
        ProbeErrors trained = probeErrors(model, train, test, settings);
        ProbeErrors random;
        try (EnergyGan untrained = new EnergyGan(model.config())) {
            random = probeErrors(untrained, train, test, settings);
        }
        int width = model.features(java.util.Arrays.copyOf(test.data(), test.sampleSize()), 1).length;
        return new Probe(width, train.size(), test.size(), settings.probeSeeds(), trained, random);
    }

    private static ProbeErrors probeErrors(EnergyGan model, TensorDataset train, TensorDataset test, Settings settings) {
        float[] trainX = model.features(train.data(), train.size());
        float[] testX = model.features(test.data(), test.size());
        int dim = trainX.length / train.size();
        int classes = 1 + java.util.Arrays.stream(train.labels()).max().orElse(0);
        return ProbeErrors.of(LinearProbe.overSeeds(trainX, train.labels(), testX, test.labels(), dim, classes,
                settings.probe(), settings.probeSeeds()));
    }
}
