package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.AutoencoderEnergy;
import org.ebgan4j.objective.MarginObjective;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.PullAwayTerm;

/**
 * EBGAN and EBGAN-PT (Zhao et al. 2017): the auto-encoder energy under the margin loss, and for
 * EBGAN-PT the pull-away term on the fake batch's codes added to the generator's loss.
 */
public final class EbganGame implements AdversarialGame {

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
        metrics.put(StepMetrics.ENERGY_REAL, realEnergy.mean().getFloat())
                .put(StepMetrics.ENERGY_FAKE, fakeEnergy.mean().getFloat())
                .put(StepMetrics.MARGIN, m);
        return loss;
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        AutoencoderEnergy.Output out = energy.forward(ps, fake, true);
        NDArray loss = MarginObjective.generatorLoss(out.energy());
        if (pullAwayWeight > 0) {
            NDArray pt = PullAwayTerm.of(out.code());
            metrics.put(StepMetrics.PULL_AWAY, pt.getFloat());
            loss = loss.add(pt.mul(pullAwayWeight));
        }
        return loss;
    }
}
