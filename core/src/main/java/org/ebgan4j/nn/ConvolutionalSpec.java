package org.ebgan4j.nn;

import ai.djl.nn.SequentialBlock;

/**
 * Convolutional networks: the layers of a {@link ConvArchitecture}, the noise fed to the generator,
 * batch normalisation per network and the initial weight deviations (DCGAN's N(0, 0.02)).
 */
public record ConvolutionalSpec(ConvArchitecture architecture, NoiseKind noise, boolean batchNormG, boolean batchNormD,
        float initStdG, float initStdD) implements NetworkSpec {

    /** DCGAN's initialisation of convolutional weights, N(0, 0.02), in G and in D. */
    public static final float DCGAN_INIT_STD = 0.02f;

    public ConvolutionalSpec {
        if (architecture == null || noise == null) {
            throw new IllegalArgumentException("convolutional networks need an architecture and a noise kind");
        }
        if (!(initStdG > 0) || !(initStdD > 0)) {
            throw new IllegalArgumentException("`initStdG` and `initStdD` must be positive, got " + initStdG + " and " + initStdD);
        }
    }

    /** The architecture with uniform noise, batch normalisation in both networks and DCGAN's initialisation. */
    public static ConvolutionalSpec of(ConvArchitecture architecture) {
        return new ConvolutionalSpec(architecture, NoiseKind.UNIFORM, true, true, DCGAN_INIT_STD, DCGAN_INIT_STD);
    }

    @Override
    public int noiseDim() {
        return architecture.noiseSize();
    }

    @Override
    public int dataDim() {
        return architecture.dataSize();
    }

    @Override
    public int[] imageShape() {
        return new int[] {architecture.channels(), architecture.side(), architecture.side()};
    }

    @Override
    public SequentialBlock generator() {
        return ConvNetworks.generator(architecture, batchNormG);
    }

    @Override
    public SequentialBlock encoder() {
        return ConvNetworks.encoder(architecture, batchNormD);
    }

    @Override
    public SequentialBlock decoder() {
        return ConvNetworks.decoder(architecture, batchNormD);
    }

    @Override
    public SequentialBlock critic() {
        return ConvNetworks.critic(architecture, batchNormD);
    }

    @Override
    public SequentialBlock inference() {
        return ConvNetworks.inference(architecture, batchNormD);
    }
}
