package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.EnergyFunction;

import java.util.List;
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

    /** The generator's loss on a generated batch whose graph reaches the generator, made from noise {@code z}. */
    NDArray generatorLoss(ParameterStore parameters, NDArray z, NDArray fake, long step, StepMetrics metrics);

    /**
     * A network trained with the generator on the generator's loss (the inference network q(z|x)
     * of EGAN-Ent-VI), or {@code null}.
     */
    default Block auxiliary() {
        return null;
    }

    /**
     * Whether the generator's step draws noise of its own instead of reusing the discriminator
     * step's batch (BEGAN's z_D and z_G, Berthelot et al. 2017, eq. 4); then the generator runs a
     * second forward pass on it.
     */
    default boolean separateGeneratorNoise() {
        return false;
    }

    /** Which networks the next step updates (the calibrated games' cost-gap rule on 2D data); both by default. */
    default org.ebgan4j.objective.CostGapUpdateRule.Update nextUpdate() {
        return org.ebgan4j.objective.CostGapUpdateRule.Update.BOTH;
    }

    /** At the end of each epoch (from 1), before the epoch's checkpoint. */
    default void onEpoch(long epoch) {}

    /** A factor on both networks' learning rates that the game sets from its own state (BEGAN's halving); 1 by default. */
    default double learningRateFactor() {
        return 1;
    }

    /** After both updates of a step: a game's own control variables move here (BEGAN's k_t). */
    default void afterStep(StepMetrics metrics) {}

    /** Scalars that evolve during training and must survive a checkpoint (BEGAN's k_t, say). */
    default Map<String, Double> state() {
        return Map.of();
    }

    default void restore(Map<String, Double> state) {}

    /** Charts of this game's own metrics, drawn at the end of a run beside the energy and loss curves. */
    default List<MetricsChart> charts() {
        return List.of();
    }
}
