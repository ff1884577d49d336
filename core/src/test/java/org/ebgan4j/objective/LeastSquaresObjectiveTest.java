package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class LeastSquaresObjectiveTest {

    @Test
    void lossesMatchHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {1.5f, 0.5f});
            NDArray fake = m.create(new float[] {0.2f, -0.4f, 1f});
            // D: 0.5 * mean((0.5)^2, (-0.5)^2) + 0.5 * mean(0.2^2, 0.4^2, 1^2) = 0.125 + 0.2; G: 0.5 * mean(0.8^2, 1.4^2, 0^2).
            assertThat(LeastSquaresObjective.discriminatorLoss(real, fake, 1f, 0f).getFloat()).isCloseTo(0.325f, within(1e-6f));
            assertThat(LeastSquaresObjective.generatorLoss(fake, 1f).getFloat()).isCloseTo((float) (0.5 * (0.64 + 1.96) / 3), within(1e-6f));
        }
    }

    @Test
    void theLossesVanishExactlyAtTheirTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {1, 1, 1});
            NDArray fake = m.create(new float[] {-1, -1});
            assertThat(LeastSquaresObjective.discriminatorLoss(real, fake, 1f, -1f).getFloat()).isZero();
            assertThat(LeastSquaresObjective.generatorLoss(fake, -1f).getFloat()).isZero();
            assertThat(LeastSquaresObjective.generatorLoss(fake, 1f).getFloat()).isCloseTo(2f, within(1e-6f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] outputs = {0.3, -1.2, 2.0, -0.4, 0.9};
            FiniteDifferences.assertGradientMatches(m, outputs, new Shape(5),
                    d -> LeastSquaresObjective.discriminatorLoss(d.get("0:2"), d.get("2:"), 1f, 0f));
            FiniteDifferences.assertGradientMatches(m, outputs, new Shape(5), d -> LeastSquaresObjective.generatorLoss(d, 1f));
        }
    }
}
