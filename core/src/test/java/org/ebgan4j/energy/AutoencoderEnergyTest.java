package org.ebgan4j.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

class AutoencoderEnergyTest {

    @Test
    void reconstructionErrorIsPerSampleSquaredNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[][] {{1, 0, -1}, {0.5f, 0.5f, 0.5f}});
            NDArray r = m.create(new float[][] {{0, 0, 1}, {0.5f, -0.5f, 0.5f}});
            // Residuals (1, 0, -2) and (0, 1, 0): squared norms 5 and 1, means 5/3 and 1/3.
            assertThat(AutoencoderEnergy.reconstructionError(x, r, Reduction.SUM).toFloatArray())
                    .containsExactly(new float[] {5f, 1f}, within(1e-6f));
            assertThat(AutoencoderEnergy.reconstructionError(x, r, Reduction.MEAN).toFloatArray())
                    .containsExactly(new float[] {5f / 3f, 1f / 3f}, within(1e-6f));
        }
    }

    @Test
    void theNormIsThePapersEuclideanDistanceWithAUnitGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[][] {{3, 0, 1}, {0, 0, 0}});
            NDArray r = m.create(new float[][] {{0, 4, 1}, {0, 0, 0}});
            r.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray e = AutoencoderEnergy.reconstructionError(x, r, Reduction.NORM);
                // Residual (-3, 4, 0): norm 5; a perfect reconstruction: sqrt(epsilon).
                assertThat(e.toFloatArray()).containsExactly(new float[] {5f, (float) Math.sqrt(Reduction.NORM_EPSILON)},
                        within(1e-6f));
                gc.backward(e.sum());
            }
            // d||r - x|| / dr = (r - x) / ||r - x||: (-0.6, 0.8, 0), and 0 (not NaN) where r = x.
            assertThat(r.getGradient().toFloatArray()).containsExactly(new float[] {-0.6f, 0.8f, 0f, 0f, 0f, 0f}, within(1e-6f));
        }
    }

    @Test
    void imageShapedInputsAreReducedOverEveryPixel() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new ai.djl.ndarray.types.Shape(2, 1, 2, 2));
            NDArray r = m.ones(new ai.djl.ndarray.types.Shape(2, 1, 2, 2));
            assertThat(AutoencoderEnergy.reconstructionError(x, r, Reduction.SUM).toFloatArray())
                    .containsExactly(4f, 4f);
        }
    }
}
