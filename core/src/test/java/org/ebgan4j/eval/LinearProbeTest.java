package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /** Three classes in 4-D around well-separated centres, plus a constant (dead) feature. */
    private static float[] blobs(int n, long seed, int[] labels) {
        Random random = new Random(seed);
        float[] x = new float[n * 5];
        double[][] centres = {{4, 0, 0, 0}, {0, 4, 0, 0}, {0, 0, 4, 4}};
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 5 + j] = (float) (centres[labels[i]][j] + random.nextGaussian());
            }
            x[i * 5 + 4] = 7;
        }
        return x;
    }

    @Test
    void separatesSeparableBlobs() {
        int[] trainY = new int[600];
        float[] trainX = blobs(600, 1, trainY);
        int[] testY = new int[300];
        float[] testX = blobs(300, 2, testY);
        LinearProbe probe = LinearProbe.fit(trainX, trainY, 5, 3, LinearProbe.Config.defaults(), 0);
        assertThat(probe.errorRate(testX, testY)).isLessThan(0.02);
    }

    @Test
    void randomFeaturesDoNoBetterThanChance() {
        Random random = new Random(3);
        int n = 600;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) random.nextGaussian();
            }
        }
        float[] testX = new float[n * 4];
        for (int i = 0; i < testX.length; i++) {
            testX[i] = (float) random.nextGaussian();
        }
        assertThat(LinearProbe.fit(x, y, 4, 2, LinearProbe.Config.defaults(), 0).errorRate(testX, y)).isGreaterThan(0.4);
    }

    @Test
    void overSeedsIsRepeatableAndSummarises() {
        int[] trainY = new int[300];
        float[] trainX = blobs(300, 4, trainY);
        int[] testY = new int[150];
        float[] testX = blobs(150, 5, testY);
        LinearProbe.Config config = new LinearProbe.Config(3, 50, 1e-2, 0);
        LinearProbe.Summary a = LinearProbe.overSeeds(trainX, trainY, testX, testY, 5, 3, config, 3);
        LinearProbe.Summary b = LinearProbe.overSeeds(trainX, trainY, testX, testY, 5, 3, config, 3);
        assertThat(a.errors()).containsExactly(b.errors());
        assertThat(a.errors()).hasSize(3);
        assertThat(a.min()).isLessThanOrEqualTo(a.mean());
    }

    @Test
    void summaryUsesSampleStandardDeviation() {
        LinearProbe.Summary s = LinearProbe.Summary.of(new double[] {0.1, 0.2, 0.3});
        assertThat(s.min()).isCloseTo(0.1, within(1e-12));
        assertThat(s.mean()).isCloseTo(0.2, within(1e-12));
        assertThat(s.std()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void rejectsLabelsOutOfRange() {
        assertThatThrownBy(() -> LinearProbe.fit(new float[] {1, 2}, new int[] {0, 3}, 1, 2, LinearProbe.Config.defaults(), 0))
                .hasMessageContaining("label 3 outside [0, 2)");
    }
}
