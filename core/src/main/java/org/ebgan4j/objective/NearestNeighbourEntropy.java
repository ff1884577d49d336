package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * The nearest-neighbour approximation of the generator's entropy gradient (Dai et al. 2017,
 * section 4.1, eq. 10-11). For each generated sample x_i, with mu_i the mean of its k nearest
 * neighbours in the batch, {@code -dH/dx_i} is taken along {@code mu_i - x_i}: descending
 * {@code sum_i g_i . x_i} with that constant g moves each sample away from its neighbours, which
 * spreads the batch and raises its entropy.
 *
 * <p>Two scalings: {@link Scaling#UNIT} normalises the direction to unit length (eq. 11, the
 * paper's images); {@link Scaling#VARIANCE} divides it per dimension by the variance of the k + 1
 * points (the sample and its neighbours), as the authors' code does on 2D data. Both are then
 * multiplied by one scale.
 */
public final class NearestNeighbourEntropy {

    /** Neighbours per sample in the authors' code. */
    public static final int DEFAULT_K = 20;

    /** How the neighbour direction is normalised. */
    public enum Scaling {
        UNIT,
        VARIANCE
    }

    private static final double EPSILON = 1e-12;

    private NearestNeighbourEntropy() {}

    /**
     * The constant per-sample gradients g for {@code n} samples of {@code dim} values (row-major).
     * Neighbours exclude the sample itself; of equally distant ones the lower index comes first.
     */
    public static float[] gradient(float[] x, int n, int dim, int k, Scaling scaling, float scale) {
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must lie in [1, " + (n - 1) + "] for a batch of " + n + ", got " + k);
        }
        float[] g = new float[n * dim];
        int[] nearest = new int[k + 1];
        double[] nearestDist = new double[k + 1];
        for (int i = 0; i < n; i++) {
            // nearest[0] is the sample itself; 1..k its neighbours, kept sorted by a bounded insertion.
            nearest[0] = i;
            int found = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < dim; c++) {
                    double diff = x[i * dim + c] - x[j * dim + c];
                    d += diff * diff;
                }
                if (found < k || d < nearestDist[found]) {
                    int at = found < k ? ++found : found;
                    while (at > 1 && nearestDist[at - 1] > d) {
                        nearest[at] = nearest[at - 1];
                        nearestDist[at] = nearestDist[at - 1];
                        at--;
                    }
                    nearest[at] = j;
                    nearestDist[at] = d;
                }
            }
            double[] direction = new double[dim];
            for (int c = 0; c < dim; c++) {
                double mean = 0;
                for (int r = 1; r <= k; r++) {
                    mean += x[nearest[r] * dim + c];
                }
                mean /= k;
                direction[c] = mean - x[i * dim + c];
            }
            if (scaling == Scaling.VARIANCE) {
                for (int c = 0; c < dim; c++) {
                    double m = 0;
                    for (int r = 0; r <= k; r++) {
                        m += x[nearest[r] * dim + c];
                    }
                    m /= k + 1;
                    double var = 0;
                    for (int r = 0; r <= k; r++) {
                        double d = x[nearest[r] * dim + c] - m;
                        var += d * d;
                    }
                    direction[c] /= var / (k + 1) + EPSILON;
                }
            } else {
                double norm = 0;
                for (double v : direction) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm) + EPSILON;
                for (int c = 0; c < dim; c++) {
                    direction[c] /= norm;
                }
            }
            for (int c = 0; c < dim; c++) {
                g[i * dim + c] = (float) (direction[c] * scale);
            }
        }
        return g;
    }

    /** The surrogate {@code sum_i g_i . x_i} whose gradient with respect to the samples is g. */
    public static NDArray surrogate(NDArray samples, NDArray gradient) {
        return samples.mul(gradient.reshape(samples.getShape())).sum();
    }
}
