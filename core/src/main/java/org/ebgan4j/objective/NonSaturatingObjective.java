package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The ordinary GAN (Goodfellow et al. 2014) on logits l, with the generator's non-saturating loss:
 * {@code L_D = -log sigmoid(l(x)) - log(1 - sigmoid(l(G(z))))} and {@code L_G = -log sigmoid(l(G(z)))},
 * averaged over the batch and written with softplus, {@code -log sigmoid(l) = softplus(-l)}, which
 * stays finite for any logit.
 */
public final class NonSaturatingObjective {

    private NonSaturatingObjective() {}

    public static NDArray discriminatorLoss(NDArray realLogits, NDArray fakeLogits) {
        return Activation.softPlus(realLogits.neg()).mean().add(Activation.softPlus(fakeLogits).mean());
    }

    public static NDArray generatorLoss(NDArray fakeLogits) {
        return Activation.softPlus(fakeLogits.neg()).mean();
    }
}
