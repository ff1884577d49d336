package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InceptionScoreTest {

    @Test
    void uniformPredictionsScoreZero() {
        int n = 50;
        float[] probs = new float[n * 10];
        java.util.Arrays.fill(probs, 0.1f);
        InceptionScore.Result r = InceptionScore.compute(probs, n, 10);
        assertThat(r.score()).isCloseTo(0, within(1e-9));
        assertThat(r.expScore()).isCloseTo(1, within(1e-9));
        assertThat(r.samples()).isEqualTo(n);
    }

    @Test
    void confidentBalancedPredictionsScoreLnTen() {
        int n = 100;
        float[] probs = new float[n * 10];
        for (int i = 0; i < n; i++) {
            probs[i * 10 + i % 10] = 1;
        }
        InceptionScore.Result r = InceptionScore.compute(probs, n, 10);
        assertThat(r.score()).isCloseTo(Math.log(10), within(1e-9));
        // Each split of 10 rows holds every class once, so every split scores exactly 10.
        assertThat(r.expScore()).isCloseTo(10, within(1e-9));
        assertThat(r.splitStd()).isCloseTo(0, within(1e-9));
    }

    @Test
    void confidentButOneClassScoresZero() {
        float[] probs = new float[20 * 10];
        for (int i = 0; i < 20; i++) {
            probs[i * 10 + 3] = 1;
        }
        assertThat(InceptionScore.compute(probs, 20, 10).score()).isCloseTo(0, within(1e-9));
    }

    @Test
    void twoClassTableMatchesHandComputedValue() {
        // rows (0.9, 0.1) and (0.1, 0.9): p(y) = (0.5, 0.5);
        // KL of each row = 0.9 ln 1.8 + 0.1 ln 0.2.
        float[] probs = {0.9f, 0.1f, 0.1f, 0.9f};
        double expected = 0.9 * Math.log(1.8) + 0.1 * Math.log(0.2);
        assertThat(InceptionScore.compute(probs, 2, 2).score()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void randomTablesScoreBetweenZeroAndLnK() {
        Random random = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + random.nextInt(50);
            float[] probs = new float[n * 10];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                double[] row = new double[10];
                for (int c = 0; c < 10; c++) {
                    row[c] = Math.pow(random.nextDouble(), 4);
                    sum += row[c];
                }
                for (int c = 0; c < 10; c++) {
                    probs[i * 10 + c] = (float) (row[c] / sum);
                }
            }
            double score = InceptionScore.compute(probs, n, 10).score();
            assertThat(score).isBetween(0.0, Math.log(10) + 1e-9);
        }
    }

    @Test
    void rejectsRowsThatAreNotDistributions() {
        assertThatThrownBy(() -> InceptionScore.compute(new float[] {0.5f, 0.6f}, 1, 2))
                .hasMessageContaining("row 0 sums to");
        assertThatThrownBy(() -> InceptionScore.compute(new float[] {1, 0, 0}, 1, 2))
                .hasMessageContaining("3 values for n=1, k=2");
    }
}
