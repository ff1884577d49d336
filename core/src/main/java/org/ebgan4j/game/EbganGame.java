package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.AutoencoderEnergy;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.MarginObjective;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.PullAwayTerm;
import org.ebgan4j.objective.Scalars;

/**
 * EBGAN and EBGAN-PT (Zhao et al. 2017): the auto-encoder energy under the margin loss, and for
 * EBGAN-PT the pull-away term on the fake batch's codes added to the generator's loss.
 */
public final class EbganGame implements AdversarialGame {

    /** The EBGAN paper's margin on MNIST, on its energy ||Dec(Enc(x)) - x|| ({@link Reduction#NORM}). */
    public static final float MNIST_MARGIN = 10f;

    /**
     * EBGAN's parameters (eq. 1-4).
     *
     * @param reduction how the squared reconstruction errors become one energy per sample
     * @param margin the margin m of the hinge, as a function of the step
     * @param pullAwayWeight weight of the pull-away term in G's loss: 0 for EBGAN, the paper's 0.1 for EBGAN-PT
     */
    @ModelNames(value = {"ebgan", "ebgan-pt"}, descriptions = {"EBGAN: auto-encoder energy, margin loss",
        "EBGAN with the pull-away term in the generator's loss"})
    public record Spec(Reduction reduction, MarginSchedule margin, float pullAwayWeight) implements GameSpec {

        public Spec {
            if (reduction == null || margin == null) {
                throw new IllegalArgumentException("EBGAN needs a reduction and a margin");
            }
            if (!(margin.start() > 0)) {
                throw new IllegalArgumentException("`margin` must be positive for EBGAN (eq. 1: with m = 0 the fakes' energy has no "
                        + "push), got " + margin.start());
            }
            if (!(pullAwayWeight >= 0) || Float.isInfinite(pullAwayWeight)) {
                throw new IllegalArgumentException("`ptWeight` must be 0 or more, got " + pullAwayWeight);
            }
        }

        /**
         * The paper's defaults: on images its energy, the norm ||Dec(Enc(x)) - x|| (eq. 5), which at its
         * MNIST margin of 10 gave better digits than the summed square (README, "Energy scale"); on 2D
         * points the summed square, margin 1; pull-away weight 0.1 for EBGAN-PT.
         */
        public static Spec of(String model, DataTraits data, GameParameters given) {
            Reduction reduction = given.get("energy", Reduction.class, data.points() ? Reduction.SUM : Reduction.NORM);
            MarginSchedule margin = given.marginSchedule(data.points() ? 1f : MNIST_MARGIN);
            if (model.equals("ebgan")) {
                return new Spec(reduction, margin, 0f);
            }
            float weight = given.getFloat("ptWeight", PullAwayTerm.DEFAULT_WEIGHT);
            if (!(weight > 0)) {
                throw new IllegalArgumentException("`ptWeight` must be positive for ebgan-pt, got " + weight
                        + " (EBGAN without the term is model ebgan)");
            }
            return new Spec(reduction, margin, weight);
        }

        @Override
        public String model() {
            return pullAwayWeight > 0 ? "ebgan-pt" : "ebgan";
        }

        @Override
        public EbganGame create(NetworkSpec networks) {
            return new EbganGame(new AutoencoderEnergy(networks.encoder(), networks.decoder(), reduction), margin, pullAwayWeight);
        }
    }

    private final AutoencoderEnergy energy;
    private final MarginSchedule margin;
    private final float pullAwayWeight;

    /** @param pullAwayWeight 0 for EBGAN, 0.1 for the paper's EBGAN-PT */
    public EbganGame(AutoencoderEnergy energy, MarginSchedule margin, float pullAwayWeight) {
        this.energy = energy;
        this.margin = margin;
        this.pullAwayWeight = pullAwayWeight;
    }

    @Override
    public AutoencoderEnergy discriminator() {
        return energy;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realEnergy = energy.forward(ps, real, true).energy();
        NDArray fakeEnergy = energy.forward(ps, fake, true).energy();
        float m = margin.at(step);
        NDArray loss = MarginObjective.discriminatorLoss(realEnergy, fakeEnergy, m);
        metrics.defer(StepMetrics.ENERGY_REAL, realEnergy.mean())
                .defer(StepMetrics.ENERGY_FAKE, fakeEnergy.mean())
                .put(StepMetrics.MARGIN, m);
        return loss;
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        AutoencoderEnergy.Output out = energy.forward(ps, fake, true);
        NDArray loss = MarginObjective.generatorLoss(out.energy());
        if (pullAwayWeight > 0) {
            NDArray pt = PullAwayTerm.of(out.code());
            metrics.defer(StepMetrics.PULL_AWAY, pt);
            loss = loss.add(pt.mul(Scalars.of(pt, pullAwayWeight)));
        }
        return loss;
    }
}
