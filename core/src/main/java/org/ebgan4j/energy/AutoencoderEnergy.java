package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

/**
 * The EBGAN discriminator (Zhao et al. 2017, eq. 5): an auto-encoder whose energy is the
 * reconstruction error {@code D(x) = ||Dec(Enc(x)) - x||^2}, reduced per sample as {@link Reduction}
 * says. The encoder's output is the code that the pull-away term reads.
 */
public final class AutoencoderEnergy implements EnergyFunction {

    /** One pass through the auto-encoder. */
    public record Output(NDArray code, NDArray reconstruction, NDArray energy) {}

    private final SequentialBlock encoder;
    private final SequentialBlock decoder;
    private final SequentialBlock whole;
    private final Reduction reduction;
    private final ErrorNorm norm;

    /** The per-element error: squared (EBGAN) or absolute (BEGAN's L1). */
    public enum ErrorNorm {
        SQUARED,
        ABSOLUTE
    }

    public AutoencoderEnergy(SequentialBlock encoder, SequentialBlock decoder, Reduction reduction) {
        this(encoder, decoder, reduction, ErrorNorm.SQUARED);
    }

    public AutoencoderEnergy(SequentialBlock encoder, SequentialBlock decoder, Reduction reduction, ErrorNorm norm) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.whole = new SequentialBlock().add(encoder).add(decoder);
        this.reduction = reduction;
        this.norm = norm;
    }

    @Override
    public Block block() {
        return whole;
    }

    public Reduction reduction() {
        return reduction;
    }

    public Output forward(ParameterStore parameters, NDArray x, boolean training) {
        NDArray code = encoder.forward(parameters, new NDList(x), training).singletonOrThrow();
        NDArray reconstruction = decoder.forward(parameters, new NDList(code), training).singletonOrThrow();
        return new Output(code, reconstruction, reconstructionError(x, reconstruction, reduction, norm));
    }

    @Override
    public NDArray energy(ParameterStore parameters, NDArray x, boolean training) {
        return forward(parameters, x, training).energy();
    }

    /** The encoder's code: the auto-encoder's last layer before the decoder. */
    @Override
    public NDArray features(ParameterStore parameters, NDArray x, boolean training) {
        return encoder.forward(parameters, new NDList(x), training).singletonOrThrow();
    }

    /** Per-sample squared error between {@code x} and its reconstruction. */
    public static NDArray reconstructionError(NDArray x, NDArray reconstruction, Reduction reduction) {
        return reconstructionError(x, reconstruction, reduction, ErrorNorm.SQUARED);
    }

    /** Per-sample error between {@code x} and its reconstruction under the given norm. */
    public static NDArray reconstructionError(NDArray x, NDArray reconstruction, Reduction reduction, ErrorNorm norm) {
        NDArray diff = reconstruction.sub(x.reshape(reconstruction.getShape()));
        return reduction.apply(norm == ErrorNorm.SQUARED ? diff.square() : diff.abs());
    }
}
