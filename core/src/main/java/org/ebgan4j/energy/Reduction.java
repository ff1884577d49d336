package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;

/**
 * How a per-element error becomes one energy per sample. The choice sets the energy's scale and so
 * the meaning of the EBGAN margin: with Tanh outputs in [-1, 1], a per-pixel mean squared error
 * never exceeds 4, so a margin of 10 could never be met and the hinge would push every fake without
 * end. {@code NORM} is D(x) exactly as the EBGAN paper writes it (eq. 5), the Euclidean norm
 * {@code ||Dec(Enc(x)) - x||}, up to 56 on 784 pixels, and the default on images; its gradient
 * {@code (Dec(Enc(x)) - x) / ||.||} has unit length whatever the error, and {@link #NORM_EPSILON}
 * under the root keeps it finite at a perfect reconstruction. {@code SUM} is its square, up to 3136
 * on 784 pixels, the default on 2D points.
 */
public enum Reduction {
    SUM,
    MEAN,
    NORM;

    /** Added to the sum under {@link #NORM}'s square root. */
    public static final float NORM_EPSILON = 1e-8f;

    /** Reduces every axis but the first. */
    public NDArray apply(NDArray perElement) {
        int[] axes = new int[perElement.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        if (axes.length == 0) {
            return this == NORM ? perElement.add(NORM_EPSILON).sqrt() : perElement;
        }
        return switch (this) {
            case SUM -> perElement.sum(axes);
            case MEAN -> perElement.mean(axes);
            case NORM -> perElement.sum(axes).add(NORM_EPSILON).sqrt();
        };
    }
}
