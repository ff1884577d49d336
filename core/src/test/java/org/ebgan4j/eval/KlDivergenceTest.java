package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KlDivergenceTest {

    @Test
    void knownDivergences() {
        // KL((1/2, 1/2) || (1/4, 3/4)) = 1/2 ln 2 + 1/2 ln(2/3).
        double expected = 0.5 * Math.log(2) + 0.5 * Math.log(2.0 / 3);
        assertThat(KlDivergence.of(new double[] {0.5, 0.5}, new double[] {0.25, 0.75}, 0)).isCloseTo(expected, within(1e-12));
        assertThat(KlDivergence.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})).isZero();
    }

    @Test
    void emptyCellsAreSmoothedToAFiniteValue() {
        double kl = KlDivergence.of(new double[] {1, 0}, new double[] {0, 1});
        // With eps = 1e-10, about ln(1 / 1e-10) = 23.03.
        assertThat(kl).isFinite().isCloseTo(Math.log(1e10), within(1e-3));
    }

    @Test
    void asymmetric() {
        double[] p = {0.9, 0.1};
        double[] q = {0.5, 0.5};
        assertThat(KlDivergence.of(p, q)).isNotCloseTo(KlDivergence.of(q, p), within(1e-3));
    }
}
