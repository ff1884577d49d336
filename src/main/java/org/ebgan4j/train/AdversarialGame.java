package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.EnergyFunction;

import java.util.Map;

/**
 * The losses of one adversarial game, given a discriminator read as an energy. The trainer owns the
 * loop, the optimisers and the gradient bookkeeping; a game only turns batches into two scalars.
 */
public interface AdversarialGame {

    /** The discriminator, as an energy function. */
    EnergyFunction discriminator();

    /**
     * The discriminator's loss on a real batch and a generated one. {@code fake} carries no
     * gradient path to the generator.
     */
    NDArray discriminatorLoss(ParameterStore parameters, NDArray real, NDArray fake, long step, StepMetrics metrics);

    /** The generator's loss on a generated batch whose graph reaches the generator. */
    NDArray generatorLoss(ParameterStore parameters, NDArray fake, long step, StepMetrics metrics);

    /** Scalars that evolve during training and must survive a checkpoint (BEGAN's k_t, say). */
    default Map<String, Double> state() {
        return Map.of();
    }

    default void restore(Map<String, Double> state) {}
}
