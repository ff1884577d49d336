package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.CriticEnergy;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.NonSaturatingObjective;

/** The ordinary GAN baseline: a one-logit discriminator under the non-saturating loss. */
public final class GanGame implements AdversarialGame {

    /** The GAN has no parameters of its own: its networks and optimisers are the run's. */
    @ModelNames(value = "gan", descriptions = "the ordinary GAN baseline with the same networks and a one-logit discriminator")
    public record Spec() implements GameSpec {

        public static Spec of(String model, DataTraits data, GameParameters given) {
            return new Spec();
        }

        @Override
        public String model() {
            return "gan";
        }

        @Override
        public GanGame create(NetworkSpec networks) {
            return new GanGame(new CriticEnergy(networks.critic()));
        }
    }

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
        metrics.defer(StepMetrics.ENERGY_REAL, realLogits.mean().neg())
                .defer(StepMetrics.ENERGY_FAKE, fakeLogits.mean().neg());
        return NonSaturatingObjective.discriminatorLoss(realLogits, fakeLogits);
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        return NonSaturatingObjective.generatorLoss(critic.logits(ps, fake, true));
    }
}
