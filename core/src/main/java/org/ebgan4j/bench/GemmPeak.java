package org.ebgan4j.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.ebgan4j.nn.ComputeDevice;

import java.util.Arrays;

/**
 * This machine's dense single-precision GEMM rate through libtorch, at the engine's thread count:
 * the best of several products of two {@code n x n} matrices. What a GEMM-bound training step can at
 * best reach on these kernels; a measurement, not a test.
 */
public final class GemmPeak {

    private GemmPeak() {}

    /** GFLOP/s (2 n^3 per product), the median of {@code reps} products after two untimed ones. */
    public static double gflops(int n, int reps) {
        try (NDManager m = NDManager.newBaseManager(ComputeDevice.current())) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            double[] s = new double[reps];
            for (int r = -2; r < reps; r++) {
                long t0 = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0); // computed before the clock stops
                }
                if (r >= 0) {
                    s[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            Arrays.sort(s);
            return 2.0 * n * n * n / s[reps / 2] / 1e9;
        }
    }
}
