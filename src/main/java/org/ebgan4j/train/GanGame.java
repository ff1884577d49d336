package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.CriticEnergy;
import org.ebgan4j.objective.NonSaturatingObjective;

/** The ordinary GAN baseline: a one-logit discriminator under the non-saturating loss. */
public final class GanGame implements AdversarialGame {

    private final CriticEnergy critic;

    public GanGame(CriticEnergy critic) {
        this.critic = critic;
    }

    @Override
    public CriticEnergy discriminator() {
        return critic;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realLogits = critic.logits(ps, real, true);
        NDArray fakeLogits = critic.logits(ps, fake, true);
        // Reported as energies (-logit) so that every model's curves read the same way.
        metrics.put(StepMetrics.ENERGY_REAL, -realLogits.mean().getFloat())
                .put(StepMetrics.ENERGY_FAKE, -fakeLogits.mean().getFloat());
        return NonSaturatingObjective.discriminatorLoss(realLogits, fakeLogits);
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        return NonSaturatingObjective.generatorLoss(critic.logits(ps, fake, true));
    }
}
