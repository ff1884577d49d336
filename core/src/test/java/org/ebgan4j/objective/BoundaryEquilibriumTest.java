package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class BoundaryEquilibriumTest {

    @Test
    void lossesAndControlByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            // mean L(x) = 0.3, mean L(G(z)) = 0.2, k = 0.5: 0.3 - 0.1.
            assertThat(BoundaryEquilibrium.discriminatorLoss(m.create(new float[] {0.2f, 0.4f}), m.create(new float[] {0.1f, 0.3f}), 0.5f)
                    .getFloat()).isCloseTo(0.2f, within(1e-6f));
            assertThat(BoundaryEquilibrium.generatorLoss(m.create(new float[] {0.1f, 0.3f})).getFloat()).isCloseTo(0.2f, within(1e-6f));
        }
        // k grows when the generator's loss is below gamma L(x): 0.5 + 0.001 (0.5 * 0.2 - 0.05).
        assertThat(BoundaryEquilibrium.updateK(0.5, 0.5, 0.001, 0.2, 0.05)).isCloseTo(0.50005, within(1e-12));
        assertThat(BoundaryEquilibrium.updateK(0.9999, 0.5, 1, 1, 0)).isEqualTo(1.0);
        assertThat(BoundaryEquilibrium.updateK(0.0, 0.5, 0.001, 0.1, 0.3)).isEqualTo(0.0);
        assertThat(BoundaryEquilibrium.convergence(0.5, 0.2, 0.05)).isCloseTo(0.25, within(1e-12));
    }
}
