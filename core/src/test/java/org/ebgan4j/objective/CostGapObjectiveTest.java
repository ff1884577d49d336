package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class CostGapObjectiveTest {

    @Test
    void hingedGapAgainstTheBatchMeanRealCost() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {1, 3});
            NDArray fake = m.create(new float[] {0, 5, 20});
            // mean(real) = 2: max(2 - 0, -10) = 2, max(2 - 5, -10) = -3, max(2 - 20, -10) = -10.
            assertThat(CostGapObjective.discriminatorLoss(real, fake, 10f).getFloat()).isCloseTo(-11f / 3f, within(1e-5f));
            // Without a margin, the plain gap 2 - 25/3.
            assertThat(CostGapObjective.discriminatorLoss(real, fake, 0f).getFloat()).isCloseTo(2f - 25f / 3f, within(1e-5f));
            assertThat(CostGapObjective.generatorLoss(fake).getFloat()).isCloseTo(25f / 3f, within(1e-5f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] costs = {1.0, 3.0, 0.0, 5.0, 20.0};
            FiniteDifferences.assertGradientMatches(m, costs, new Shape(5),
                    c -> CostGapObjective.discriminatorLoss(c.get("0:2"), c.get("2:"), 10f));
        }
    }
}
