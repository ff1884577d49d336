package org.ebgan4j.cli;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.Splits;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.semi.SemiSupervisedTraining;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ebgan semi}: the EBGAN paper's semi-supervised digits (section 4.2), ladder network alone or as EBGAN-LN. */
@Command(name = "semi", mixinStandardHelpOptions = true,
        description = "Semi-supervised permutation-invariant digits: a ladder network (bottom-layer cost), EBGAN-LN (the ladder "
                + "as the EBGAN discriminator) or the supervised baseline, on the npm digits' 9,000 training images of which "
                + "--labels keep their labels; test error on the 1,000 held-out images.")
final class SemiCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--model", defaultValue = "ladder", description = "ladder, ebgan-ladder or supervised (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--labels", defaultValue = "100", description = "labelled images, balanced over the classes (default: ${DEFAULT-VALUE})")
    int labels;

    @Option(names = "--seeds", defaultValue = "1", description = "N seeds from --first-seed, each its own split of labels and run (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", description = "the first seed (default: ${DEFAULT-VALUE})")
    int firstSeed;

    @Option(names = "--epochs", defaultValue = "10", description = "passes over the training images (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--dataset", defaultValue = "mnist-json", description = "mnist-json (default) or mnist")
    String dataset;

    @Option(names = "--data-dir", description = "folder of the data set's files") Path dataDir;

    @Option(names = "--margin", defaultValue = "5", description = "EBGAN-LN's margin at the start (default: ${DEFAULT-VALUE}, "
            + "the best start of those searched, README)")
    float margin;

    @Option(names = "--margin-decay", defaultValue = "linear", description = "constant, linear or exponential (default: ${DEFAULT-VALUE})")
    String marginDecay;

    @Option(names = "--margin-end", defaultValue = "0", description = "margin at the end of the decay (default: ${DEFAULT-VALUE})")
    float marginEnd;

    @Option(names = "--margin-decay-epochs", description = "epochs over which the margin decays (default: all)")
    Integer marginDecayEpochs;

    @Option(names = "--lambda0", defaultValue = "1000", description = "weight of the bottom-layer cost (default: ${DEFAULT-VALUE})")
    float lambda0;

    @Option(names = "--noise", defaultValue = "0.3", description = "Gaussian corruption of every layer (default: ${DEFAULT-VALUE})")
    float noise;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
    float lr;

    @Option(names = "--out", defaultValue = "runs/semi", description = "folder of the runs (default: ${DEFAULT-VALUE})") Path out;

    @Override
    public Integer call() throws Exception {
        SemiSupervisedTraining.Model m = switch (model.toLowerCase(Locale.ROOT)) {
            case "ladder" -> SemiSupervisedTraining.Model.LADDER;
            case "ebgan-ladder", "ebgan-ln" -> SemiSupervisedTraining.Model.EBGAN_LADDER;
            case "supervised" -> SemiSupervisedTraining.Model.SUPERVISED;
            default -> throw new IllegalArgumentException("--model '" + model + "' is not one of ladder, ebgan-ladder, supervised");
        };
        if (seeds < 1 || epochs < 1) {
            throw new IllegalArgumentException("--seeds and --epochs must be at least 1");
        }
        Splits.Split split = Datasets.forTraining(dataset, dataDir, 0, null, 1000, 1);
        int perEpoch = split.train().size() / 100;
        long decaySteps = (long) perEpoch * (marginDecayEpochs == null ? epochs : marginDecayEpochs);
        MarginSchedule schedule = switch (marginDecay.toLowerCase(Locale.ROOT)) {
            case "constant" -> MarginSchedule.constant(margin);
            case "linear" -> new MarginSchedule(MarginSchedule.Kind.LINEAR, margin, marginEnd, decaySteps);
            case "exponential" -> new MarginSchedule(MarginSchedule.Kind.EXPONENTIAL, margin, marginEnd, decaySteps);
            default -> throw new IllegalArgumentException("--margin-decay '" + marginDecay + "' is not one of constant, linear, exponential");
        };
        double[] errors = new double[seeds];
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            SemiSupervisedTraining.Settings d = SemiSupervisedTraining.Settings.defaults(m, labels, seed);
            SemiSupervisedTraining.Settings s = new SemiSupervisedTraining.Settings(m, labels, seed, epochs, d.batch(), lr,
                    noise, lambda0, schedule, d.lrG(), d.noiseDim(), d.decayFrom());
            Path runDir = out.resolve(String.format(Locale.ROOT, "%s-%d-seed%d", model.toLowerCase(Locale.ROOT), labels, seed));
            SemiSupervisedTraining.Result r = SemiSupervisedTraining.run(split.train(), split.test(), s, runDir, System.out);
            errors[seed - firstSeed] = r.last();
            System.out.printf(Locale.ROOT, "%s seed %d: test error %.2f%% in %.0f s (%s)%n", model, seed, 100 * r.last(), r.seconds(), runDir);
        }
        double mean = java.util.Arrays.stream(errors).average().orElse(Double.NaN);
        double sd = seeds < 2 ? 0 : Math.sqrt(java.util.Arrays.stream(errors).map(e -> (e - mean) * (e - mean)).sum() / (seeds - 1));
        System.out.printf(Locale.ROOT, "%s, %d labels, %d seeds: test error %.2f%% +- %.2f%%%n", model, labels, seeds, 100 * mean, 100 * sd);
        return 0;
    }
}
