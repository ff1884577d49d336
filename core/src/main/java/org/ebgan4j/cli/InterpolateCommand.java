package org.ebgan4j.cli;

import org.ebgan4j.eval.LatentInterpolation;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan interpolate}: images along straight lines between noise vectors of a trained run. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Draw a trained generator's images along straight lines between pairs of noise vectors (one line per "
                + "row, the ends at the edges), and print each line's jump ratio: the largest change between neighbouring "
                + "images over the mean change (1: an even pace; near steps - 1: one jump, as from memorised images)."})
final class InterpolateCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'") Path run;
    @Option(names = "--rows", defaultValue = "8", description = "lines (default: ${DEFAULT-VALUE})") int rows;
    @Option(names = "--steps", defaultValue = "10", description = "images per line, both ends included (default: ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the lines' ends (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--out", description = "the PNG (default: RUN/interpolation.png)") Path out;

    @Override
    public Integer call() throws Exception {
        if (rows < 1 || steps < 2) {
            throw new IllegalArgumentException("--rows must be at least 1 and --steps at least 2 (the two ends); got " + rows + " and "
                    + steps);
        }
        Path png = out != null ? out : run.resolve("interpolation.png");
        if (!png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--out " + png + " must be a .png file");
        }
        try (EnergyGan model = EnergyGan.load(new RunFolder(run))) {
            if (model.config().networks().dataDim() == 2) {
                throw new IllegalArgumentException("the run " + run + " generates 2D points, not images; 'ebgan sample' draws them");
            }
            LatentInterpolation li = LatentInterpolation.of(model, rows, steps, seed);
            li.write(model, png);
            double[] r = li.jumpRatios();
            System.out.printf(Locale.ROOT, "wrote %d lines of %d images to %s; jump ratio per line: %s (mean %.2f)%n", rows, steps, png,
                    Arrays.stream(r).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList(), Arrays.stream(r).average().orElse(0));
        }
        return 0;
    }
}
