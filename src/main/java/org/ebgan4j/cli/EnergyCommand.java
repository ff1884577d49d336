package org.ebgan4j.cli;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan energy}: scores data by a trained discriminator's energy (low = data-like). */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Score inputs by a trained run's energy (the discriminator's scalar; low means data-like).")
final class EnergyCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'")
    Path run;

    @Option(names = "--data", required = true,
            description = "a data set name (as for 'ebgan train --dataset'), or a .npy / .csv file of samples in the data's units")
    String data;

    @Option(names = "--data-dir", description = "folder of the named data set's files")
    Path dataDir;

    @Option(names = "--test", description = "score the data set's test split instead of its training split, where it has one")
    boolean test;

    @Option(names = "--max-samples", defaultValue = "0", description = "score at most this many (default: all)")
    int maxSamples;

    @Option(names = "--out", description = "write 'index,label,energy' rows to this CSV file")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (EnergyGan model = EnergyGan.load(new RunFolder(run))) {
            int dim = model.config().network().dataDim();
            float[] values;
            int[] labels = null;
            String lower = data.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".npy") || lower.endsWith(".csv")) {
                SampleWriters.Samples s = lower.endsWith(".npy") ? SampleWriters.readNpy(Path.of(data)) : SampleWriters.readCsv(Path.of(data));
                if (s.values().length % dim != 0 || s.values().length == 0) {
                    throw new IllegalArgumentException(data + " holds " + s.values().length + " values, not a whole number of "
                            + dim + "-value samples that this run's model takes");
                }
                values = model.fromRaw(s.values());
            } else {
                TensorDataset ds = test ? Datasets.loadTest(data, dataDir, maxSamples) : Datasets.load(data, dataDir, maxSamples, 0);
                if (model.config().conv() != null) {
                    ds = model.fitData(ds);
                }
                if (ds.sampleSize() != dim) {
                    throw new IllegalArgumentException(data + " has samples of " + ds.sampleSize() + " values; this run's model takes " + dim);
                }
                values = ds.data();
                labels = ds.labels();
            }
            int n = values.length / dim;
            if (maxSamples > 0 && n > maxSamples) {
                n = maxSamples;
                values = Arrays.copyOf(values, n * dim);
            }
            float[] energies = model.energies(values, n);
            if (out != null) {
                StringBuilder csv = new StringBuilder("index,label,energy\n");
                for (int i = 0; i < n; i++) {
                    csv.append(i).append(',').append(labels == null ? "" : String.valueOf(labels[i])).append(',').append(energies[i]).append('\n');
                }
                AtomicFiles.writeString(out, csv.toString());
            }
            printSummary(energies, labels, out);
        }
        return 0;
    }

    private static void printSummary(float[] e, int[] labels, Path out) {
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
        System.out.printf("energy of %d inputs: mean %.4g, std %.4g, min %.4g, median %.4g, max %.4g%n",
                e.length, mean, Math.sqrt(var / e.length), sorted[0], sorted[e.length / 2], sorted[e.length - 1]);
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
                    System.out.printf("  label %d: %d inputs, mean energy %.4g%n", c, k, s / k);
                }
            }
        }
        if (out != null) {
            System.out.println("wrote " + e.length + " energies to " + out);
        } else if (e.length <= 20) {
            for (int i = 0; i < e.length; i++) {
                System.out.printf("%d\t%.6g%n", i, e[i]);
            }
        }
    }
}
