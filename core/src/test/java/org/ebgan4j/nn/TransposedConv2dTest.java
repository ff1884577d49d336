package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import org.junit.jupiter.api.Test;

import java.util.Random;

class TransposedConv2dTest {

    /** Direct definition: out[n, o, i s - p + a, j s - p + b] += x[n, c, i, j] w[c, o, a, b]. */
    private static double[] reference(double[] x, double[] w, double[] bias, int n, int c, int h, int wd, int o, int k,
            int s, int p, int op) {
        int oh = (h - 1) * s - 2 * p + k + op;
        int ow = (wd - 1) * s - 2 * p + k + op;
        double[] out = new double[n * o * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int q = 0; q < o; q++) {
                for (int y = 0; y < oh; y++) {
                    for (int z = 0; z < ow; z++) {
                        out[((b * o + q) * oh + y) * ow + z] = bias == null ? 0 : bias[q];
                    }
                }
            }
            for (int ci = 0; ci < c; ci++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < wd; j++) {
                        double v = x[((b * c + ci) * h + i) * wd + j];
                        for (int q = 0; q < o; q++) {
                            for (int a = 0; a < k; a++) {
                                int y = i * s - p + a;
                                if (y < 0 || y >= oh) {
                                    continue;
                                }
                                for (int e = 0; e < k; e++) {
                                    int z = j * s - p + e;
                                    if (z < 0 || z >= ow) {
                                        continue;
                                    }
                                    out[((b * o + q) * oh + y) * ow + z] += v * w[((ci * o + q) * k + a) * k + e];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[] random(Random r, int size) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private interface Implementation {
        NDArray apply(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding);
    }

    private static void check(int n, int c, int h, int wd, int o, int k, int s, int p, int op, boolean withBias, long seed) {
        check(TransposedConv2d::apply, n, c, h, wd, o, k, s, p, op, withBias, seed);
        check(TransposedConv2d::applyByPhases, n, c, h, wd, o, k, s, p, op, withBias, seed);
        check(TransposedConv2d::applyByDilation, n, c, h, wd, o, k, s, p, op, withBias, seed);
    }

    /** Checks output and the gradients of sum(out * R) against the reference, for one configuration. */
    private static void check(Implementation impl, int n, int c, int h, int wd, int o, int k, int s, int p, int op,
            boolean withBias, long seed) {
        Random r = new Random(seed);
        double[] x = random(r, n * c * h * wd);
        double[] w = random(r, c * o * k * k);
        double[] bias = withBias ? random(r, o) : null;
        double[] expected = reference(x, w, bias, n, c, h, wd, o, k, s, p, op);
        double[] weights = random(r, expected.length);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray xa = m.create(toFloat(x), new Shape(n, c, h, wd));
            NDArray wa = m.create(toFloat(w), new Shape(c, o, k, k));
            NDArray ba = withBias ? m.create(toFloat(bias), new Shape(o)) : null;
            NDArray ra = m.create(toFloat(weights), new Shape(expected.length));
            xa.setRequiresGradient(true);
            wa.setRequiresGradient(true);
            if (ba != null) {
                ba.setRequiresGradient(true);
            }
            float[] out;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = impl.apply(xa, wa, ba, s, p, op);
                int oh = (h - 1) * s - 2 * p + k + op;
                assertThat(y.getShape()).isEqualTo(new Shape(n, o, oh, (wd - 1) * s - 2 * p + k + op));
                out = y.toFloatArray();
                gc.backward(y.reshape(-1).mul(ra).sum());
            }
            for (int i = 0; i < expected.length; i++) {
                assertThat((double) out[i]).as("output %d", i).isCloseTo(expected[i], within(1e-4 * (1 + Math.abs(expected[i]))));
            }
            // The output is linear in x and in w, so d/dx_i of sum(out * R) is the reference applied to a unit x_i.
            float[] gx = xa.getGradient().toFloatArray();
            float[] gw = wa.getGradient().toFloatArray();
            for (int i = 0; i < x.length; i += Math.max(1, x.length / 37)) {
                double[] unit = new double[x.length];
                unit[i] = 1;
                double g = dot(reference(unit, w, null, n, c, h, wd, o, k, s, p, op), weights);
                assertThat((double) gx[i]).as("d/dx %d", i).isCloseTo(g, within(1e-4 * (1 + Math.abs(g))));
            }
            for (int i = 0; i < w.length; i += Math.max(1, w.length / 37)) {
                double[] unit = new double[w.length];
                unit[i] = 1;
                double g = dot(reference(x, unit, null, n, c, h, wd, o, k, s, p, op), weights);
                assertThat((double) gw[i]).as("d/dw %d", i).isCloseTo(g, within(1e-4 * (1 + Math.abs(g))));
            }
            if (ba != null) {
                float[] gb = ba.getGradient().toFloatArray();
                int plane = expected.length / (n * o);
                for (int q = 0; q < o; q++) {
                    double g = 0;
                    for (int b = 0; b < n; b++) {
                        for (int t = 0; t < plane; t++) {
                            g += weights[(b * o + q) * plane + t];
                        }
                    }
                    assertThat((double) gb[q]).isCloseTo(g, within(1e-4 * (1 + Math.abs(g))));
                }
            }
        }
    }

    @Test
    void strideTwoKernelFourPaddingOneDoublesTheSide() {
        check(2, 3, 5, 4, 4, 4, 2, 1, 0, true, 1); // the DCGAN and EBGAN layer: side x2
    }

    @Test
    void kernelsAMultipleOfTheStrideAtEveryPadding() {
        // Phases with the same taps, at offsets that differ (p odd), agree (p even), or crop the input (p > T - 1);
        // 16x16 and larger inputs take every phase in one convolution, smaller ones one per phase.
        check(1, 2, 16, 17, 3, 4, 2, 1, 0, true, 10);
        check(2, 3, 4, 3, 2, 4, 2, 0, 0, true, 11);
        check(1, 2, 3, 5, 3, 4, 2, 2, 1, false, 12);
        check(2, 2, 4, 4, 2, 4, 2, 3, 1, true, 13);
        check(1, 3, 3, 4, 2, 6, 3, 1, 2, true, 14);
        check(2, 2, 5, 3, 3, 2, 2, 0, 1, false, 15);
        check(1, 2, 4, 4, 2, 6, 2, 4, 0, true, 16);
    }

    @Test
    void fromOneByOneToFourByFour() {
        check(3, 5, 1, 1, 2, 4, 1, 0, 0, false, 2); // the DCGAN generator's first layer
        check(2, 3, 1, 1, 2, 3, 2, 1, 1, true, 9); // a single pixel, cropped and with output padding
    }

    @Test
    void oddKernelsStrideThreeAndOutputPadding() {
        check(1, 2, 3, 4, 3, 3, 3, 1, 2, true, 3);
        check(2, 2, 4, 3, 1, 5, 2, 2, 1, false, 4);
        check(1, 1, 3, 3, 1, 2, 1, 1, 0, false, 5);
        check(1, 2, 3, 3, 2, 2, 3, 0, 1, true, 6); // kernel below the stride: some output phases get only the bias
        check(2, 3, 4, 5, 2, 3, 2, 2, 0, true, 7); // padding beyond the stride: inputs are cropped, not padded
        check(1, 2, 6, 6, 3, 7, 1, 3, 0, false, 8);
    }

    @Test
    void blockInitialisesShapesAndTrains() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d block = new TransposedConv2d(8, 4, 2, 1, 0, true);
            block.setInitializer(new NormalInitializer(0.02f), ai.djl.nn.Parameter.Type.WEIGHT);
            block.initialize(m, DataType.FLOAT32, new Shape(2, 16, 8, 8));
            assertThat(block.getOutputShapes(new Shape[] {new Shape(2, 16, 8, 8)})[0]).isEqualTo(new Shape(2, 8, 16, 16));
            assertThat(block.getParameters().get("weight").getArray().getShape()).isEqualTo(new Shape(16, 8, 4, 4));
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 16, 8, 8))), false)
                    .singletonOrThrow();
            assertThat(out.getShape()).isEqualTo(new Shape(2, 8, 16, 16));
        }
    }

    @Test
    void rejectsPaddingBeyondTheKernel() {
        assertThatThrownBy(() -> new TransposedConv2d(4, 3, 2, 3, 0, true)).hasMessageContaining("padding <= kernel - 1");
        assertThatThrownBy(() -> new TransposedConv2d(4, 3, 2, 1, 2, true)).hasMessageContaining("outputPadding < stride");
    }
}
