package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoHasHandComputedEigenvalues() {
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        double[] values = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}}).values();
        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(1, within(1e-12));
        assertThat(values[1]).isCloseTo(3, within(1e-12));
    }

    @Test
    void reconstructsARandomSymmetricMatrix() {
        Random random = new Random(9);
        int n = 30;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = random.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a);
        double[][] v = eigen.vectors();
        double[] d = eigen.values();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rebuilt = 0;
                double dot = 0;
                for (int k = 0; k < n; k++) {
                    rebuilt += v[i][k] * d[k] * v[j][k];
                    dot += v[k][i] * v[k][j];
                }
                assertThat(rebuilt).isCloseTo(a[i][j], within(1e-9));
                assertThat(dot).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }

    @Test
    void squareRootSquaresBack() {
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[][] root = SymmetricEigen.of(a).applyNonNegative(Math::sqrt);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double sq = 0;
                for (int k = 0; k < 3; k++) {
                    sq += root[i][k] * root[k][j];
                }
                assertThat(sq).isCloseTo(a[i][j], within(1e-10));
            }
        }
    }
}
