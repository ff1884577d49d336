package org.ebgan4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic 2D data sets of the calibrated-EBGAN paper (Dai et al., ICLR 2017, section 5.1 and
 * appendix B), with the parameters that its authors' generator ({@code synthetic/synthetic_data.py}
 * in github.com/zihangdai/cegan_iclr2017) draws from fixed NumPy seeds. The {@code scale} of each
 * preset puts almost all samples in [-1, 1]: {@code |mean| + 3 sd} is 16.9 for gaussians4, 10.2 for
 * biased2 (0.4% of its points fall outside) and 9.7 for spirals.
 */
public final class MixturePresets {

    /**
     * Components per spiral used here, as in the paper's description; the authors' generator
     * ({@code twospirals(NC=100)}) splits its 100 components over both spirals, 50 each.
     */
    public static final int SPIRAL_COMPONENTS = 100;

    private static final double GAUSSIANS4_MEAN = 7.659;
    private static final double BIASED2_MEAN = 3.488;

    private MixturePresets() {}

    /**
     * Four Gaussians of equal weight at (+-7.659, +-7.659) with diagonal covariances. The authors'
     * generator lists the means (+,+), (-,+), (+,-), (-,-) and draws each one's two variances in
     * that order after its samples, so they depend on the sample count; for the 100K points of the
     * paper they come out as the published (+,+) [5.18, 2.97], (-,+) [5.56, 9.23], (+,-) [9.47, 4.61],
     * (-,-) [7.42, 3.66], and this is the assignment used here.
     */
    public static GaussianMixture2D gaussians4() {
        double m = GAUSSIANS4_MEAN;
        return new GaussianMixture2D("gaussians4", 20, List.of(
                diagonal(0.25, m, m, 5.18, 2.97),
                diagonal(0.25, -m, m, 5.56, 9.23),
                diagonal(0.25, m, -m, 9.47, 4.61),
                diagonal(0.25, -m, -m, 7.42, 3.66)));
    }

    /**
     * Two Gaussians with covariance 5I: weight 0.1 at (3.488, 3.488), 0.9 at (-3.488, -3.488), as in
     * the authors' {@code biased_gaussian_mixture} (weights [0.1, 0.9] for the means [+v, -v]).
     */
    public static GaussianMixture2D biased2() {
        double m = BIASED2_MEAN;
        return new GaussianMixture2D("biased2", 10, List.of(
                diagonal(0.1, m, m, 5, 5),
                diagonal(0.9, -m, -m, 5, 5)));
    }

    /** Two spirals of {@link #SPIRAL_COMPONENTS} components each. */
    public static GaussianMixture2D spirals() {
        return spirals(SPIRAL_COMPONENTS);
    }

    /**
     * The two spirals as the authors' code draws them ({@code twospirals(NC=100)}): 50 components a
     * spiral where the paper's text says 100; named {@code spirals-authors}.
     */
    public static GaussianMixture2D spiralsAsTheAuthorsCode() {
        GaussianMixture2D s = spirals(SPIRAL_COMPONENTS / 2);
        return new GaussianMixture2D("spirals-authors", s.scale(), s.components());
    }

    /**
     * Two interleaved spirals of Gaussian components of equal weight and standard deviation 0.45,
     * following the authors' {@code twospirals}: component centres sit at angles {@code t} evenly
     * spaced from 120 to 480 degrees (both ends included), at radius {@code t} in radians, so the
     * spiral is Archimedean: {@code (-t cos t, t sin t)} on the first spiral and its point reflection
     * (a rotation by 180 degrees) {@code (t cos t, -t sin t)} on the second. The authors draw the same
     * number of points from every component; the density here uses the sampling noise (variance
     * 0.45^2), where their ground-truth energy plot used unit variance.
     */
    public static GaussianMixture2D spirals(int perSpiral) {
        if (perSpiral < 2) {
            throw new DatasetException("a spiral needs at least 2 components, got " + perSpiral);
        }
        double start = Math.toRadians(120);
        double span = Math.toRadians(360);
        double var = 0.45 * 0.45;
        List<GaussianMixture2D.Component> comps = new ArrayList<>();
        for (int sign : new int[] {1, -1}) {
            for (int i = 0; i < perSpiral; i++) {
                double t = start + span * i / (perSpiral - 1);
                comps.add(diagonal(1, -sign * t * Math.cos(t), sign * t * Math.sin(t), var, var));
            }
        }
        return new GaussianMixture2D("spirals", 10, comps);
    }

    private static GaussianMixture2D.Component diagonal(double w, double x, double y, double vx, double vy) {
        return new GaussianMixture2D.Component(w, new double[] {x, y}, new double[][] {{vx, 0}, {0, vy}});
    }
}
