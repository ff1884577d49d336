package org.ebgan4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.MalformedModelException;

import org.ebgan4j.data.ArrayUpload;
import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.AdversarialGame;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.NetworkSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final Block generator;
    private final AdversarialGame game;
    private final ParameterStore parameters;
    private final ArrayUpload upload = new ArrayUpload();

    /** Builds the networks on this process's {@link ComputeDevice} and initialises them from the config's seed. */
    public EnergyGan(TrainConfig config) {
        this(config, ComputeDevice.current());
    }

    /**
     * Builds the networks on {@code device} and initialises them from the config's seed. The initial
     * weights are drawn on the CPU and then copied to the device, so that a run starts from the
     * same bits wherever it trains.
     */
    public EnergyGan(TrainConfig config, Device device) {
        this(config, device, !device.equals(Device.cpu()));
    }

    /** As {@link #EnergyGan(TrainConfig, Device)}; {@code viaCpu} draws the weights on the CPU and copies them over even to the CPU (tests). */
    EnergyGan(TrainConfig config, Device device, boolean viaCpu) {
        this.config = config;
        NetworkSpec spec = config.networks();
        this.manager = NDManager.newBaseManager(device);
        this.generator = spec.generator();
        this.game = config.game().create(spec);
        this.parameters = new ParameterStore(manager, false);
        NDManager init = viaCpu ? NDManager.newBaseManager(Device.cpu()) : manager;
        try {
            Engine.getInstance().setRandomSeed((int) NoiseSource.mix(config.schedule().seed(), 0, 0));
            generator.setInitializer(new NormalInitializer(spec.initStdG()), Parameter.Type.WEIGHT);
            generator.initialize(init, DataType.FLOAT32, new Shape(1, spec.noiseDim()));
            Block d = game.discriminator().block();
            d.setInitializer(new NormalInitializer(spec.initStdD()), Parameter.Type.WEIGHT);
            d.initialize(init, DataType.FLOAT32, new Shape(1, spec.dataDim()));
            Block aux = game.auxiliary();
            if (aux != null) {
                aux.setInitializer(new NormalInitializer(spec.initStdD()), Parameter.Type.WEIGHT);
                aux.initialize(init, DataType.FLOAT32, new Shape(1, spec.dataDim()));
            }
            if (init != manager) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    saveParameters(out);
                }
                loadParameters(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            }
        } catch (IOException e) {
            manager.close();
            throw new UncheckedIOException("could not copy the initial weights to " + device, e);
        } finally {
            if (init != manager) {
                init.close();
            }
        }
    }

    /** The device the networks compute on. */
    public Device device() {
        return manager.getDevice();
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
     * and side ({@link org.ebgan4j.data.ImageSizes}: digits padded, grey replicated); for a fully
     * connected one, as is.
     */
    public TensorDataset fitData(TensorDataset data) {
        int[] chw = config.networks().imageShape();
        return chw == null ? data : ImageSizes.fit(data, chw[0], chw[1]);
    }

    /** Maps the networks' values back to the data's units. */
    public float[] toRaw(float[] values) {
        return TensorDataset.toRaw(values, config.data().scale(), config.data().offset());
    }

    /** Maps values in the data's units to the networks' values. */
    public float[] fromRaw(float[] raw) {
        return TensorDataset.fromRaw(raw, config.data().scale(), config.data().offset());
    }

    public TrainConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    public Block generator() {
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
        int dim = config.networks().noiseDim();
        int out = config.networks().dataDim();
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
        return generate(new NoiseSource(seed, config.networks().noiseDim(), config.networks().noise()).draw(n, 0, NoiseSource.PREVIEW), n);
    }

    /** The discriminator's energy of each of {@code n} samples (normalised values, row-major). */
    public float[] energies(float[] x, int n) {
        int dim = config.networks().dataDim();
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
        int dim = config.networks().dataDim();
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
        // DJL's Parameter.load swaps in a new array, of whatever shape the stream holds, without the gradient flag the old one had.
        int i = 0;
        String mismatch = null;
        for (ai.djl.util.Pair<String, Parameter> entry : block.getParameters()) {
            Parameter p = entry.getValue();
            p.getArray().setRequiresGradient(p.requiresGradient());
            if (mismatch == null && !p.getArray().getShape().equals(previous.get(i).getShape())) {
                mismatch = "parameter " + entry.getKey() + " is " + p.getArray().getShape() + " in the checkpoint, "
                        + previous.get(i).getShape() + " in the networks";
            }
            i++;
        }
        previous.forEach(NDArray::close);
        if (mismatch != null) {
            throw new MalformedModelException(mismatch);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
