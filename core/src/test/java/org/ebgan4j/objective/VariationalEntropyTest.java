package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class VariationalEntropyTest {

    @Test
    void gaussianNegativeLogLikelihoodByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Row 1: z = 0.5, mean 0, log-sigma 0: 0.125 + 0.9189385.
            // Row 2: z = 0.5, mean 1, sigma 2: ((0.5 - 1) / 2)^2 / 2 = 0.03125, + ln 2 + 0.9189385.
            float nll = VariationalEntropy.negativeLogLikelihood(
                    m.create(new float[][] {{0.5f}, {0.5f}}),
                    m.create(new float[][] {{0f, 0f}, {1f, (float) Math.log(2)}})).getFloat();
            double expected = ((0.125 + 0.9189385) + (0.03125 + Math.log(2) + 0.9189385)) / 2;
            assertThat((double) nll).isCloseTo(expected, within(1e-5));
        }
    }

    @Test
    void gradientWithRespectToTheNetworksOutputMatchesFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[] q = {0.1, -0.3, 0.2, 0.05, 0.7, -0.2, -0.1, 0.3};
            FiniteDifferences.assertGradientMatches(m, q, new Shape(2, 4), out -> VariationalEntropy.negativeLogLikelihood(
                    out.getManager().create(new double[][] {{0.5, -1.0}, {1.5, 0.2}}), out));
        }
    }
}
