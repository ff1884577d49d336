package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.StepMetrics;
import org.junit.jupiter.api.Test;

class CostGapUpdateRuleTest {

    @Test
    void theAuthorsBoundsChooseTheNetworksThatLearn() {
        CostGapUpdateRule biased = CostGapUpdateRule.authors2d(true);
        assertThat(biased).isEqualTo(new CostGapUpdateRule(-0.2, 0.1));
        // Between the bounds both; above the upper D alone (it is losing); at or below the lower, or exactly at the upper, G alone.
        assertThat(biased.choose(0.0)).isEqualTo(CostGapUpdateRule.Update.BOTH);
        assertThat(biased.choose(0.5)).isEqualTo(CostGapUpdateRule.Update.DISCRIMINATOR);
        assertThat(biased.choose(-0.2)).isEqualTo(CostGapUpdateRule.Update.GENERATOR);
        assertThat(biased.choose(-3)).isEqualTo(CostGapUpdateRule.Update.GENERATOR);
        assertThat(biased.choose(0.1)).isEqualTo(CostGapUpdateRule.Update.GENERATOR);
        assertThat(CostGapUpdateRule.authors2d(false).choose(-3)).isEqualTo(CostGapUpdateRule.Update.BOTH);
        assertThat(CostGapUpdateRule.Update.DISCRIMINATOR.generator()).isFalse();
        assertThat(CostGapUpdateRule.Update.GENERATOR.discriminator()).isFalse();
        assertThatThrownBy(() -> new CostGapUpdateRule(1, 1)).hasMessageContaining("lower < upper");
    }

    @Test
    void theGameStartsAtTheAuthorsGapOfOneAndFollowsTheDiscriminatorsLoss() {
        CalibratedGame game = new CalibratedGame(null, MarginSchedule.constant(10), new CalibratedGame.Constant(), null,
                CostGapUpdateRule.authors2d(false));
        // Gap 1 > 0.1 before the first step: the discriminator learns alone.
        assertThat(game.nextUpdate()).isEqualTo(CostGapUpdateRule.Update.DISCRIMINATOR);
        game.afterStep(new StepMetrics().put(StepMetrics.LOSS_D, -0.5));
        assertThat(game.nextUpdate()).isEqualTo(CostGapUpdateRule.Update.BOTH);
        game.afterStep(new StepMetrics().put(StepMetrics.LOSS_D, -10));
        assertThat(game.nextUpdate()).isEqualTo(CostGapUpdateRule.Update.GENERATOR);
        // The gap is in the checkpoint.
        CalibratedGame resumed = new CalibratedGame(null, MarginSchedule.constant(10), new CalibratedGame.Constant(), null,
                CostGapUpdateRule.authors2d(false));
        resumed.restore(game.state());
        assertThat(resumed.nextUpdate()).isEqualTo(CostGapUpdateRule.Update.GENERATOR);
        // Without a rule, both every step.
        CalibratedGame always = new CalibratedGame(null, MarginSchedule.constant(10), new CalibratedGame.Constant(), null);
        always.afterStep(new StepMetrics().put(StepMetrics.LOSS_D, 5));
        assertThat(always.nextUpdate()).isEqualTo(CostGapUpdateRule.Update.BOTH);
    }
}
