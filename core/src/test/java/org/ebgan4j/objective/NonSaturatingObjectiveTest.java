package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class NonSaturatingObjectiveTest {

    private static double softplus(double x) {
        return Math.log1p(Math.exp(x));
    }

    @Test
    void lossesMatchHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray real = m.create(new float[] {0, 2});
            NDArray fake = m.create(new float[] {0, -1});
            double d = (softplus(0) + softplus(-2)) / 2 + (softplus(0) + softplus(-1)) / 2;
            assertThat(NonSaturatingObjective.discriminatorLoss(real, fake).getFloat()).isCloseTo((float) d, within(1e-6f));
            double g = (softplus(0) + softplus(1)) / 2;
            assertThat(NonSaturatingObjective.generatorLoss(fake).getFloat()).isCloseTo((float) g, within(1e-6f));
        }
    }

    @Test
    void extremeLogitsStayFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray loss = NonSaturatingObjective.discriminatorLoss(m.create(new float[] {-200}), m.create(new float[] {200}));
            assertThat(loss.getFloat()).isCloseTo(400f, within(1e-3f));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] logits = {0.3, -1.2, 2.0, -0.4};
            FiniteDifferences.assertGradientMatches(m, logits, new Shape(4),
                    l -> NonSaturatingObjective.discriminatorLoss(l.get("0:2"), l.get("2:")));
            FiniteDifferences.assertGradientMatches(m, logits, new Shape(4), NonSaturatingObjective::generatorLoss);
        }
    }
}
