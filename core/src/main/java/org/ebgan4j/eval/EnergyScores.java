package org.ebgan4j.eval;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.train.EnergyGan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Inputs scored by a trained model's energy, the discriminator's scalar: low means data-like. The
 * inputs are a file of samples in the data's units or a data set's split, with their labels if any.
 *
 * @param labels one class per input, or {@code null}
 */
public record EnergyScores(float[] energies, int[] labels) {

    /**
     * Scores {@code source}: a {@code .npy} or {@code .csv} file of samples (see {@link #ofFile}), or
     * else a data set's name ({@link #ofDataset}).
     */
    public static EnergyScores of(EnergyGan model, String source, Path dataDir, boolean test, int maxSamples) throws IOException {
        requireMaxSamples(maxSamples);
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy") || lower.endsWith(".csv")) {
            if (test || dataDir != null) {
                throw new IllegalArgumentException((test ? "`test`" : "`dataDir`") + " applies to a data set, not to the file of samples "
                        + source + "; leave it out");
            }
            return ofFile(model, Path.of(source), maxSamples);
        }
        return ofDataset(model, source, dataDir, test, maxSamples);
    }

    /**
     * Scores the samples of a {@code .npy} or {@code .csv} file, one per row in the data's units
     * (pixels in [0, 1], 2D coordinates), at most {@code maxSamples} of them (0: all). The file is
     * checked by {@link SampleInputs}: its shape against the model's, finite values, the range of images.
     */
    public static EnergyScores ofFile(EnergyGan model, Path file, int maxSamples) throws IOException {
        requireMaxSamples(maxSamples);
        float[] raw = SampleInputs.read(file, SampleInputs.Reader.of(model), System.err);
        return score(model, model.fromRaw(raw), null, maxSamples);
    }

    private static void requireMaxSamples(int maxSamples) {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("`maxSamples` must be 0 (all) or more, got " + maxSamples);
        }
    }

    /** Scores a data set's training split (or its test split), fitted to the model's images, at most {@code maxSamples} (0: all). */
    public static EnergyScores ofDataset(EnergyGan model, String dataset, Path dataDir, boolean test, int maxSamples) {
        requireMaxSamples(maxSamples);
        int dim = model.config().networks().dataDim();
        TensorDataset ds = model.fitData(test ? Datasets.loadTest(dataset, dataDir, maxSamples)
                : Datasets.load(dataset, dataDir, maxSamples, 0));
        if (ds.sampleSize() != dim) {
            throw new IllegalArgumentException(dataset + " has samples of " + ds.sampleSize() + " values; this run's model takes " + dim);
        }
        return score(model, ds.data(), ds.labels(), maxSamples);
    }

    private static EnergyScores score(EnergyGan model, float[] values, int[] labels, int maxSamples) {
        int dim = model.config().networks().dataDim();
        int n = values.length / dim;
        if (maxSamples > 0 && n > maxSamples) {
            n = maxSamples;
            values = Arrays.copyOf(values, n * dim);
            labels = labels == null ? null : Arrays.copyOf(labels, n);
        }
        return new EnergyScores(model.energies(values, n), labels);
    }

    public int size() {
        return energies.length;
    }

    /** {@code index,label,energy} rows, written atomically. */
    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("index,label,energy\n");
        for (int i = 0; i < energies.length; i++) {
            csv.append(i).append(',').append(labels == null ? "" : String.valueOf(labels[i])).append(',').append(energies[i]).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** Mean, deviation, minimum, median and maximum of the energies, and the mean per label. */
    public String summary() {
        float[] e = energies;
        double mean = 0;
        for (float v : e) {
            mean += v;
        }
        mean /= e.length;
        double var = 0;
        for (float v : e) {
            var += (v - mean) * (v - mean);
        }
        float[] sorted = e.clone();
        Arrays.sort(sorted);
        StringBuilder out = new StringBuilder(String.format("energy of %d inputs: mean %.4g, std %.4g, min %.4g, median %.4g, max %.4g%n",
                e.length, mean, Math.sqrt(var / e.length), sorted[0], sorted[e.length / 2], sorted[e.length - 1]));
        if (labels != null) {
            int classes = Arrays.stream(labels).max().orElse(-1) + 1;
            for (int c = 0; c < classes; c++) {
                double s = 0;
                int k = 0;
                for (int i = 0; i < e.length; i++) {
                    if (labels[i] == c) {
                        s += e[i];
                        k++;
                    }
                }
                if (k > 0) {
                    out.append(String.format("  label %d: %d inputs, mean energy %.4g%n", c, k, s / k));
                }
            }
        }
        return out.toString();
    }
}
