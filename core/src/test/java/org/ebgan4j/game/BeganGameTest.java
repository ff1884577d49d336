package org.ebgan4j.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BeganGameTest {

    private static StepMetrics step(double real, double fakeOfD, double fakeOfG) {
        return new StepMetrics().put(StepMetrics.ENERGY_REAL, real).put(StepMetrics.ENERGY_FAKE, fakeOfD)
                .put(StepMetrics.LOSS_G, fakeOfG);
    }

    @Test
    void kFollowsTheGeneratorStepsLossNotTheDiscriminatorSteps() {
        BeganGame game = new BeganGame(null, 0.5f, 0.001f);
        assertThat(game.separateGeneratorNoise()).isTrue();
        // k_1 = 0 + 0.001 (0.5 * 0.4 - 0.1) = 1e-4 (lambda_k is a float); the D pass's fake loss (0.9) plays no part.
        StepMetrics first = step(0.4, 0.9, 0.1);
        game.afterStep(first);
        assertThat(game.k()).isCloseTo(1e-4, within(1e-9));
        // M_global = L(x) + |gamma L(x) - L(G(z_G))| = 0.4 + |0.2 - 0.1|.
        assertThat(first.get(BeganGame.CONVERGENCE)).isCloseTo(0.5, within(1e-9));
        // k_2 = 1e-4 + 0.001 (0.5 * 0.4 - 0.35) = -5e-5, clipped to 0.
        game.afterStep(step(0.4, 0.0, 0.35));
        assertThat(game.k()).isEqualTo(0.0);
        // Restored from a checkpoint, k goes on from there: 0.25 + 0.001 (0.5 * 1.0 - 0.2) = 0.2503.
        game.restore(java.util.Map.of(BeganGame.K, 0.25));
        game.afterStep(step(1.0, 5.0, 0.2));
        assertThat(game.k()).isCloseTo(0.2503, within(1e-9));
    }

    @Test
    void theLearningRatesHalveWhenMGlobalStallsForTheGivenEpochs() {
        BeganGame game = new BeganGame(null, 0.5f, 0.001f, 2);
        // gamma 0.5: with L(G(z_G)) = 0.5 L(x), M_global = L(x). Epoch means 1.0, 0.8 (new lows), 0.9, 0.85 (two stalled).
        double[][] epochs = {{1.0, 1.0}, {0.7, 0.9}, {0.9, 0.9}, {0.85, 0.85}, {0.5, 0.5}};
        double[] factors = new double[epochs.length];
        for (int e = 0; e < epochs.length; e++) {
            for (double real : epochs[e]) {
                game.afterStep(step(real, 0, 0.5 * real));
            }
            game.onEpoch(e + 1);
            factors[e] = game.learningRateFactor();
        }
        // Halved after the second stalled epoch; the new low of epoch 5 (0.5) keeps it.
        assertThat(factors).containsExactly(1, 1, 1, 0.5, 0.5);
        // The halving's state travels with the checkpoint: a restored game halves at the same epoch.
        BeganGame resumed = new BeganGame(null, 0.5f, 0.001f, 2);
        resumed.restore(game.state());
        assertThat(resumed.learningRateFactor()).isEqualTo(0.5);
        for (BeganGame g : new BeganGame[] {game, resumed}) {
            g.afterStep(step(0.6, 0, 0.3));
            g.onEpoch(6);
            g.afterStep(step(0.6, 0, 0.3));
            g.onEpoch(7);
        }
        assertThat(game.learningRateFactor()).isEqualTo(0.25).isEqualTo(resumed.learningRateFactor());
        // Off by default.
        BeganGame off = new BeganGame(null, 0.5f, 0.001f);
        for (int e = 1; e <= 5; e++) {
            off.afterStep(step(1, 0, 0.5));
            off.onEpoch(e);
        }
        assertThat(off.learningRateFactor()).isEqualTo(1.0);
    }
}
