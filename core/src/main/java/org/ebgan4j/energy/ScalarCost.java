package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** The calibrated energy GAN's discriminator: a network whose one unbounded output is the cost c(x). */
public final class ScalarCost implements EnergyFunction {

    private final Block network;

    public ScalarCost(Block network) {
        this.network = network;
    }

    @Override
    public Block block() {
        return network;
    }

    @Override
    public NDArray energy(ParameterStore parameters, NDArray x, boolean training) {
        NDArray out = network.forward(parameters, new NDList(x), training).singletonOrThrow();
        return out.reshape(out.getShape().get(0));
    }

    /** The activations that feed the output unit. */
    @Override
    public NDArray features(ParameterStore parameters, NDArray x, boolean training) {
        return HiddenLayers.lastHidden(network, parameters, x, training);
    }
}
