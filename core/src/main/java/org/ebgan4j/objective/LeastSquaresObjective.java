package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * Least-squares GAN losses (Mao et al. 2017, eq. 2) on a critic's outputs D:
 * {@code L_D = 1/2 E_x (D(x) - b)^2 + 1/2 E_z (D(G(z)) - a)^2} and {@code L_G = 1/2 E_z (D(G(z)) - c)^2},
 * each expectation a batch mean.
 */
public final class LeastSquaresObjective {

    private LeastSquaresObjective() {}

    /** {@code 0.5 mean (real - b)^2 + 0.5 mean (fake - a)^2}. */
    public static NDArray discriminatorLoss(NDArray realOut, NDArray fakeOut, float realTarget, float fakeTarget) {
        return realOut.sub(realTarget).square().mean().add(fakeOut.sub(fakeTarget).square().mean()).mul(Scalars.of(realOut, 0.5f));
    }

    /** {@code 0.5 mean (fake - c)^2}. */
    public static NDArray generatorLoss(NDArray fakeOut, float generatorTarget) {
        return fakeOut.sub(generatorTarget).square().mean().mul(Scalars.of(fakeOut, 0.5f));
    }
}
