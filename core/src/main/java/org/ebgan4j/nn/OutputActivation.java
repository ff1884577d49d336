package org.ebgan4j.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/** The last layer's non-linearity: Tanh for images normalised to [-1, 1], none for unbounded 2D points. */
public enum OutputActivation {
    TANH,
    LINEAR;

    Block block() {
        return this == TANH ? Activation.tanhBlock() : new LambdaBlock(x -> x, "identity");
    }
}
