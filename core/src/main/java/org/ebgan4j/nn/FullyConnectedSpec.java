package org.ebgan4j.nn;

import ai.djl.nn.SequentialBlock;

/**
 * The fully connected architectures of the EBGAN paper's MNIST grid search (Zhao et al. 2017,
 * section 5.1 and appendix): {@code nLayerG} layers of {@code sizeG} units in the generator,
 * {@code nLayerD} layers of {@code sizeD} units in the discriminator, optional dropout in D.
 *
 * <p>A layer count is the number of linear maps, output layer included: {@code layersG = 3,
 * sizeG = 800} is {@code z -> 800 -> 800 -> data}. The auto-encoder's decoder is one linear map
 * (code to data) and its encoder the other {@code layersD - 1}, so {@code layersD = 2, sizeD = 256}
 * is {@code data -> 256 -> data}.
 *
 * @param noiseDim dimension of the generator's input z
 * @param noise distribution of z
 * @param dataDim dimension of one flattened sample
 * @param batchNormG batch normalisation after every hidden linear map of G
 * @param batchNormD the same in D (the calibrated-EBGAN paper's 2D critic has none)
 * @param initStdG standard deviation of G's initial weights (biases start at 0)
 * @param initStdD standard deviation of D's initial weights
 * @param output non-linearity of the generator's and decoder's output
 */
public record FullyConnectedSpec(
        int noiseDim,
        NoiseKind noise,
        int dataDim,
        int layersG,
        int sizeG,
        int layersD,
        int sizeD,
        float dropoutD,
        boolean batchNormG,
        boolean batchNormD,
        float initStdG,
        float initStdD,
        OutputActivation output) implements NetworkSpec {

    /** EBGAN paper's initialisation: G weights from N(0, 0.02), D weights from N(0, 0.002). */
    public static final float EBGAN_INIT_STD_G = 0.02f;
    public static final float EBGAN_INIT_STD_D = 0.002f;

    /** The EBGAN paper's networks: uniform noise, the same batch-norm choice in G and D, its initialisation. */
    public static FullyConnectedSpec ebgan(int noiseDim, int dataDim, int layersG, int sizeG, int layersD, int sizeD,
            float dropoutD, boolean batchNorm, OutputActivation output) {
        return new FullyConnectedSpec(noiseDim, NoiseKind.UNIFORM, dataDim, layersG, sizeG, layersD, sizeD, dropoutD,
                batchNorm, batchNorm, EBGAN_INIT_STD_G, EBGAN_INIT_STD_D, output);
    }

    public FullyConnectedSpec {
        require(noiseDim >= 1, "`noiseDim` must be at least 1, got " + noiseDim);
        require(dataDim >= 1, "data dimension must be at least 1, got " + dataDim);
        require(layersG >= 2, "`layersG` must be at least 2 (one hidden layer and the output), got " + layersG);
        require(layersD >= 2, "`layersD` must be at least 2 (an encoder layer and the decoder), got " + layersD);
        require(sizeG >= 1 && sizeD >= 1, "layer sizes must be positive, got `sizeG` " + sizeG + ", `sizeD` " + sizeD);
        require(dropoutD >= 0 && dropoutD < 1, "`dropoutD` must lie in [0, 1), got " + dropoutD);
        require(initStdG > 0 && Float.isFinite(initStdG), "`initStdG` must be positive, got " + initStdG);
        require(initStdD > 0 && Float.isFinite(initStdD), "`initStdD` must be positive, got " + initStdD);
        require(noise != null && output != null, "noise and output kinds are required");
    }

    /** Fully connected networks read plain vectors, whatever the data. */
    @Override
    public int[] imageShape() {
        return null;
    }

    @Override
    public SequentialBlock generator() {
        return FullyConnectedNetworks.generator(this);
    }

    @Override
    public SequentialBlock encoder() {
        return FullyConnectedNetworks.encoder(this);
    }

    @Override
    public SequentialBlock decoder() {
        return FullyConnectedNetworks.decoder(this);
    }

    @Override
    public SequentialBlock critic() {
        return FullyConnectedNetworks.critic(this);
    }

    @Override
    public SequentialBlock inference() {
        return FullyConnectedNetworks.inference(this);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Multiply-adds of one training step at {@code batch}: G forward and its two backward products
     * (3 per weight), and D, an auto-encoder or a one-output critic, forward on the real and the fake
     * batch with its weight gradients in its own step, then forward and input gradient in G's (6).
     */
    public double multiplyAddsPerStep(int batch, boolean autoencoder) {
        double g = (double) noiseDim * sizeG + (double) (layersG - 2) * sizeG * sizeG + (double) sizeG * dataDim;
        double d = (double) dataDim * sizeD + (double) (layersD - 2) * sizeD * sizeD + (autoencoder ? (double) sizeD * dataDim : sizeD);
        return batch * (3 * g + 6 * d);
    }
}
