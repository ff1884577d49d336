package org.ebgan4j.eval;

/**
 * Frechet distance between two Gaussians fitted to feature vectors (Heusel et al. 2017, "FID"):
 * {@code d^2 = |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^(1/2))}. ebgan4j fits the Gaussians to
 * the digit classifier's penultimate features, not Inception-v3's, so its values compare runs scored
 * with the same classifier only. {@code Tr((S1 S2)^(1/2))} is computed as the sum of square roots of
 * the eigenvalues of the symmetric matrix {@code S1^(1/2) S2 S1^(1/2)}, which has the same spectrum.
 */
public final class FrechetDistance {

    private FrechetDistance() {}

    /** A Gaussian fitted to n feature vectors: mean and unbiased covariance. */
    public record Gaussian(double[] mean, double[][] covariance, int samples) {

        /** Fits to n rows of {@code dim} features, row-major. */
        public static Gaussian fit(float[] x, int n, int dim) {
            if (n < 2 || dim < 1 || x.length != (long) n * dim) {
                throw new IllegalArgumentException("fitting a Gaussian needs at least 2 rows of " + dim + " features; got "
                        + x.length + " values for n=" + n);
            }
            double[] mean = new double[dim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < dim; j++) {
                    mean[j] += x[i * dim + j];
                }
            }
            for (int j = 0; j < dim; j++) {
                mean[j] /= n;
            }
            double[][] cov = new double[dim][dim];
            double[] row = new double[dim];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < dim; j++) {
                    row[j] = x[i * dim + j] - mean[j];
                }
                for (int a = 0; a < dim; a++) {
                    double ra = row[a];
                    if (ra == 0) {
                        continue;
                    }
                    double[] ca = cov[a];
                    for (int b = a; b < dim; b++) {
                        ca[b] += ra * row[b];
                    }
                }
            }
            for (int a = 0; a < dim; a++) {
                for (int b = a; b < dim; b++) {
                    cov[a][b] /= n - 1;
                    cov[b][a] = cov[a][b];
                }
            }
            return new Gaussian(mean, cov, n);
        }
    }

    /** The squared Frechet distance between two fitted Gaussians of the same dimension. */
    public static double of(Gaussian g1, Gaussian g2) {
        int dim = g1.mean().length;
        if (g2.mean().length != dim) {
            throw new IllegalArgumentException("Gaussians of dimension " + dim + " and " + g2.mean().length);
        }
        double meanTerm = 0;
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            double d = g1.mean()[i] - g2.mean()[i];
            meanTerm += d * d;
            trace += g1.covariance()[i][i] + g2.covariance()[i][i];
        }
        double[][] root1 = SymmetricEigen.of(g1.covariance()).applyNonNegative(Math::sqrt);
        double[][] inner = multiply(multiply(root1, g2.covariance()), root1);
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                double avg = 0.5 * (inner[i][j] + inner[j][i]);
                inner[i][j] = avg;
                inner[j][i] = avg;
            }
        }
        double traceRoot = 0;
        for (double v : SymmetricEigen.of(inner).values()) {
            traceRoot += Math.sqrt(Math.max(0, v));
        }
        return Math.max(0, meanTerm + trace - 2 * traceRoot);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        int inner = b.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    oi[j] += aik * bk[j];
                }
            }
        }
        return out;
    }
}
