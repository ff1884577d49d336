package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Random;

class PullAwayTermTest {

    private static float pt(NDManager m, float[][] codes) {
        return PullAwayTerm.of(m.create(codes)).getFloat();
    }

    @Test
    void meanSquaredCosineOverOrderedPairs() {
        try (NDManager m = NDManager.newBaseManager()) {
            // cos(1,2) = 0, cos(1,3) = cos(2,3) = 1/sqrt(2): squares 0, 1/2, 1/2, each pair twice, over 3*2.
            assertThat(pt(m, new float[][] {{1, 0}, {0, 1}, {1, 1}})).isCloseTo(1f / 3f, within(1e-6f));
            // Unsquared cosines would give 0.4714; a norm over the whole matrix yet another number.
        }
    }

    @Test
    void invariantToTheScaleOfEachCode() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(pt(m, new float[][] {{2, 0}, {0, 3}, {5, 5}})).isCloseTo(1f / 3f, within(1e-6f));
        }
    }

    @Test
    void identicalCodesGiveOneAndOrthogonalCodesZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThat(pt(m, new float[][] {{1, 2, 3}, {2, 4, 6}, {0.5f, 1, 1.5f}, {1, 2, 3}})).isCloseTo(1f, within(1e-6f));
            assertThat(pt(m, new float[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}})).isCloseTo(0f, within(1e-7f));
        }
    }

    @Test
    void aZeroCodeIsOrthogonalToAllAndStaysFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Only the pair (2, 3) is similar: 2 ordered pairs of cos^2 = 1, over 3*2.
            assertThat(pt(m, new float[][] {{0, 0}, {1, 0}, {1, 0}})).isCloseTo(1f / 3f, within(1e-6f));
        }
    }

    @Test
    void higherRankCodesAreFlattened() {
        try (NDManager m = NDManager.newBaseManager()) {
            float flat = pt(m, new float[][] {{1, 0, 0, 1}, {0, 1, 1, 0}, {1, 1, 1, 1}});
            float shaped = PullAwayTerm.of(m.create(new float[] {1, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1}, new Shape(3, 2, 2))).getFloat();
            assertThat(shaped).isCloseTo(flat, within(1e-7f));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random r = new Random(3);
        double[] codes = new double[5 * 4];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            FiniteDifferences.assertGradientMatches(m, codes, new Shape(5, 4), PullAwayTerm::of);
        }
    }

    @Test
    void needsTwoSamples() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> PullAwayTerm.of(m.create(new float[][] {{1, 2}})))
                    .hasMessageContaining("at least 2 samples");
        }
    }
}
