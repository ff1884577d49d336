package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class MarginObjectiveTest {

    @Test
    void discriminatorLossHingesEachFakeSampleSeparately() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {1, 3});
            NDArray fake = m.create(new float[] {4, 12, 9});
            // mean(1, 3) + mean(max(0, 10-4), max(0, 10-12), max(0, 10-9)) = 2 + 7/3
            assertThat(MarginObjective.discriminatorLoss(real, fake, 10f).getFloat()).isCloseTo(2f + 7f / 3f, within(1e-5f));
            // A batch-level hinge would give 2 + max(0, 10 - 25/3) = 3.667: the per-sample one differs.
            assertThat(MarginObjective.generatorLoss(fake).getFloat()).isCloseTo(25f / 3f, within(1e-5f));
        }
    }

    @Test
    void fakesAboveTheMarginCostNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray loss = MarginObjective.discriminatorLoss(m.create(new float[] {0.5f}), m.create(new float[] {11, 20}), 10f);
            assertThat(loss.getFloat()).isCloseTo(0.5f, within(1e-6f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Energies away from the hinge's kink at m, where the derivative is undefined.
            double[] energies = {1.5, 0.2, 3.0, 7.0, 12.5, 9.1};
            FiniteDifferences.assertGradientMatches(m, energies, new Shape(6), e -> {
                NDArray real = e.get("0:3");
                NDArray fake = e.get("3:");
                return MarginObjective.discriminatorLoss(real, fake, 10f);
            });
            FiniteDifferences.assertGradientMatches(m, energies, new Shape(6), MarginObjective::generatorLoss);
        }
    }
}
