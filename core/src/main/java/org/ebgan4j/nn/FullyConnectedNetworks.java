package org.ebgan4j.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;

/** Builds the generator and the discriminators of a {@link FullyConnectedSpec}. */
public final class FullyConnectedNetworks {

    private FullyConnectedNetworks() {}

    /** z -> [Linear-BN-ReLU] x (layersG - 1) -> Linear -> output activation. */
    public static SequentialBlock generator(FullyConnectedSpec spec) {
        SequentialBlock g = new SequentialBlock();
        for (int i = 0; i < spec.layersG() - 1; i++) {
            addHidden(g, spec.sizeG(), spec.batchNormG(), 0f);
        }
        g.add(Linear.builder().setUnits(spec.dataDim()).build());
        g.add(spec.output().block());
        return g;
    }

    /** The encoder of the auto-encoder discriminator: [Linear-BN-ReLU(-Dropout)] x (layersD - 1). */
    public static SequentialBlock encoder(FullyConnectedSpec spec) {
        SequentialBlock e = new SequentialBlock();
        for (int i = 0; i < spec.layersD() - 1; i++) {
            addHidden(e, spec.sizeD(), spec.batchNormD(), spec.dropoutD());
        }
        return e;
    }

    /** The decoder of the auto-encoder discriminator: one Linear map back to the data, then the output activation. */
    public static SequentialBlock decoder(FullyConnectedSpec spec) {
        SequentialBlock d = new SequentialBlock();
        d.add(Linear.builder().setUnits(spec.dataDim()).build());
        d.add(spec.output().block());
        return d;
    }

    /**
     * The one-output discriminator (the GAN's logit, a calibrated game's cost): the encoder's depth and
     * width, then one linear output. Its first layer has no batch normalisation (DCGAN's rule, as in
     * the convolutional critics): real and fake batches pass through D separately, and batch norm
     * right after a linear map of the input removes each batch's mean, so the critic could not see
     * where the fake batch sits and the generator would get no gradient to move it there.
     */
    public static SequentialBlock critic(FullyConnectedSpec spec) {
        SequentialBlock c = new SequentialBlock();
        for (int i = 0; i < spec.layersD() - 1; i++) {
            addHidden(c, spec.sizeD(), spec.batchNormD() && i > 0, spec.dropoutD());
        }
        c.add(Linear.builder().setUnits(1).build());
        return c;
    }

    private static void addHidden(SequentialBlock block, int units, boolean batchNorm, float dropout) {
        block.add(Linear.builder().setUnits(units).build());
        if (batchNorm) {
            block.add(BatchNorm.builder().build());
        }
        block.add(Activation.reluBlock());
        if (dropout > 0) {
            block.add(Dropout.builder().optRate(dropout).build());
        }
    }

    /**
     * The inference network q(z|x) of EGAN-Ent-VI: the critic's hidden layers (no dropout), then
     * {@code 2 * noiseDim} outputs, the means and log-deviations of a diagonal Gaussian.
     */
    public static SequentialBlock inference(FullyConnectedSpec spec) {
        SequentialBlock q = new SequentialBlock();
        for (int i = 0; i < spec.layersD() - 1; i++) {
            addHidden(q, spec.sizeD(), spec.batchNormD(), 0f);
        }
        q.add(Linear.builder().setUnits(2L * spec.noiseDim()).build());
        return q;
    }

    /** Number of trainable scalars in a block. */
    public static long parameterCount(Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.requiresGradient())
                .mapToLong(p -> p.getArray().getShape().size())
                .sum();
    }
}
