package org.ebgan4j.eval;

import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.train.EnergyGan;

import java.util.SplittableRandom;

/**
 * Whether a model trained on a 2D mixture has learned where the data is: the mean energy of fresh
 * mixture samples against that of uniform points over the networks' square [-1, 1]^2. A model that
 * learned anything gives the mixture's samples the lower energy.
 */
public record EnergyContrast(double heldOut, double uniform) {

    /** {@code n} fresh samples of {@code mixture} (drawn with {@code seed}) and {@code n} uniform points. */
    public static EnergyContrast of(EnergyGan model, GaussianMixture2D mixture, int n, long seed) {
        float[] held = mixture.toDataset(n, seed + 1).data();
        float[] uniform = new float[2 * n];
        SplittableRandom rng = new SplittableRandom(seed + 2);
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return new EnergyContrast(mean(model.energies(held, n)), mean(model.energies(uniform, n)));
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
