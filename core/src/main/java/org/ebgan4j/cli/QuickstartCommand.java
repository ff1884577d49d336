package org.ebgan4j.cli;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.eval.EnergyContrast;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.RunPictures;
import org.ebgan4j.train.TrainConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ebgan quickstart}: the main job on built-in data, no download. Trains EBGAN-PT on the
 * calibrated-EBGAN paper's mixture of four Gaussians, generated in code, then scores held-out
 * mixture samples against uniform points by the learned energy.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Train EBGAN-PT on a built-in 2D mixture of four Gaussians (no download) and draw its samples and energy.")
final class QuickstartCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

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
        PreparedRun prepared = TrainConfig.builder()
                .setModel("ebgan-pt")
                .setDataset("gaussians4")
                .optMaxSamples(20_000)
                .optBatchSize(128)
                .optSteps(steps)
                .optSeed(seed)
                .optSampleEvery(1000)
                .optCheckpointEvery(1000)
                .prepare();
        RunFolder run = out != null ? new RunFolder(out) : RunFolder.free(Path.of("runs", "quickstart"));
        System.out.printf("quickstart: EBGAN-PT on a mixture of 4 Gaussians (%d generated points), %d steps, into %s%n",
                prepared.data().size(), steps, run.root());
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result r = trainer.fit(prepared.data(), run,
                    new AdversarialTrainer.FitOptions(false, !quiet, List.of(new RunPictures(prepared.data()))));
            System.out.printf("trained %d steps in %.1f s: D loss %.4f, G loss %.4f, mean energy real %.4f, fake %.4f%n",
                    r.steps(), r.seconds(), r.last().get("loss_d"), r.last().get("loss_g"),
                    r.last().get("energy_real"), r.last().get("energy_fake"));
            EnergyContrast contrast = EnergyContrast.of(gan, Datasets.mixture("gaussians4"), 2000, seed);
            System.out.printf("mean learned energy: held-out mixture samples %.4f, uniform points %.4f%n",
                    contrast.heldOut(), contrast.uniform());
        }
        Path root = run.root();
        System.out.println("pictures:");
        System.out.println("  samples over the data: " + root.resolve("samples/final.png"));
        System.out.println("  learned energy:        " + root.resolve("samples/final-energy.png"));
        System.out.println("  energy curves:         " + root.resolve("energy.png"));
        System.out.println("metrics: " + run.metrics() + "; config: " + run.config());
        return 0;
    }
}
