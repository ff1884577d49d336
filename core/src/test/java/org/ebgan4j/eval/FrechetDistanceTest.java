package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static float[] gaussianRows(int n, int dim, long seed, double shift, double stretch) {
        Random random = new Random(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            double common = random.nextGaussian();
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (shift + stretch * (random.nextGaussian() + 0.5 * common * (j % 2)));
            }
        }
        return x;
    }

    @Test
    void identicalSetsAreAtDistanceZero() {
        float[] x = gaussianRows(400, 6, 1, 0, 1);
        FrechetDistance.Gaussian g = FrechetDistance.Gaussian.fit(x, 400, 6);
        assertThat(FrechetDistance.of(g, g)).isCloseTo(0, within(1e-9));
    }

    @Test
    void oneDimensionMatchesClosedForm() {
        // In 1-D: d^2 = (m1 - m2)^2 + (s1 - s2)^2.
        float[] a = {1, 3}; // mean 2, unbiased variance 2
        float[] b = {0, 4, 8}; // mean 4, unbiased variance 16
        double d = FrechetDistance.of(FrechetDistance.Gaussian.fit(a, 2, 1), FrechetDistance.Gaussian.fit(b, 3, 1));
        assertThat(d).isCloseTo(4 + Math.pow(Math.sqrt(2) - 4, 2), within(1e-9));
    }

    @Test
    void shiftingTheMeanAddsItsSquaredLength() {
        float[] x = gaussianRows(300, 5, 2, 0, 1);
        float[] shifted = x.clone();
        for (int i = 0; i < 300; i++) {
            shifted[i * 5] += 3;
            shifted[i * 5 + 4] -= 4;
        }
        double d = FrechetDistance.of(FrechetDistance.Gaussian.fit(x, 300, 5), FrechetDistance.Gaussian.fit(shifted, 300, 5));
        assertThat(d).isCloseTo(25, within(1e-6));
    }

    @Test
    void scaledCovarianceMatchesTraceFormula() {
        // S2 = c^2 S1 gives d^2 = Tr(S1) (1 - c)^2 when the means agree.
        float[] x = gaussianRows(500, 4, 3, 0, 1);
        float[] scaled = x.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= 3;
        }
        FrechetDistance.Gaussian g1 = FrechetDistance.Gaussian.fit(x, 500, 4);
        FrechetDistance.Gaussian g2 = FrechetDistance.Gaussian.fit(scaled, 500, 4);
        double trace = 0;
        for (int i = 0; i < 4; i++) {
            trace += g1.covariance()[i][i];
        }
        double meanShift = 0;
        for (int i = 0; i < 4; i++) {
            meanShift += Math.pow(g1.mean()[i] - g2.mean()[i], 2);
        }
        assertThat(FrechetDistance.of(g1, g2)).isCloseTo(meanShift + trace * 4, within(1e-6 * trace));
    }

    @Test
    void isSymmetricAndGrowsWithDistance() {
        FrechetDistance.Gaussian a = FrechetDistance.Gaussian.fit(gaussianRows(300, 3, 5, 0, 1), 300, 3);
        FrechetDistance.Gaussian b = FrechetDistance.Gaussian.fit(gaussianRows(300, 3, 6, 0.5, 1.2), 300, 3);
        FrechetDistance.Gaussian c = FrechetDistance.Gaussian.fit(gaussianRows(300, 3, 7, 2, 2), 300, 3);
        assertThat(FrechetDistance.of(a, b)).isCloseTo(FrechetDistance.of(b, a), within(1e-9));
        assertThat(FrechetDistance.of(a, c)).isGreaterThan(FrechetDistance.of(a, b));
    }
}
