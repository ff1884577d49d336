package org.ebgan4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic 2D data sets of the calibrated-EBGAN paper (Dai et al. 2017, section 5.1 and
 * appendix B), with the parameters its authors' data generator produced.
 */
public final class MixturePresets {

    /** Components per spiral in the paper (the authors' code defaults to 50). */
    public static final int SPIRAL_COMPONENTS = 100;

    private static final double GAUSSIANS4_MEAN = 7.659;
    private static final double BIASED2_MEAN = 3.488;

    private MixturePresets() {}

    /**
     * Four Gaussians of equal weight at (+-7.659, +-7.659) with diagonal covariances, in the order
     * of the authors' generator: (+,+) [5.18, 2.97], (-,+) [5.56, 9.23], (+,-) [9.47, 4.61],
     * (-,-) [7.42, 3.66].
     */
    public static GaussianMixture2D gaussians4() {
        double m = GAUSSIANS4_MEAN;
        return new GaussianMixture2D("gaussians4", 20, List.of(
                diagonal(0.25, m, m, 5.18, 2.97),
                diagonal(0.25, -m, m, 5.56, 9.23),
                diagonal(0.25, m, -m, 9.47, 4.61),
                diagonal(0.25, -m, -m, 7.42, 3.66)));
    }

    /** Two Gaussians with covariance 5I: weight 0.1 at (3.488, 3.488), 0.9 at (-3.488, -3.488). */
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
     * Two interleaved spirals of Gaussian components of equal weight and standard deviation 0.45.
     * Component centres sit at angles {@code t} evenly spaced from 120 to 480 degrees (ends
     * included), at radius {@code t} (in radians): {@code (-t cos t, t sin t)} on the first spiral
     * and the point reflection {@code (t cos t, -t sin t)} on the second. The density uses the
     * sampling noise (variance 0.45^2); the authors' ground-truth plot used unit variance instead.
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
