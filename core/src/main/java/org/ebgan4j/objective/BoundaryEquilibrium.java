package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * BEGAN (Berthelot et al. 2017): with the auto-encoder loss {@code L(v) = |v - D(v)|} (pixel-wise
 * L1, mean), {@code L_D = L(x) - k_t L(G(z))}, {@code L_G = L(G(z))} and the proportional control
 * {@code k_{t+1} = clip(k_t + lambda_k (gamma L(x) - L(G(z))), 0, 1)} that holds
 * {@code E[L(G(z))] = gamma E[L(x)]}; {@code M_global = L(x) + |gamma L(x) - L(G(z))|} measures
 * convergence.
 */
public final class BoundaryEquilibrium {

    /** The paper's learning rate of k. */
    public static final float LAMBDA_K = 0.001f;
    /** The default diversity ratio gamma. */
    public static final float DEFAULT_GAMMA = 0.5f;

    private BoundaryEquilibrium() {}

    /** {@code mean L(x) - k mean L(G(z))}. */
    public static NDArray discriminatorLoss(NDArray realLoss, NDArray fakeLoss, float k) {
        return realLoss.mean().sub(fakeLoss.mean().mul(Scalars.of(fakeLoss, k)));
    }

    /** {@code mean L(G(z))}. */
    public static NDArray generatorLoss(NDArray fakeLoss) {
        return fakeLoss.mean();
    }

    /** {@code clip(k + lambda (gamma L(x) - L(G(z))), 0, 1)}. */
    public static double updateK(double k, double gamma, double lambda, double realLoss, double fakeLoss) {
        return Math.max(0, Math.min(1, k + lambda * (gamma * realLoss - fakeLoss)));
    }

    /** {@code L(x) + |gamma L(x) - L(G(z))|}. */
    public static double convergence(double gamma, double realLoss, double fakeLoss) {
        return realLoss + Math.abs(gamma * realLoss - fakeLoss);
    }
}
