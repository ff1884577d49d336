package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.AutoencoderEnergy;
import org.ebgan4j.objective.BoundaryEquilibrium;

import java.util.Map;

/** BEGAN: the auto-encoder's L1 loss under the equilibrium controller k_t (state of the game, checkpointed). */
public final class BeganGame implements AdversarialGame {

    public static final String K = "k";
    public static final String CONVERGENCE = "m_global";

    private final AutoencoderEnergy energy;
    private final float gamma;
    private final float lambda;
    private double k;

    public BeganGame(AutoencoderEnergy energy, float gamma, float lambda) {
        this.energy = energy;
        this.gamma = gamma;
        this.lambda = lambda;
    }

    @Override
    public AutoencoderEnergy discriminator() {
        return energy;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realLoss = energy.energy(ps, real, true);
        NDArray fakeLoss = energy.energy(ps, fake, true);
        metrics.put(StepMetrics.ENERGY_REAL, realLoss.mean().getFloat())
                .put(StepMetrics.ENERGY_FAKE, fakeLoss.mean().getFloat())
                .put(K, k);
        return BoundaryEquilibrium.discriminatorLoss(realLoss, fakeLoss, (float) k);
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        return BoundaryEquilibrium.generatorLoss(energy.energy(ps, fake, true));
    }

    /** Moves k with the losses measured in this step's discriminator pass, and logs M_global. */
    @Override
    public void afterStep(StepMetrics metrics) {
        double real = metrics.get(StepMetrics.ENERGY_REAL);
        double fake = metrics.get(StepMetrics.ENERGY_FAKE);
        metrics.put(CONVERGENCE, BoundaryEquilibrium.convergence(gamma, real, fake));
        k = BoundaryEquilibrium.updateK(k, gamma, lambda, real, fake);
    }

    public double k() {
        return k;
    }

    @Override
    public Map<String, Double> state() {
        return Map.of(K, k);
    }

    @Override
    public void restore(Map<String, Double> state) {
        k = state.getOrDefault(K, 0.0);
    }
}
