package org.ebgan4j.experiments;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.eval.RunEvaluation;
import org.ebgan4j.game.BeganGame;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigBuilder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BEGAN's quality-diversity trade-off (Berthelot et al. 2017, section 3.4): gamma = E[L(G(z))] /
 * E[L(x)] sets how much the discriminator attends to auto-encoding real images against telling
 * fakes apart; a low gamma should give sharper, less varied images. One BEGAN per gamma, the same
 * options and seed otherwise, each scored by the digit classifier: the inception score and FID for
 * quality, and for diversity the mean distance between pairs of samples and the classes the
 * classifier finds among them (those of at least 1% of the samples).
 */
public final class GammaSweep {

    /** One gamma's run and scores. */
    public record Row(float gamma, long steps, double inceptionScore, double fid, double meanPairwiseDistance, int classes,
            double k, double mGlobal, Path run) {}

    /** Samples compared pairwise for the distance (all pairs of the first this many). */
    public static final int PAIRWISE_SAMPLES = 500;

    private GammaSweep() {}

    /**
     * Trains and scores a BEGAN for each of {@code gammas} into {@code out/gamma-G}, with {@code options}
     * (the builder's names, as {@code ebgan train} takes them) on {@code dataset}; finished runs are
     * scored again, not retrained.
     *
     * @param samples samples scored per run
     */
    public static List<Row> run(String dataset, Map<String, Object> options, List<Float> gammas, Path out, Path classifier,
            int samples, PrintStream log) throws IOException {
        if (gammas.isEmpty()) {
            throw new IllegalArgumentException("name at least one gamma, e.g. 0.3,0.5,0.7,1.0");
        }
        List<Row> rows = new ArrayList<>();
        for (float gamma : gammas) {
            TrainConfigBuilder b = TrainConfig.builder().setModel("began").setDataset(dataset);
            options.forEach(b::option);
            b.optGamma(gamma);
            PreparedRun prepared = b.prepare();
            RunFolder folder = new RunFolder(out.resolve(String.format(Locale.ROOT, "gamma-%s", gamma)));
            AdversarialTrainer.Result trained;
            double k;
            double mGlobal;
            try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
                trained = trainer.fit(prepared.data(), folder, new AdversarialTrainer.FitOptions(folder.holdsRun(), false, List.of()));
                k = ((BeganGame) gan.game()).k();
            }
            mGlobal = lastLogged(folder, BeganGame.CONVERGENCE);
            Evaluation.Report report = RunEvaluation.ofRun(folder.root(), new Evaluation.Settings(EnumSet.of(Evaluation.Metric.IS,
                    Evaluation.Metric.FID), samples, 0, 1000, 1, org.ebgan4j.eval.LinearProbe.Config.defaults()), classifier, folder.root());
            double[] diversity;
            try (EnergyGan gan = EnergyGan.load(folder); DigitClassifier c = DigitClassifier.load(classifier)) {
                diversity = diversity(gan.sample(samples, 0), samples, gan.config().networks().dataDim(), c);
            }
            Row row = new Row(gamma, trained.steps(), report.inception().score(), report.fid(), diversity[0], (int) diversity[1], k,
                    mGlobal, folder.root());
            log.printf(Locale.ROOT, "gamma %.2f: %d steps, IS %.4f, FID %.2f, mean pairwise distance %.3f, %d classes, k %.4f%n",
                    gamma, row.steps(), row.inceptionScore(), row.fid(), row.meanPairwiseDistance(), row.classes(), row.k());
            rows.add(row);
        }
        AtomicFiles.writeString(out.resolve("gamma-sweep.md"), table(rows));
        return rows;
    }

    /** The last value of a metric in the run's {@code metrics.jsonl}, NaN when it has none. */
    private static double lastLogged(RunFolder folder, String metric) throws IOException {
        Path log = folder.root().resolve("metrics.jsonl");
        double value = Double.NaN;
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log)) {
                com.fasterxml.jackson.databind.JsonNode n = Json.mapper().readTree(line);
                if (n.has(metric)) {
                    value = n.get(metric).asDouble();
                }
            }
        }
        return value;
    }

    /** Mean Euclidean distance over the pairs of the first {@link #PAIRWISE_SAMPLES} samples, and the classes of at least 1% of all. */
    static double[] diversity(float[] x, int n, int dim, DigitClassifier classifier) {
        float[] p = classifier.probabilities(x, n);
        return new double[] {meanPairwiseDistance(x, Math.min(n, PAIRWISE_SAMPLES), dim), classesFound(p, n, classifier.classes())};
    }

    /** Mean Euclidean distance over the pairs of the first {@code m} samples of {@code dim} values. */
    public static double meanPairwiseDistance(float[] x, int m, int dim) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double d = 0;
                for (int v = 0; v < dim; v++) {
                    double diff = x[i * dim + v] - x[j * dim + v];
                    d += diff * diff;
                }
                sum += Math.sqrt(d);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /** Classes that are the most probable one for at least 1% of {@code n} samples ({@code p}: n rows of class probabilities). */
    public static int classesFound(float[] p, int n, int classes) {
        int[] counts = new int[classes];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[i * classes + c] > p[i * classes + best]) {
                    best = c;
                }
            }
            counts[best]++;
        }
        int found = 0;
        for (int c : counts) {
            if (c >= 0.01 * n) {
                found++;
            }
        }
        return found;
    }

    /** The sweep as a Markdown table. */
    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder("| gamma | steps | inception score | FID | mean pairwise distance | classes | k_t | M_global |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %.2f | %d | %.4f | %.2f | %.3f | %d | %.4f | %.4f |%n", r.gamma(), r.steps(),
                    r.inceptionScore(), r.fid(), r.meanPairwiseDistance(), r.classes(), r.k(), r.mGlobal()));
        }
        return b.toString();
    }
}
