package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * The pull-away term of EBGAN-PT (Zhao et al. 2017, eq. 4): the mean squared cosine similarity of
 * the encoder codes {@code S} of a generated batch over ordered pairs {@code i != j},
 * {@code PT = 1/(N(N-1)) sum_{i != j} (S_i . S_j / (|S_i| |S_j|))^2}. It is added to the generator's
 * loss (weight 0.1 in the paper) and keeps the generated codes apart, against mode collapse.
 */
public final class PullAwayTerm {

    /** The paper's weight of the term in the generator's loss. */
    public static final float DEFAULT_WEIGHT = 0.1f;

    /**
     * Added to every squared norm: ReLU codes can be exactly zero, and the gradient of
     * {@code sqrt} at zero would be infinite. A zero code then has zero similarity to all others.
     */
    static final float EPSILON = 1e-12f;

    private PullAwayTerm() {}

    /** PT of codes of shape (N, ...), N at least 2; the trailing axes are flattened. */
    public static NDArray of(NDArray codes) {
        long n = codes.getShape().get(0);
        if (n < 2) {
            throw new IllegalArgumentException("the pull-away term needs at least 2 samples, got " + n);
        }
        NDArray s = codes.reshape(n, -1);
        NDArray norms = s.square().sum(new int[] {1}, true).add(EPSILON).sqrt();
        NDArray unit = s.div(norms);
        NDArray cosines = unit.matMul(unit.transpose());
        // The diagonal holds |u_i|^2 (1, or 0 for a zero code): remove exactly what is there.
        NDArray diagonal = unit.square().sum(new int[] {1});
        NDArray offDiagonal = cosines.square().sum().sub(diagonal.square().sum());
        return offDiagonal.div(Scalars.of(offDiagonal, (float) (n * (n - 1))));
    }
}
