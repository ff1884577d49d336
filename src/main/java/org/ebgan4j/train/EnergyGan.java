package org.ebgan4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.MalformedModelException;

import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.energy.AutoencoderEnergy;
import org.ebgan4j.energy.CriticEnergy;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.energy.ScalarCost;
import org.ebgan4j.objective.BoundaryEquilibrium;
import org.ebgan4j.nn.ArrayUpload;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.ConvNetworks;
import org.ebgan4j.nn.FullyConnectedNetworks;
import org.ebgan4j.nn.FullyConnectedSpec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A generator and a discriminator playing one {@link AdversarialGame}, built from a
 * {@link TrainConfig}: what a trained run is, for sampling and for scoring data by energy.
 */
public final class EnergyGan implements AutoCloseable {

    private static final int INFERENCE_BATCH = 512;

    private final TrainConfig config;
    private final NDManager manager;
    private final SequentialBlock generator;
    private final AdversarialGame game;
    private final ParameterStore parameters;
    private final ArrayUpload upload = new ArrayUpload();

    /** Builds the networks and initialises them from the config's seed. */
    public EnergyGan(TrainConfig config) {
        this.config = config;
        FullyConnectedSpec spec = config.network();
        this.manager = NDManager.newBaseManager();
        this.generator = config.conv() != null ? ConvNetworks.generator(config.conv(), spec.batchNormG())
                : FullyConnectedNetworks.generator(spec);
        this.game = createGame(config);
        this.parameters = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed((int) NoiseSource.mix(config.schedule().seed(), 0, 0));
        generator.setInitializer(new NormalInitializer(spec.initStdG()), Parameter.Type.WEIGHT);
        generator.initialize(manager, DataType.FLOAT32, new Shape(1, spec.noiseDim()));
        Block d = game.discriminator().block();
        d.setInitializer(new NormalInitializer(spec.initStdD()), Parameter.Type.WEIGHT);
        d.initialize(manager, DataType.FLOAT32, new Shape(1, spec.dataDim()));
        Block aux = game.auxiliary();
        if (aux != null) {
            aux.setInitializer(new NormalInitializer(spec.initStdD()), Parameter.Type.WEIGHT);
            aux.initialize(manager, DataType.FLOAT32, new Shape(1, spec.dataDim()));
        }
    }

    /** The networks of a run folder, as its last checkpoint left them. */
    public static EnergyGan load(RunFolder run) throws IOException {
        EnergyGan model = new EnergyGan(run.readConfig());
        try {
            Checkpoint.load(run.checkpoint(), model, null, null);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /**
     * {@code data} as this model reads it: for a convolutional model, images fitted to its channels
     * and side ({@link ImageSizes}: digits padded, grey replicated); for a fully connected one, as is.
     */
    public TensorDataset fitData(TensorDataset data) {
        return fitData(config, data);
    }

    /** As {@link #fitData(TensorDataset)}, for a config. */
    public static TensorDataset fitData(TrainConfig config, TensorDataset data) {
        ConvArchitecture a = config.conv();
        return a == null ? data : ImageSizes.fit(data, a.channels(), a.side());
    }

    /** Maps the networks' values back to the data's units. */
    public float[] toRaw(float[] values) {
        return TensorDataset.toRaw(values, config.data().scale(), config.data().offset());
    }

    /** Maps values in the data's units to the networks' values. */
    public float[] fromRaw(float[] raw) {
        return TensorDataset.fromRaw(raw, config.data().scale(), config.data().offset());
    }

    private static AdversarialGame createGame(TrainConfig config) {
        Networks nets = new Networks(config);
        TrainConfig.ObjectiveConfig objective = config.objective();
        return switch (objective.model()) {
            case GAN -> new GanGame(new CriticEnergy(nets.critic()));
            case EBGAN, EBGAN_PT -> new EbganGame(
                    new AutoencoderEnergy(nets.encoder(), nets.decoder(), objective.reduction()),
                    objective.margin(),
                    objective.model() == ModelKind.EBGAN_PT ? objective.ptWeight() : 0f);
            case BEGAN -> new BeganGame(
                    new AutoencoderEnergy(nets.encoder(), nets.decoder(), Reduction.MEAN, AutoencoderEnergy.ErrorNorm.ABSOLUTE),
                    objective.gamma(), BoundaryEquilibrium.LAMBDA_K);
            case EGAN_CONST, EGAN_ENT_NN, EGAN_ENT_VI -> new CalibratedGame(
                    new ScalarCost(nets.critic()), objective.margin(), entropy(config, nets));
        };
    }

    /** The discriminator's parts, fully connected or convolutional as the config says. */
    private record Networks(TrainConfig config) {
        SequentialBlock critic() {
            return config.conv() != null ? ConvNetworks.critic(config.conv(), config.network().batchNormD())
                    : FullyConnectedNetworks.critic(config.network());
        }

        SequentialBlock encoder() {
            return config.conv() != null ? ConvNetworks.encoder(config.conv(), config.network().batchNormD())
                    : FullyConnectedNetworks.encoder(config.network());
        }

        SequentialBlock decoder() {
            return config.conv() != null ? ConvNetworks.decoder(config.conv(), config.network().batchNormD())
                    : FullyConnectedNetworks.decoder(config.network());
        }

        SequentialBlock inference() {
            return config.conv() != null ? ConvNetworks.inference(config.conv(), config.network().batchNormD())
                    : FullyConnectedNetworks.inference(config.network());
        }
    }

    private static CalibratedGame.Entropy entropy(TrainConfig config, Networks nets) {
        TrainConfig.ObjectiveConfig o = config.objective();
        return switch (o.model()) {
            case EGAN_ENT_NN -> new CalibratedGame.NearestNeighbours(o.neighbours(), o.entropyScaling(), o.entropyScale());
            case EGAN_ENT_VI -> new CalibratedGame.Variational(nets.inference(), o.entropyScale());
            default -> new CalibratedGame.Constant();
        };
    }

    public TrainConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public SequentialBlock generator() {
        return generator;
    }

    public Block discriminator() {
        return game.discriminator().block();
    }

    public AdversarialGame game() {
        return game;
    }

    public ParameterStore parameters() {
        return parameters;
    }

    /** Generator output for a batch of noise, in training mode (batch statistics) or not. */
    public NDArray generate(NDArray z, boolean training) {
        return generator.forward(parameters, new NDList(z), training).singletonOrThrow();
    }

    /** {@code n} samples from the given noise (row-major, {@code n * noiseDim}), normalised values. */
    public float[] generate(float[] z, int n) {
        int dim = config.network().noiseDim();
        int out = config.network().dataDim();
        float[] result = new float[n * out];
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager sub = manager.newSubManager()) {
                NDArray zb = upload.upload(sub, z, start * dim, new Shape(b, dim));
                float[] x = generate(zb, false).toFloatArray();
                System.arraycopy(x, 0, result, start * out, x.length);
            }
        }
        return result;
    }

