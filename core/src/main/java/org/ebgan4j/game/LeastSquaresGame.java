package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.CriticEnergy;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.LeastSquaresObjective;

/**
 * The least-squares GAN (Mao et al. 2017): a one-output critic regressed onto target values for real
 * and generated samples. Read as an energy, {@code E(x) = -D(x)}: the data, pulled towards the real
 * target, sits low.
 */
public final class LeastSquaresGame implements AdversarialGame {

    /**
     * The targets of eq. 2 of the LSGAN paper: D pulls fakes to {@code a} and data to {@code b}, G pulls
     * its samples to {@code c}; the paper's 0-1 coding is a = 0, b = c = 1.
     */
    @ModelNames(value = "lsgan", descriptions = "least-squares GAN: the critic regressed onto 0 for fakes and 1 for data")
    public record Spec(float fakeTarget, float realTarget, float generatorTarget) implements GameSpec {

        public Spec {
            if (!Float.isFinite(fakeTarget) || !Float.isFinite(realTarget) || !Float.isFinite(generatorTarget)
                    || fakeTarget == realTarget) {
                throw new IllegalArgumentException("LSGAN targets must be finite, the fake and real ones different; got a="
                        + fakeTarget + ", b=" + realTarget + ", c=" + generatorTarget);
            }
        }

        public static Spec of(String model, DataTraits data, GameParameters given) {
            return new Spec(0f, 1f, 1f);
        }

        @Override
        public String model() {
            return "lsgan";
        }

        @Override
        public LeastSquaresGame create(NetworkSpec networks) {
            return new LeastSquaresGame(new CriticEnergy(networks.critic()), this);
        }
    }

    private final CriticEnergy critic;
    private final Spec targets;

    public LeastSquaresGame(CriticEnergy critic, Spec targets) {
        this.critic = critic;
        this.targets = targets;
    }

    @Override
    public CriticEnergy discriminator() {
        return critic;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realOut = critic.logits(ps, real, true);
        NDArray fakeOut = critic.logits(ps, fake, true);
        metrics.defer(StepMetrics.ENERGY_REAL, realOut.mean().neg())
                .defer(StepMetrics.ENERGY_FAKE, fakeOut.mean().neg());
        return LeastSquaresObjective.discriminatorLoss(realOut, fakeOut, targets.realTarget(), targets.fakeTarget());
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        return LeastSquaresObjective.generatorLoss(critic.logits(ps, fake, true), targets.generatorTarget());
    }
}
