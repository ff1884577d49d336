package org.ebgan4j.cli;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.plot.RunPictures;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.ModelKind;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code ebgan quickstart}: the main job on built-in data, no download. Trains EBGAN-PT on the
 * calibrated-EBGAN paper's mixture of four Gaussians, generated in code, then scores held-out
 * mixture samples against uniform points by the learned energy.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Train EBGAN-PT on a built-in 2D mixture of four Gaussians (no download) and draw its samples and energy.")
final class QuickstartCommand implements Callable<Integer> {

    @Option(names = "--out", description = "run folder (default: runs/quickstart, or runs/quickstart-N if taken)")
    Path out;

    @Option(names = "--steps", defaultValue = "4000", description = "training steps (default: ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--seed", defaultValue = "0", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        TensorDataset data = Datasets.load("gaussians4", null, 20_000, seed);
        TrainConfig d = TrainConfigs.defaults(ModelKind.EBGAN_PT,
                new TrainConfig.DataConfig("gaussians4", null, 20_000, data.scale(), data.offset()), data.sampleSize());
        TrainConfig.RunSchedule s = d.schedule();
        TrainConfig config = d.withSchedule(new TrainConfig.RunSchedule(128, 0, steps, seed, s.logEvery(), 1000, 1000));
        RunFolder run = new RunFolder(out != null ? out : freeFolder(Path.of("runs", "quickstart")));
        System.out.printf("quickstart: EBGAN-PT on a mixture of 4 Gaussians (%d generated points), %d steps, into %s%n",
                data.size(), steps, run.root());
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result r = trainer.fit(data, run,
                    new AdversarialTrainer.FitOptions(false, !quiet, List.of(new RunPictures(data))));
            System.out.printf("trained %d steps in %.1f s: D loss %.4f, G loss %.4f, mean energy real %.4f, fake %.4f%n",
                    r.steps(), r.seconds(), r.last().get("loss_d"), r.last().get("loss_g"),
                    r.last().get("energy_real"), r.last().get("energy_fake"));
            scoreByEnergy(gan, seed);
        }
        Path root = run.root();
        System.out.println("pictures:");
        System.out.println("  samples over the data: " + root.resolve("samples/final.png"));
        System.out.println("  learned energy:        " + root.resolve("samples/final-energy.png"));
        System.out.println("  energy curves:         " + root.resolve("energy.png"));
        System.out.println("metrics: " + run.metrics() + "; config: " + run.config());
        return 0;
    }

    /** Held-out mixture samples should sit lower in the learned energy than uniform points over the same square. */
    private static void scoreByEnergy(EnergyGan gan, long seed) {
        int n = 2000;
        float[] held = Datasets.load("gaussians4", null, n, seed + 1).data();
        float[] uniform = new float[2 * n];
        SplittableRandom rng = new SplittableRandom(seed + 2);
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        double eData = mean(gan.energies(held, n));
        double eUniform = mean(gan.energies(uniform, n));
        System.out.printf("mean learned energy: held-out mixture samples %.4f, uniform points %.4f%n", eData, eUniform);
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static Path freeFolder(Path base) {
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = Path.of(base + "-" + i);
        }
        return p;
    }
}
