package org.ebgan4j.cli;

import org.ebgan4j.experiments.GammaSweep;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ebgan gamma-sweep}: BEGAN at several gammas, quality against diversity. */
@Command(name = "gamma-sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train BEGAN at each gamma with the same options and seed, and print quality (inception score, FID) "
                + "against diversity (mean pairwise distance of samples, classes found among them); finished runs are not redone.")
final class GammaSweepCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--gammas", split = ",", defaultValue = "0.3,0.5,0.7,1.0", description = "gammas (default: ${DEFAULT-VALUE})")
    List<Float> gammas;
    @Option(names = "--dataset", defaultValue = "mnist-json", description = "digits: mnist-json or mnist (default: ${DEFAULT-VALUE})")
    String dataset;
    @Option(names = "--data-dir") Path dataDir;
    @Option(names = "--classifier", required = true, description = "digit classifier folder ('ebgan classifier train')") Path classifier;
    @Option(names = "--arch", description = "a convolutional preset (default: the fully connected networks)") String arch;
    @Option(names = "--epochs", description = "epochs of each run") Integer epochs;
    @Option(names = "--steps", description = "steps of each run, instead of epochs") Long steps;
    @Option(names = "--batch", description = "batch size") Integer batch;
    @Option(names = "--lr", description = "learning rate of both networks (default: BEGAN's 0.0001)") Float lr;
    @Option(names = "--hold-out", defaultValue = "1000", description = "images kept out of training (default: ${DEFAULT-VALUE})")
    int holdOut;
    @Option(names = "--seed", defaultValue = "0") long seed;
    @Option(names = "--samples", defaultValue = "5000", description = "samples scored per run (default: ${DEFAULT-VALUE})") int samples;
    @Option(names = "--out", defaultValue = "runs/gamma-sweep", description = "folder of the runs and the table (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (gammas.stream().anyMatch(g -> !(g > 0 && g <= 1))) {
            throw new IllegalArgumentException("--gammas must each lie in (0, 1]; got " + gammas);
        }
        if (!Files.isDirectory(classifier)) {
            throw new IllegalArgumentException("--classifier " + classifier + " is not a folder; train one with 'ebgan classifier train'");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "dataDir", dataDir == null ? null : dataDir.toString());
        put(options, "arch", arch);
        put(options, "epochs", epochs);
        put(options, "steps", steps);
        put(options, "batch", batch);
        put(options, "lr", lr);
        options.put("holdOut", holdOut);
        options.put("seed", seed);
        List<GammaSweep.Row> rows = GammaSweep.run(dataset, options, gammas, out, classifier, samples, System.out);
        System.out.print(GammaSweep.table(rows));
        System.out.println("table in " + out.resolve("gamma-sweep.md"));
        return 0;
    }

    private static void put(Map<String, Object> options, String name, Object value) {
        if (value != null) {
            options.put(name, value);
        }
    }
}
