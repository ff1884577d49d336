package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * The ordinary GAN's discriminator read as an energy: {@code E(x) = -logit(x)}, so that
 * {@code D(x) = sigmoid(-E(x))} and the data, which D calls real, sits low.
 */
public final class CriticEnergy implements EnergyFunction {

    private final Block critic;

    public CriticEnergy(Block critic) {
        this.critic = critic;
    }

    @Override
    public Block block() {
        return critic;
    }

    /** The raw logits, shape (batch). */
    public NDArray logits(ParameterStore parameters, NDArray x, boolean training) {
        NDArray out = critic.forward(parameters, new NDList(x), training).singletonOrThrow();
        return out.reshape(out.getShape().get(0));
    }

    @Override
    public NDArray energy(ParameterStore parameters, NDArray x, boolean training) {
        return logits(parameters, x, training).neg();
    }

    /** The activations that feed the output unit. */
    @Override
    public NDArray features(ParameterStore parameters, NDArray x, boolean training) {
        return HiddenLayers.lastHidden(critic, parameters, x, training);
    }
}
