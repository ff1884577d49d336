package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MixturePresetsTest {

    @Test
    void fourGaussiansHaveThePapersMeansAndVariancesInTheAuthorsOrder() {
        var c = MixturePresets.gaussians4().components();
        double m = 7.659;
        double[][] means = {{m, m}, {-m, m}, {m, -m}, {-m, -m}};
        double[][] variances = {{5.18, 2.97}, {5.56, 9.23}, {9.47, 4.61}, {7.42, 3.66}};
        assertThat(c).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(c.get(i).weight()).isEqualTo(0.25);
            assertThat(c.get(i).mean()).containsExactly(means[i]);
            assertThat(c.get(i).cov()).isDeepEqualTo(new double[][] {{variances[i][0], 0}, {0, variances[i][1]}});
        }
    }

    @Test
    void biased2PutsNinetyPercentAtTheNegativeMean() {
        var c = MixturePresets.biased2().components();
        assertThat(c.get(0).weight()).isCloseTo(0.1, within(1e-15));
        assertThat(c.get(0).mean()).containsExactly(3.488, 3.488);
        assertThat(c.get(1).weight()).isCloseTo(0.9, within(1e-15));
        assertThat(c.get(1).mean()).containsExactly(-3.488, -3.488);
        assertThat(c).allSatisfy(g -> assertThat(g.cov()).isDeepEqualTo(new double[][] {{5, 0}, {0, 5}}));
    }

    @Test
    void spiralsStartAt120DegreesAndMirrorEachOther() {
        var c = MixturePresets.spirals(100).components();
        assertThat(c).hasSize(200);
        double t0 = Math.toRadians(120);
        assertThat(c.get(0).mean()[0]).isCloseTo(-t0 * Math.cos(t0), within(1e-12));
        assertThat(c.get(0).mean()[1]).isCloseTo(t0 * Math.sin(t0), within(1e-12));
        double t1 = Math.toRadians(480);
        assertThat(c.get(99).mean()[0]).isCloseTo(-t1 * Math.cos(t1), within(1e-12));
        assertThat(c.get(99).mean()[1]).isCloseTo(t1 * Math.sin(t1), within(1e-12));
        for (int i = 0; i < 100; i++) {
            assertThat(c.get(100 + i).mean()[0]).isCloseTo(-c.get(i).mean()[0], within(1e-12));
            assertThat(c.get(100 + i).mean()[1]).isCloseTo(-c.get(i).mean()[1], within(1e-12));
            // The radius equals the angle: an Archimedean spiral.
            double t = t0 + Math.toRadians(360) * i / 99;
            assertThat(Math.hypot(c.get(i).mean()[0], c.get(i).mean()[1])).isCloseTo(t, within(1e-12));
        }
        assertThat(c).allSatisfy(g -> {
            assertThat(g.weight()).isCloseTo(1 / 200.0, within(1e-15));
            assertThat(g.cov()).isDeepEqualTo(new double[][] {{0.45 * 0.45, 0}, {0, 0.45 * 0.45}});
        });
        assertThat(MixturePresets.spirals().components()).hasSize(2 * MixturePresets.SPIRAL_COMPONENTS);
        assertThat(MixturePresets.spirals(50).components()).hasSize(100);
        assertThatThrownBy(() -> MixturePresets.spirals(1)).hasMessageContaining("at least 2 components");
    }
}
