package org.ebgan4j.train;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.DataTraits;
import org.ebgan4j.game.GameParameters;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.ConvolutionalSpec;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.nn.NoiseKind;
import org.ebgan4j.nn.OutputActivation;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.ebgan4j.optim.OptimizerSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link TrainConfig} in DJL's style: {@code setX} for what is required (the model and the
 * data set), {@code optX} for what overrides a default. {@link #build(TensorDataset)} starts from the
 * papers' defaults for the model and the data (2D points or images), applies what was given and
 * checks every part against the data; {@link #prepare()} also loads the data.
 *
 * <p>Defaults: fully connected G 3x800 and D 2x256 with batch normalisation, Tanh outputs and noise
 * of 100 for images, 128 units, linear outputs and noise of 4 for 2D points (a layer count includes
 * the output layer); D weights N(0, 0.002), G weights N(0, 0.02); Adam with the model's paper's
 * learning rate and beta1 0.5; batch 64, one epoch. The calibrated games on 2D data follow
 * {@link Calibrated2dRecipe}. Options that do not apply to the chosen model or networks are refused.
 */
public final class TrainConfigBuilder {

    /** The options besides the game's parameters, by the names {@link #option} takes. */
    public static final List<String> OPTIONS = List.of("dataDir", "maxSamples", "label", "holdOut", "imageSize", "randomCrop",
            "arch", "generator", "encoder", "decoder", "critic", "noisePlanes", "noiseDim", "layersG", "sizeG", "layersD", "sizeD",
            "dropoutD", "batchNorm", "batchNormD", "initStdG", "initStdD", "optimD", "optimG", "lr", "lrD", "lrG", "beta1", "beta2", "momentum", "lrDecay",
            "decayAfter", "batch", "epochs",
            "steps", "seed", "logEvery", "sampleEvery", "checkpointEvery", "calibrated2dRecipe");

    private static final List<String> FULLY_CONNECTED = List.of("noiseDim", "layersG", "sizeG", "layersD", "sizeD", "dropoutD",
            "initStdG", "initStdD");
    private static final List<String> LAYERS = List.of("generator", "encoder", "decoder", "critic", "noisePlanes");
    private static final List<String> OPTIMIZER = List.of("optimD", "optimG", "lr", "lrD", "lrG", "beta1", "beta2", "momentum",
            "lrDecay", "decayAfter");

    private String model;
    private String dataset;
    private GameSpec game;
    private NetworkSpec networks;
    private TrainConfig.OptimizerConfig optimizer;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final Map<String, Object> gameParameters = new LinkedHashMap<>();

    TrainConfigBuilder() {}

    /** The model by name ({@link GameSpec#models()}); its game starts from the paper's defaults. */
    public TrainConfigBuilder setModel(String name) {
        this.model = name;
        return this;
    }

    /** The game in full, instead of a model name and game parameters. */
    public TrainConfigBuilder setGame(GameSpec spec) {
        this.game = spec;
        return this;
    }

    /** A data set by name ({@link Datasets#NAMES}) or a mixture {@code .json} file. */
    public TrainConfigBuilder setDataset(String name) {
        this.dataset = name;
        return this;
    }

    /**
     * Any option by name, as {@code ebgan train}'s flags name them in camel case ({@code layersG} for
     * {@code --layers-g}): {@code model}, {@code dataset}, one of {@link #OPTIONS}, or else a parameter
     * of the game, which the model's spec reads (and refuses if it does not take it). {@code null} removes the option; strings are
     * accepted for enum values. The typed {@code optX} methods set the same options.
     */
    public TrainConfigBuilder option(String name, Object value) {
        if (name.equals("model") || name.equals("dataset")) {
            require(value == null || value instanceof String, "`" + name + "` must be a name, got " + value);
            return name.equals("model") ? setModel((String) value) : setDataset((String) value);
        }
        Map<String, Object> target = OPTIONS.contains(name) ? options : gameParameters;
        if (value == null) {
            target.remove(name);
        } else {
            target.put(name, value);
        }
        return this;
    }

    public TrainConfigBuilder optDataDir(Path dir) {
        return option("dataDir", dir == null ? null : dir.toString());
    }

    public TrainConfigBuilder optMaxSamples(int n) {
        return option("maxSamples", n);
    }

    /** Train on one class only. */
    public TrainConfigBuilder optLabel(int classLabel) {
        return option("label", classLabel);
    }

    /** Keep this many samples out of training, chosen by a fixed seed, for evaluation. */
    public TrainConfigBuilder optHoldOut(int n) {
        return option("holdOut", n);
    }

    /** Side that folder images are resized and centre-cropped to. */
    public TrainConfigBuilder optImageSize(int side) {
        return option("imageSize", side);
    }

    /** Train on a random square patch of this side of every image, drawn anew each time. */
    public TrainConfigBuilder optRandomCrop(int side) {
        return option("randomCrop", side);
    }

    /** The networks in full, instead of a preset or network options. */
    public TrainConfigBuilder optNetworks(NetworkSpec spec) {
        this.networks = spec;
        return this;
    }

    /** A convolutional preset ({@link ConvArchitecture#presetNames()}); images are fitted to it. */
    public TrainConfigBuilder optArchitecture(String preset) {
        return option("arch", preset);
    }

    /** Convolutional layers in the papers' notation, for the images as they come (or for the crop). */
    public TrainConfigBuilder optLayers(String generatorLayers, String encoderLayers, String decoderLayers) {
        return option("generator", generatorLayers).option("encoder", encoderLayers).option("decoder", decoderLayers);
    }

    /** The critic's layers of a custom architecture (default: the encoder's). */
    public TrainConfigBuilder optCriticLayers(String layers) {
        return option("critic", layers);
    }

    /** A custom architecture's noise: z's dimension, then the noise planes of each later generator layer. */
    public TrainConfigBuilder optNoisePlanes(List<Integer> planes) {
        return option("noisePlanes", planes == null ? null : List.copyOf(planes));
    }

    public TrainConfigBuilder optNoiseDim(int dim) {
        return option("noiseDim", dim);
    }

    /** Linear layers of the fully connected G, output included. */
    public TrainConfigBuilder optLayersG(int n) {
        return option("layersG", n);
    }

    public TrainConfigBuilder optSizeG(int units) {
        return option("sizeG", units);
    }

    /** Linear layers of the fully connected D: encoder layers and one decoder layer. */
    public TrainConfigBuilder optLayersD(int n) {
        return option("layersD", n);
    }

    public TrainConfigBuilder optSizeD(int units) {
        return option("sizeD", units);
    }

    /** Dropout rate after D's hidden layers. */
    public TrainConfigBuilder optDropoutD(float rate) {
        return option("dropoutD", rate);
    }

    /** Standard deviation of the fully connected G's initial weights (the EBGAN paper: 0.02). */
    public TrainConfigBuilder optInitStdG(float std) {
        return option("initStdG", std);
    }

    /** Standard deviation of the fully connected D's initial weights (the EBGAN paper: 0.002). */
    public TrainConfigBuilder optInitStdD(float std) {
        return option("initStdD", std);
    }

    /** Batch normalisation in every network (D's own choice, if given, wins for D). */
    public TrainConfigBuilder optBatchNorm(boolean on) {
        return option("batchNorm", on);
    }

    /** Batch normalisation in D; without it the energy reads one sample at a time, as ranking and scoring need. */
    public TrainConfigBuilder optBatchNormD(boolean on) {
        return option("batchNormD", on);
    }

    /** The EBGAN margin, or the calibrated games' hinge on the cost gap. */
    public TrainConfigBuilder optMargin(float margin) {
        return option("margin", margin);
    }

    /** The EBGAN paper's margin for a data set ({@link org.ebgan4j.objective.MarginPresets}). */
    public TrainConfigBuilder optMarginPreset(String name) {
        return option("marginPreset", name);
    }

    /** A decaying margin: its shape, the margin at the end and the steps it takes. */
    public TrainConfigBuilder optMarginDecay(MarginSchedule.Kind kind, float end, long decaySteps) {
        return option("marginDecay", kind).option("marginEnd", end).option("marginDecaySteps", decaySteps);
    }

    /** How EBGAN's squared reconstruction errors become one energy per sample. */
    public TrainConfigBuilder optEnergy(Reduction reduction) {
        return option("energy", reduction);
    }

    /** Weight of EBGAN-PT's pull-away term. */
    public TrainConfigBuilder optPtWeight(float weight) {
        return option("ptWeight", weight);
    }

    /** Neighbours of EGAN-Ent-NN's entropy gradient. */
    public TrainConfigBuilder optKnnK(int k) {
        return option("knnK", k);
    }

    public TrainConfigBuilder optEntropyScaling(NearestNeighbourEntropy.Scaling scaling) {
        return option("entropyScaling", scaling);
    }

    /** Scale of EGAN-Ent-NN's entropy gradient, or weight of EGAN-Ent-VI's bound. */
    public TrainConfigBuilder optEntropyScale(float scale) {
        return option("entropyScale", scale);
    }

    /** BEGAN's diversity ratio. */
    public TrainConfigBuilder optGamma(float gamma) {
        return option("gamma", gamma);
    }

    /** BEGAN's learning rate of k_t. */
    public TrainConfigBuilder optLambdaK(float lambdaK) {
        return option("lambdaK", lambdaK);
    }

    /** BEGAN: halve the learning rates after {@code epochs} epochs without a new low of M_global (0: never). */
    public TrainConfigBuilder optLrHalveAfter(int epochs) {
        return option("lrHalveAfter", epochs);
    }

    /** The optimisers in full, instead of the options below. */
    public TrainConfigBuilder optOptimizer(TrainConfig.OptimizerConfig config) {
        this.optimizer = config;
        return this;
    }

    /** D's optimiser: "adam" (the default) or "sgd". */
    public TrainConfigBuilder optOptimizerD(String kind) {
        return option("optimD", kind);
    }

    /** G's optimiser (and EGAN-Ent-VI's inference network's): "adam" (the default) or "sgd". */
    public TrainConfigBuilder optOptimizerG(String kind) {
        return option("optimG", kind);
    }

    /** SGD's momentum (default 0: plain SGD). */
    public TrainConfigBuilder optMomentum(float momentum) {
        return option("momentum", momentum);
    }

    /** Learning rate of both optimisers ({@link #optLrD}, {@link #optLrG} win where given). */
    public TrainConfigBuilder optLr(float rate) {
        return option("lr", rate);
    }

    public TrainConfigBuilder optLrD(float rate) {
        return option("lrD", rate);
    }

    public TrainConfigBuilder optLrG(float rate) {
        return option("lrG", rate);
    }

    public TrainConfigBuilder optBeta1(float beta) {
        return option("beta1", beta);
    }

    public TrainConfigBuilder optBeta2(float beta) {
        return option("beta2", beta);
    }

    /** Learning-rate factor per epoch. */
    public TrainConfigBuilder optLrDecay(float factor) {
        return option("lrDecay", factor);
    }

    /** Epochs before the learning-rate decay starts. */
    public TrainConfigBuilder optDecayAfter(int epochCount) {
        return option("decayAfter", epochCount);
    }

    public TrainConfigBuilder optBatchSize(int size) {
        return option("batch", size);
    }

    /** Passes over the data (instead of {@link #optSteps}). */
    public TrainConfigBuilder optEpochs(int passes) {
        return option("epochs", passes);
    }

    /** D+G steps (instead of {@link #optEpochs}). */
    public TrainConfigBuilder optSteps(long count) {
        return option("steps", count);
    }

    /** Seed of initialisation, noise, shuffling and synthetic data. */
    public TrainConfigBuilder optSeed(long value) {
        return option("seed", value);
    }

    public TrainConfigBuilder optLogEvery(int everySteps) {
        return option("logEvery", everySteps);
    }

    public TrainConfigBuilder optSampleEvery(int everySteps) {
        return option("sampleEvery", everySteps);
    }

    public TrainConfigBuilder optCheckpointEvery(int everySteps) {
        return option("checkpointEvery", everySteps);
    }

    /**
     * Whether to start from {@link Calibrated2dRecipe} (networks, optimisers, schedule) on 2D data;
     * by default the calibrated games do and the others do not.
     */
    public TrainConfigBuilder optCalibrated2dRecipe(boolean use) {
        return option("calibrated2dRecipe", use);
    }

    /** The seed the run will use (0 unless given): synthetic data is drawn from it. */
    public long seed() {
        return get("seed", Long.class, 0L);
    }

    /** What to load, from where: the data options given so far. */
    public DataSpec dataSpec() {
        require(dataset != null, "`dataset` is required");
        Integer max = get("maxSamples", Integer.class, null);
        require(max == null || max > 0, "`maxSamples` must be positive (leave it out for all), got " + max);
        require(!options.containsKey("imageSize") || dataset.equals("images"),
                "`imageSize` applies to folder images (`dataset` images), not to " + dataset);
        return new DataSpec(dataset, get("dataDir", String.class, null), get("maxSamples", Integer.class, 0), 0.5, 0.5,
                get("label", Integer.class, null), get("holdOut", Integer.class, 0), get("imageSize", Integer.class, 0),
                get("randomCrop", Integer.class, 0)).withFileHash();
    }

    /** Loads the training data, builds the config on it and fits the data to the networks. */
    public PreparedRun prepare() {
        if (game == null && model != null) {
            GameSpec.describe(model); // an unknown model fails before the data is loaded
        }
        TensorDataset loaded = dataSpec().load(seed()).train();
        TrainConfig config = build(loaded);
        return new PreparedRun(config, config.fit(loaded));
    }

    /**
     * The config for training on {@code data} (as loaded: images are fitted to a convolutional
     * architecture later, by {@link TrainConfig#fit}).
     *
     * @throws IllegalArgumentException naming the option that is missing, out of range, or does not apply
     */
    public TrainConfig build(TensorDataset data) {
        DataSpec spec = dataSpec().withScale(data.scale(), data.offset());
        DataTraits traits = new DataTraits(spec.dataset(), data.sampleSize());
        GameSpec gameSpec = game();
        if (gameSpec == null) {
            require(model != null, "`model` is required; choose one of " + String.join(", ", GameSpec.models()));
            gameSpec = GameSpec.of(model, traits, GameParameters.of(gameParameters));
        }
        Boolean recipeGiven = get("calibrated2dRecipe", Boolean.class, null);
        boolean recipe = traits.points() && (recipeGiven != null ? recipeGiven : gameSpec instanceof CalibratedGame.Spec);
        return new TrainConfig(spec, networks(data, traits, recipe), gameSpec, optimizer(gameSpec, traits, recipe),
                schedule(traits, recipe));
    }

    private GameSpec game() {
        if (game == null) {
            return null;
        }
        require(model == null || model.equals(game.model()), "the game is a " + game.model() + ", not the `model` " + model);
        require(gameParameters.isEmpty(), "give a game spec or game parameters (" + names(gameParameters.keySet()) + "), not both");
        return game;
    }

    private NetworkSpec networks(TensorDataset data, DataTraits traits, boolean recipe) {
        List<String> fullyConnected = given(FULLY_CONNECTED);
        boolean custom = !given(LAYERS).isEmpty();
        String arch = get("arch", String.class, null);
        int crop = get("randomCrop", Integer.class, 0);
        Boolean batchNorm = get("batchNorm", Boolean.class, null);
        Boolean batchNormD = get("batchNormD", Boolean.class, null);
        if (networks != null) {
            require(arch == null && !custom && fullyConnected.isEmpty() && batchNorm == null && batchNormD == null,
                    "give the networks in full or as options, not both");
            int[] chw = networks.imageShape();
            require(networks.dataDim() == data.sampleSize() || chw != null,
                    "the networks take " + networks.dataDim() + " values a sample, the data has " + data.sampleSize());
            require(crop == 0 || (chw != null && chw[1] == crop),
                    "`randomCrop` " + crop + " must equal the side of the networks' images" + (chw == null ? ", and they take none" : ", " + chw[1]));
            return networks;
        }
        if (arch != null || custom) {
            require(arch == null || !custom, "give `arch` NAME or the layers (`generator`, `encoder`, `decoder`), not both");
            require(fullyConnected.isEmpty(), names(fullyConnected) + " apply to the fully connected networks, not to a convolutional `arch`");
            Datasets.requireImages(traits.dataset());
            int[] chw = ImageSizes.imageShape(data);
            ConvArchitecture a;
            if (arch != null) {
                a = ConvArchitecture.preset(arch);
                a = a.channels() == chw[0] ? a : a.withChannels(chw[0]);
            } else {
                @SuppressWarnings("unchecked")
                List<Integer> planes = get("noisePlanes", List.class, null);
                a = ConvArchitecture.custom(chw[0], crop > 0 ? crop : chw[1], planes, get("generator", String.class, null),
                        get("encoder", String.class, null), get("decoder", String.class, null), get("critic", String.class, null));
            }
            require(crop == 0 || crop == a.side(), "`randomCrop` " + crop + " must equal the side of " + a.name() + ", " + a.side());
            boolean bnG = batchNorm == null || batchNorm;
            return new ConvolutionalSpec(a, NoiseKind.UNIFORM, bnG, batchNormD != null ? batchNormD : bnG,
                    ConvolutionalSpec.DCGAN_INIT_STD, ConvolutionalSpec.DCGAN_INIT_STD);
        }
        require(crop == 0, "`randomCrop` needs a convolutional `arch` (or layers) whose side is the crop's");
        int dim = data.sampleSize();
        FullyConnectedSpec d = recipe ? Calibrated2dRecipe.networks(traits)
                : traits.points() ? FullyConnectedSpec.ebgan(4, dim, 3, 128, 2, 128, 0f, true, OutputActivation.LINEAR)
                : FullyConnectedSpec.ebgan(100, dim, 3, 800, 2, 256, 0f, true, OutputActivation.TANH);
        return new FullyConnectedSpec(get("noiseDim", Integer.class, d.noiseDim()), d.noise(), d.dataDim(),
                get("layersG", Integer.class, d.layersG()), get("sizeG", Integer.class, d.sizeG()),
                get("layersD", Integer.class, d.layersD()), get("sizeD", Integer.class, d.sizeD()),
                get("dropoutD", Float.class, d.dropoutD()), batchNorm != null ? batchNorm : d.batchNormG(),
                batchNormD != null ? batchNormD : batchNorm != null ? batchNorm : d.batchNormD(),
                get("initStdG", Float.class, d.initStdG()), get("initStdD", Float.class, d.initStdD()), d.output());
    }

    private TrainConfig.OptimizerConfig optimizer(GameSpec gameSpec, DataTraits traits, boolean recipe) {
        if (optimizer != null) {
            require(given(OPTIMIZER).isEmpty(), "give the optimisers in full or as options, not both");
            return optimizer;
        }
        float paper = gameSpec.paperLearningRate();
        TrainConfig.OptimizerConfig d = recipe ? Calibrated2dRecipe.optimizer(traits)
                : TrainConfig.OptimizerConfig.adam(paper, paper, 0.5f, 0.999f);
        OptimizerSpec.Adam dAdam = (OptimizerSpec.Adam) d.discriminator();
        OptimizerSpec.Adam gAdam = (OptimizerSpec.Adam) d.generator();
        // One rate for both unless a network's own is given; without any, each keeps its default.
        for (String rate : List.of("lr", "lrD", "lrG")) {
            Float r = get(rate, Float.class, null);
            require(r == null || (r > 0 && Float.isFinite(r)), "`" + rate + "` must be positive, got " + r);
        }
        Float lr = get("lr", Float.class, null);
        float both = lr != null ? lr : dAdam.lr();
        float lrD = get("lrD", Float.class, both);
        float lrG = get("lrG", Float.class, lr != null ? both : gAdam.lr());
        String kindD = get("optimD", String.class, "adam");
        String kindG = get("optimG", String.class, "adam");
        boolean adam = kindD.equals("adam") || kindG.equals("adam");
        boolean sgd = kindD.equals("sgd") || kindG.equals("sgd");
        require(adam || !options.containsKey("beta1") && !options.containsKey("beta2"), "`beta1` and `beta2` apply to Adam only");
        require(sgd || !options.containsKey("momentum"), "`momentum` applies to SGD only");
        float b1 = get("beta1", Float.class, dAdam.beta1());
        float b2 = get("beta2", Float.class, dAdam.beta2());
        float momentum = get("momentum", Float.class, 0f);
        return new TrainConfig.OptimizerConfig(optimizer("optimD", kindD, lrD, b1, b2, momentum),
                optimizer("optimG", kindG, lrG, b1, b2, momentum), get("lrDecay", Float.class, d.lrDecay()),
                get("decayAfter", Integer.class, d.decayAfterEpochs()), d.lrMin());
    }

    private static OptimizerSpec optimizer(String option, String kind, float lr, float beta1, float beta2, float momentum) {
        return switch (kind) {
            case "adam" -> new OptimizerSpec.Adam(lr, beta1, beta2);
            case "sgd" -> new OptimizerSpec.Sgd(lr, momentum);
            default -> throw new IllegalArgumentException("`" + option + "` '" + kind + "' is not one of adam, sgd");
        };
    }

    private TrainConfig.RunSchedule schedule(DataTraits traits, boolean recipe) {
        Long steps = get("steps", Long.class, null);
        require(steps == null || !options.containsKey("epochs"), "give `steps` or `epochs`, not both");
        TrainConfig.RunSchedule d = recipe ? Calibrated2dRecipe.schedule(traits) : new TrainConfig.RunSchedule(64, 1, 0, 0, 10, 500, 500);
        return new TrainConfig.RunSchedule(get("batch", Integer.class, d.batchSize()),
                steps != null ? 0 : get("epochs", Integer.class, d.epochs()), steps != null ? steps : 0L,
                get("seed", Long.class, d.seed()), get("logEvery", Integer.class, d.logEvery()),
                get("sampleEvery", Integer.class, d.sampleEvery()), get("checkpointEvery", Integer.class, d.checkpointEvery()));
    }

    /** The option's value as {@code type} (whole numbers of any boxed type for Integer and Long), or {@code fallback}. */
    private <T> T get(String name, Class<T> type, T fallback) {
        return GameParameters.convert(name, options.get(name), type, fallback);
    }

    /** Those of {@code names} that were given. */
    private List<String> given(List<String> names) {
        return names.stream().filter(options::containsKey).toList();
    }

    private static String names(Iterable<String> names) {
        List<String> quoted = new ArrayList<>();
        names.forEach(n -> quoted.add("`" + n + "`"));
        return String.join(", ", quoted);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
