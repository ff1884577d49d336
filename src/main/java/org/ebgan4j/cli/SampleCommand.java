package org.ebgan4j.cli;

import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.plot.RunPictures;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan sample}: draws from a trained generator into a PNG grid, a NumPy file or a CSV file. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a trained run: a PNG picture, or raw values as .npy or .csv (in the data's units).")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'")
    Path run;

    @Option(names = "--n", defaultValue = "64", description = "number of samples (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "noise seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "grid.png, samples.npy or samples.csv")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1, got " + n);
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("--out must end in .png, .npy or .csv, got " + out);
        }
        try (EnergyGan model = EnergyGan.load(new RunFolder(run))) {
            float[] samples = model.sample(n, seed);
            int dim = model.config().network().dataDim();
            if (name.endsWith(".png")) {
                RunPictures.writeSamples(model, samples, n, out);
            } else if (name.endsWith(".npy")) {
                SampleWriters.writeNpy(out, model.toRaw(samples), new long[] {n, dim});
            } else {
                SampleWriters.writeCsv(out, model.toRaw(samples), n, dim);
            }
            System.out.printf("wrote %d samples to %s%n", n, out);
        }
        return 0;
    }
}
