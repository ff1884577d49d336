package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class GaussianMixture2DTest {

    private static double integrate(GaussianMixture2D m, double lo, double hi, int n) {
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum += m.density(lo + (i + 0.5) * h, lo + (j + 0.5) * h);
            }
        }
        return sum * h * h;
    }

    @Test
    void presetDensitiesIntegrateToOne() {
        assertThat(integrate(MixturePresets.gaussians4(), -30, 30, 600)).isCloseTo(1.0, within(1e-3));
        assertThat(integrate(MixturePresets.biased2(), -20, 20, 400)).isCloseTo(1.0, within(1e-3));
        assertThat(integrate(MixturePresets.spirals(), -15, 15, 600)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void densityOfOneGaussianMatchesTheFormula() {
        GaussianMixture2D g = new GaussianMixture2D("one", 1, List.of(
                new GaussianMixture2D.Component(2, new double[] {1, -1}, new double[][] {{2, 0.5}, {0.5, 1}})));
        // det = 1.75; at the mean: 1 / (2 pi sqrt(1.75)).
        assertThat(g.density(1, -1)).isCloseTo(1 / (2 * Math.PI * Math.sqrt(1.75)), within(1e-12));
        // At (2, -1): dx = (1, 0), quadratic form = cov^-1[0][0] = 1 / 1.75.
        assertThat(g.density(2, -1)).isCloseTo(Math.exp(-0.5 / 1.75) / (2 * Math.PI * Math.sqrt(1.75)), within(1e-12));
        assertThat(g.components().get(0).weight()).isEqualTo(1.0);
    }

    @Test
    void samplesHaveTheMixtureMomentsAndWeights() {
        GaussianMixture2D m = MixturePresets.biased2();
        int n = 100_000;
        float[] xy = m.sample(n, 11);
        int positive = 0;
        double sx = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            if (xy[2 * i] + xy[2 * i + 1] > 0) {
                positive++;
            }
            sx += xy[2 * i];
            sxx += xy[2 * i] * xy[2 * i];
        }
        // Along (1, 1) the components sit at +-4.933 with sd 2.236, so Phi(-2.206) = 0.01369 of each
        // lands on the other side: 0.1 + 0.8 * 0.01369 = 0.1110 of the points have x + y > 0.
        assertThat(positive / (double) n).isCloseTo(0.1110, within(0.003));
        // E[x] = 0.1 * 3.488 - 0.9 * 3.488; Var[x] = 5 + E[mean^2] - E[x]^2.
        double mean = -0.8 * 3.488;
        assertThat(sx / n).isCloseTo(mean, within(0.03));
        assertThat(sxx / n - (sx / n) * (sx / n)).isCloseTo(5 + 3.488 * 3.488 - mean * mean, within(0.1));
    }

    @Test
    void correlatedCovarianceIsReproduced() {
        GaussianMixture2D g = new GaussianMixture2D("c", 1, List.of(
                new GaussianMixture2D.Component(1, new double[] {0, 0}, new double[][] {{4, 1.2}, {1.2, 1}})));
        float[] xy = g.sample(200_000, 3);
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < xy.length; i += 2) {
            sxy += xy[i] * xy[i + 1];
            syy += xy[i + 1] * xy[i + 1];
        }
        assertThat(sxy / (xy.length / 2)).isCloseTo(1.2, within(0.03));
        assertThat(syy / (xy.length / 2)).isCloseTo(1.0, within(0.02));
    }

    @Test
    void sameSeedSameSamplesAndScaledDataset() {
        GaussianMixture2D m = MixturePresets.gaussians4();
        assertThat(m.sample(100, 5)).containsExactly(m.sample(100, 5));
        assertThat(m.sample(100, 5)).isNotEqualTo(m.sample(100, 6));
        TensorDataset ds = m.toDataset(100, 5);
        assertThat(ds.toRaw(ds.data())).containsExactly(m.sample(100, 5), within(1e-5f));
    }

    @Test
    void jsonRoundTripAndValidation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        MixturePresets.biased2().save(file);
        GaussianMixture2D back = GaussianMixture2D.fromJson(file);
        assertThat(back.density(1, 2)).isCloseTo(MixturePresets.biased2().density(1, 2), within(1e-15));
        assertThat(Datasets.load(file.toString(), null, 10, 0).size()).isEqualTo(10);

        Files.writeString(file, "{\"name\":\"bad\",\"scale\":1,\"components\":[{\"weight\":1,\"mean\":[0,0],\"cov\":[[1,2],[2,1]]}]}");
        assertThatThrownBy(() -> GaussianMixture2D.fromJson(file)).hasMessageContaining("not positive definite");
        Files.writeString(file, "{\"name\":\"bad\",\"scale\":1,\"components\":[{\"weight\":-1,\"mean\":[0,0],\"cov\":[[1,0],[0,1]]}]}");
        assertThatThrownBy(() -> GaussianMixture2D.fromJson(file)).hasMessageContaining("weights must be positive");
    }
}
