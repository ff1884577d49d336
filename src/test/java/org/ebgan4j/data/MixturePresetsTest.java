package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MixturePresetsTest {

    @Test
    void fourGaussiansHaveThePapersMeansAndVariances() {
        var c = MixturePresets.gaussians4().components();
        assertThat(c).hasSize(4);
        assertThat(c.get(1).mean()).containsExactly(-7.659, 7.659);
        assertThat(c.get(1).cov()[0][0]).isEqualTo(5.56);
        assertThat(c.get(1).cov()[1][1]).isEqualTo(9.23);
        assertThat(c).allSatisfy(g -> assertThat(g.weight()).isEqualTo(0.25));
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
        assertThat(c.get(100).mean()[0]).isCloseTo(-c.get(0).mean()[0], within(1e-12));
        assertThat(c.get(100).mean()[1]).isCloseTo(-c.get(0).mean()[1], within(1e-12));
        assertThat(c.get(0).cov()[0][0]).isCloseTo(0.45 * 0.45, within(1e-12));
        assertThat(MixturePresets.spirals(50).components()).hasSize(100);
    }
}
