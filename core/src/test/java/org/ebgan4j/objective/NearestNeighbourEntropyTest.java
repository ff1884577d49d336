package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class NearestNeighbourEntropyTest {

    private static final float[] LINE = {0, 1, 3, 7};

    @Test
    void unitScalingPointsAwayFromTheNeighboursMean() {
        // k = 2. x=0: neighbours 1 and 3, mean 2, direction +2 -> +1. x=7: neighbours 3 and 1, mean 2 -> -1.
        float[] g = NearestNeighbourEntropy.gradient(LINE, 4, 1, 2, NearestNeighbourEntropy.Scaling.UNIT, 0.5f);
        assertThat(g[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(g[3]).isCloseTo(-0.5f, within(1e-6f));
        // x=1: neighbours 0 (d=1) and 3 (d=4), mean 1.5, direction +0.5 -> +1.
        assertThat(g[1]).isCloseTo(0.5f, within(1e-6f));
    }

    @Test
    void varianceScalingDividesByTheNeighbourhoodsVariance() {
        float[] g = NearestNeighbourEntropy.gradient(LINE, 4, 1, 2, NearestNeighbourEntropy.Scaling.VARIANCE, 1f);
        // x=0: points {0, 1, 3}, mean 4/3, population variance 14/9; direction 2 -> 2 / (14/9) = 9/7.
        assertThat(g[0]).isCloseTo(9f / 7f, within(1e-5f));
        // x=7: points {7, 3, 1}, variance 56/9; direction 2 - 7 = -5 -> -45/56.
        assertThat(g[3]).isCloseTo(-45f / 56f, within(1e-5f));
    }

    @Test
    void directionsAreVectorsInTwoDimensions() {
        float[] pts = {0, 0, 3, 4, 30, 40};
        float[] g = NearestNeighbourEntropy.gradient(pts, 3, 2, 1, NearestNeighbourEntropy.Scaling.UNIT, 1f);
        assertThat(g[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(g[1]).isCloseTo(0.8f, within(1e-6f));
        // (30, 40)'s nearest is (3, 4): direction (-27, -36) -> (-0.6, -0.8).
        assertThat(g[4]).isCloseTo(-0.6f, within(1e-6f));
        assertThat(g[5]).isCloseTo(-0.8f, within(1e-6f));
    }

    @Test
    void surrogateHasTheConstantAsItsGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] x = {0.5, -1.0, 2.0, 0.25};
            float[] g = {1, -2, 0.5f, 3};
            FiniteDifferences.assertGradientMatches(m, x, new ai.djl.ndarray.types.Shape(2, 2),
                    s -> NearestNeighbourEntropy.surrogate(s, s.getManager().create(g).toType(s.getDataType(), false)));
        }
    }

    @Test
    void kMustFitTheBatch() {
        assertThatThrownBy(() -> NearestNeighbourEntropy.gradient(LINE, 4, 1, 4, NearestNeighbourEntropy.Scaling.UNIT, 1f))
                .hasMessageContaining("k must lie in [1, 3]");
    }
}
