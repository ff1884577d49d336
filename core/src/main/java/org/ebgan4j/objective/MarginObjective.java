package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * EBGAN discriminator and generator losses (Zhao et al. 2017, eq. 1 and 2):
 * {@code L_D = D(x) + [m - D(G(z))]+} and {@code L_G = D(G(z))}, each averaged over the batch.
 * The hinge is taken per fake sample, before the average: a batch-level hinge
 * {@code [m - mean D(G(z))]+} would let a few very high energies switch off the push on all others.
 */
public final class MarginObjective {

    private MarginObjective() {}

    /** {@code mean_i D(x_i) + mean_j max(0, m - D(G(z_j)))}. */
    public static NDArray discriminatorLoss(NDArray realEnergy, NDArray fakeEnergy, float margin) {
        NDArray hinge = Activation.relu(fakeEnergy.neg().add(margin));
        return realEnergy.mean().add(hinge.mean());
    }

    /** {@code mean_j D(G(z_j))}. */
    public static NDArray generatorLoss(NDArray fakeEnergy) {
        return fakeEnergy.mean();
    }
}
