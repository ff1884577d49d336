package org.ebgan4j.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;

/**
 * How a convolutional architecture joins its layers, where the papers differ: the nonlinearity of
 * the upward networks (generator, decoder) and of the downward ones (encoder, critic, inference
 * net); whether batch normalisation is part of the design at all (BEGAN has none), whether the
 * discriminator's first layer has it too (the calibrated-EBGAN paper's digit discriminator), and
 * whether the code is linear (BEGAN: the encoder's last layer, the embedding, and the first layer of
 * the decoder and the generator, which map it back to maps, have no nonlinearity).
 *
 * @param up nonlinearity of the generator and the decoder
 * @param down nonlinearity of the encoder, critic and inference net
 * @param batchNorm whether the design has batch normalisation (then {@code --no-batch-norm} can turn it off)
 * @param batchNormFirstDown whether a downward network's first layer is normalised too
 * @param linearCode whether the layers next to the code have no nonlinearity
 */
public record LayerStyle(Nonlinearity up, Nonlinearity down, boolean batchNorm, boolean batchNormFirstDown, boolean linearCode) {

    /** A layer's nonlinearity. */
    public enum Nonlinearity {
        RELU, LEAKY_RELU, ELU;

        /** Slope of the leaky ReLU (DCGAN's, the papers' "LRec"). */
        public static final float LEAKY_SLOPE = 0.2f;

        public Block block() {
            return switch (this) {
                case RELU -> Activation.reluBlock();
                case LEAKY_RELU -> Activation.leakyReluBlock(LEAKY_SLOPE);
                case ELU -> Activation.eluBlock(1f);
            };
        }
    }

    /** For Jackson: true for DCGAN's style, which a config leaves out. */
    public static final class IsDcgan {
        @Override
        public boolean equals(Object other) {
            return DCGAN.equals(other);
        }

        @Override
        public int hashCode() {
            return DCGAN.hashCode();
        }
    }

    /** DCGAN's, which the EBGAN paper follows: batch norm after every layer but a discriminator's first and an image's last. */
    public static final LayerStyle DCGAN = new LayerStyle(Nonlinearity.RELU, Nonlinearity.LEAKY_RELU, true, false, false);

    /** DCGAN's with batch norm on the discriminator's first layer too (calibrated-EBGAN paper, appendix B.1). */
    public static final LayerStyle CALIBRATED = new LayerStyle(Nonlinearity.RELU, Nonlinearity.LEAKY_RELU, true, true, false);

    /** BEGAN's: ELU everywhere, no batch norm, a linear embedding. */
    public static final LayerStyle BEGAN = new LayerStyle(Nonlinearity.ELU, Nonlinearity.ELU, false, false, true);

    /** In words, for {@code ebgan arch}. */
    public String describe() {
        String norm = !batchNorm ? "no batch norm" : batchNormFirstDown ? "batch norm on every layer but an image's last"
                : "batch norm on every layer but a discriminator's first and an image's last";
        return up.name().toLowerCase(java.util.Locale.ROOT) + " up, " + down.name().toLowerCase(java.util.Locale.ROOT) + " down, "
                + norm + (linearCode ? ", linear code" : "");
    }

    /** Whether layer i of n of an upward network is batch-normalised, when the run asks for it. */
    public boolean normalisesUp(int i, int n, boolean asked) {
        return asked && batchNorm && i < n - 1;
    }

    /** Whether layer i of n of a downward network is batch-normalised, when the run asks for it. */
    public boolean normalisesDown(int i, int n, boolean asked) {
        return asked && batchNorm && (i > 0 || batchNormFirstDown);
    }

    /** Whether layer i of n of an upward network is followed by its nonlinearity (the last one's is the image's). */
    public boolean activatesUp(int i, int n) {
        return i < n - 1 && !(linearCode && i == 0);
    }

    /** Whether layer i of n of a downward network is followed by its nonlinearity. */
    public boolean activatesDown(int i, int n) {
        return !(linearCode && i == n - 1);
    }
}
