package org.ebgan4j.nn;

import ai.djl.nn.SequentialBlock;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The networks of a run as plain data: a generator and the discriminators' parts (the auto-encoder's
 * encoder and decoder, the one-output critic, the inference network of EGAN-Ent-VI), which a game
 * builds as it needs them. Every network reads and writes flat vectors.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FullyConnectedSpec.class, name = "fully-connected"),
    @JsonSubTypes.Type(value = ConvolutionalSpec.class, name = "convolutional")
})
public sealed interface NetworkSpec permits FullyConnectedSpec, ConvolutionalSpec {

    /** Values per sample of the generator's input. */
    int noiseDim();

    /** Distribution of the generator's input. */
    NoiseKind noise();

    /** Values per sample of the data. */
    int dataDim();

    /** Batch normalisation in the generator. */
    boolean batchNormG();

    /** Batch normalisation in the discriminators. */
    boolean batchNormD();

    /** Standard deviation of the generator's initial weights (biases start at 0). */
    float initStdG();

    /** Standard deviation of the discriminators' initial weights. */
    float initStdD();

    /** {@code {channels, height, width}} of the images the networks take, or {@code null} where they read plain vectors. */
    int[] imageShape();

    SequentialBlock generator();

    /** The auto-encoder's encoder; its output is the code. */
    SequentialBlock encoder();

    /** The auto-encoder's decoder, code to data. */
    SequentialBlock decoder();

    /** Data to one unbounded value (the GAN's logit, a calibrated game's cost). */
    SequentialBlock critic();

    /** The inference network q(z|x) of EGAN-Ent-VI: the mean and log-deviation of every noise value. */
    SequentialBlock inference();
}
