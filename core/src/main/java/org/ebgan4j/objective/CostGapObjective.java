package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * The calibrated energy GAN's game on an unbounded scalar cost c (Dai et al. 2017, eq. 1 and 3):
 * the discriminator widens the expected cost gap {@code E_gen c(x) - E_data c(x)}, the generator
 * lowers {@code E_gen c(G(z))} (plus an entropy term, elsewhere). With a positive margin m the
 * discriminator's loss is hinged per fake sample against the batch-mean real cost, as in the
 * authors' code: {@code mean_i max(mean_j c(x_j) - c(G(z_i)), -m)}, so that no fake is pushed
 * more than m above the data's cost and c stays bounded where the generator has left.
 */
public final class CostGapObjective {

    private CostGapObjective() {}

    /** {@code mean_i max(mean(real) - fake_i, -m)}, or {@code mean(real) - mean(fake)} when m <= 0. */
    public static NDArray discriminatorLoss(NDArray realCost, NDArray fakeCost, float margin) {
        NDArray realMean = realCost.mean();
        if (margin <= 0) {
            return realMean.sub(fakeCost.mean());
        }
        return realMean.sub(fakeCost).maximum(Scalars.of(fakeCost, -margin)).mean();
    }

    /** {@code mean_i c(G(z_i))}. */
    public static NDArray generatorLoss(NDArray fakeCost) {
        return fakeCost.mean();
    }
}
