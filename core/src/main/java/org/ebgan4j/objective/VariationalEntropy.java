package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;

/**
 * The variational bound on the generator's entropy (Dai et al. 2017, section 4.2): an inference
 * network q(z|x), a diagonal Gaussian with mean mu(x) and log-deviation s(x), gives
 * {@code H(p_gen) >= H(p_z) + E[log q(z|G(z))]}. The generator and q both minimise the negative
 * log-likelihood of the noise given its sample,
 * {@code E[sum_d s_d + (z_d - mu_d)^2 / (2 exp(2 s_d)) + log(2 pi) / 2]}.
 */
public final class VariationalEntropy {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private VariationalEntropy() {}

    /**
     * @param z the noise, shape (N, d)
     * @param qOutput the inference network's output, shape (N, 2d): means, then log-deviations
     */
    public static NDArray negativeLogLikelihood(NDArray z, NDArray qOutput) {
        long d = z.getShape().get(1);
        if (qOutput.getShape().get(1) != 2 * d) {
            throw new IllegalArgumentException("the inference network must output 2 x " + d + " values, got "
                    + qOutput.getShape().get(1));
        }
        NDArray mean = qOutput.get(":, 0:" + d);
        NDArray logSigma = qOutput.get(":, " + d + ":");
        NDArray standardised = z.sub(mean).mul(logSigma.neg().exp());
        NDArray perDim = logSigma.add(standardised.square().mul(Scalars.of(z, 0.5f))).add((float) HALF_LOG_TWO_PI);
        return perDim.sum(new int[] {1}).mean();
    }
}
