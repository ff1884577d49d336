package org.ebgan4j.cli;

import org.ebgan4j.eval.EnergyScores;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan energy}: scores data by a trained discriminator's energy (low = data-like). */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = "Score inputs by a trained run's energy (the discriminator's scalar; low means data-like).")
final class EnergyCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'")
    Path run;

    @Option(names = "--data", required = true,
            description = "a data set name (as for 'ebgan train --dataset'), or a .npy / .csv file of samples in the data's units "
                    + "(2D points; images in [0, 1], or 0..255 and [-1, 1], mapped with a note), one per row")
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
        if (out != null && (Files.isDirectory(out) || !out.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))) {
            throw new IllegalArgumentException("--out " + out + (Files.isDirectory(out) ? " is a folder" : " does not end in .csv")
                    + "; give the name of the CSV file to write, like energies.csv");
        }
        try (EnergyGan model = EnergyGan.load(new RunFolder(run))) {
            EnergyScores scores = EnergyScores.of(model, data, dataDir, test, maxSamples);
            if (out != null) {
                scores.writeCsv(out);
            }
            System.out.print(scores.summary());
            if (out != null) {
                System.out.println("wrote " + scores.size() + " energies to " + out);
            } else if (scores.size() <= 20) {
                for (int i = 0; i < scores.size(); i++) {
                    System.out.printf("%d\t%.6g%n", i, scores.energies()[i]);
                }
            }
        }
        return 0;
    }
}
