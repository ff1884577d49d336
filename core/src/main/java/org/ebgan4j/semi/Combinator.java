package org.ebgan4j.semi;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The ladder network's denoising function (Rasmus et al. 2015, eq. 2, the "vanilla" combinator): per
 * unit, {@code mu(u) = a1 sigmoid(a2 u + a3) + a4 u + a5} and {@code v(u) = a6 sigmoid(a7 u + a8) + a9 u
 * + a10}, and the estimate of the clean value is {@code z_hat = (z_tilde - mu(u)) v(u) + mu(u)}, where
 * {@code z_tilde} is the corrupted encoder's value and {@code u} the normalised top-down signal.
 */
public final class Combinator {

    /** The parameters' initial values, a1 to a10: z_hat = 0 at first, sigmoids at their steepest. */
    public static final float[] INITIAL = {0, 1, 0, 0, 0, 0, 1, 0, 0, 0};

    private Combinator() {}

    /**
     * @param zTilde (batch, width) corrupted values
     * @param u (batch, width) top-down signal
     * @param a ten (width) arrays, a1 to a10
     */
    public static NDArray apply(NDArray zTilde, NDArray u, NDArray[] a) {
        if (a.length != 10) {
            throw new IllegalArgumentException("the combinator has 10 parameters a1..a10, got " + a.length);
        }
        NDArray mu = Activation.sigmoid(u.mul(a[1]).add(a[2])).mul(a[0]).add(u.mul(a[3])).add(a[4]);
        NDArray v = Activation.sigmoid(u.mul(a[6]).add(a[7])).mul(a[5]).add(u.mul(a[8])).add(a[9]);
        return zTilde.sub(mu).mul(v).add(mu);
    }

    /** The same in plain Java for one unit, for hand checks. */
    public static double apply(double zTilde, double u, double[] a) {
        double mu = a[0] * sigmoid(a[1] * u + a[2]) + a[3] * u + a[4];
        double v = a[5] * sigmoid(a[6] * u + a[7]) + a[8] * u + a[9];
        return (zTilde - mu) * v + mu;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
