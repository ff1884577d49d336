package org.ebgan4j.cli;

import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.SampleFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ebgan sample}: draws from a trained generator into a PNG grid, a NumPy file or a CSV file. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw samples from a trained run: a PNG picture, or raw values as .npy or .csv (in the data's units).")
final class SampleCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

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
        SampleFiles.requireSupported(out);
        SampleFiles.requireCount(n, 1, out);
        try (EnergyGan model = EnergyGan.load(new RunFolder(run))) {
            SampleFiles.requireCount(n, model.config().networks().dataDim(), out);
            SampleFiles.write(model, model.sample(n, seed), n, out);
            System.out.printf("wrote %d samples to %s%n", n, out);
        }
        return 0;
    }
}