    /** {@code n} samples from the noise of the given seed. */
    public float[] sample(int n, long seed) {
        return generate(new NoiseSource(seed, config.network().noiseDim(), config.network().noise()).draw(n, 0, NoiseSource.PREVIEW), n);
    }

    /** The discriminator's energy of each of {@code n} samples (normalised values, row-major). */
    public float[] energies(float[] x, int n) {
        int dim = config.network().dataDim();
        if (x.length != (long) n * dim) {
            throw new IllegalArgumentException("expected " + n + " samples of " + dim + " values, got " + x.length + " values");
        }
        float[] result = new float[n];
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager sub = manager.newSubManager()) {
                NDArray xb = upload.upload(sub, x, start * dim, new Shape(b, dim));
                float[] e = game.discriminator().energy(parameters, xb, false).toFloatArray();
                System.arraycopy(e, 0, result, start, b);
            }
        }
        return result;
    }

    /**
     * The discriminator's last hidden layer for each of {@code n} samples (normalised values, row-major),
     * in inference mode; returns the features row-major, {@code n * featureDim} values.
     */
    public float[] features(float[] x, int n) {
        int dim = config.network().dataDim();
        if (x.length != (long) n * dim) {
            throw new IllegalArgumentException("expected " + n + " samples of " + dim + " values, got " + x.length + " values");
        }
        float[] result = null;
        for (int start = 0; start < n; start += INFERENCE_BATCH) {
            int b = Math.min(INFERENCE_BATCH, n - start);
            try (NDManager sub = manager.newSubManager()) {
                NDArray xb = upload.upload(sub, x, start * dim, new Shape(b, dim));
                float[] f = game.discriminator().features(parameters, xb, false).toFloatArray();
                int width = f.length / b;
                if (result == null) {
                    result = new float[n * width];
                }
                System.arraycopy(f, 0, result, start * width, f.length);
            }
        }
        return result == null ? new float[0] : result;
    }

    public void saveParameters(DataOutputStream out) throws IOException {
        generator.saveParameters(out);
        discriminator().saveParameters(out);
        if (game.auxiliary() != null) {
            game.auxiliary().saveParameters(out);
        }
    }

    public void loadParameters(DataInputStream in) throws IOException {
        try {
            load(generator, in);
            load(discriminator(), in);
            if (game.auxiliary() != null) {
                load(game.auxiliary(), in);
            }
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint does not match the configured networks: " + e.getMessage(), e);
        }
    }

    private void load(Block block, DataInputStream in) throws IOException, MalformedModelException {
        List<NDArray> previous = new ArrayList<>();
        for (Parameter p : block.getParameters().values()) {
            previous.add(p.getArray());
        }
        block.loadParameters(manager, in);
        // DJL's Parameter.load swaps in a new array without the gradient flag the old one had.
        for (Parameter p : block.getParameters().values()) {
            p.getArray().setRequiresGradient(p.requiresGradient());
        }
        previous.forEach(NDArray::close);
    }

    @Override
    public void close() {
        manager.close();
    }
}
