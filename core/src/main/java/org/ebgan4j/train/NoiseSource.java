package org.ebgan4j.train;

import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.nn.NoiseKind;

import java.util.SplittableRandom;

/**
 * The generator's input z, uniform in [-1, 1] (EBGAN code) or standard normal. Every draw is a pure function
 * of (run seed, step, stream), so a resumed run draws exactly what the uninterrupted one would.
 */
public final class NoiseSource {

    /** Stream of the noise that makes each step's fake batch. */
    public static final long TRAINING = 1;
    /** Stream of the engine's own generator (dropout masks). */
    public static final long ENGINE = 2;
    /** Stream of the fixed noise behind the sample grids drawn during training. */
    public static final long PREVIEW = 3;
    /** Stream of the generator step's own noise, for games that draw it apart ({@code AdversarialGame#separateGeneratorNoise}). */
    public static final long TRAINING_G = 4;

    private final long seed;
    private final int dimension;
    private final NoiseKind kind;

    public NoiseSource(long seed, int dimension, NoiseKind kind) {
        this.seed = seed;
        this.dimension = dimension;
        this.kind = kind;
    }

    public int dimension() {
        return dimension;
    }

    /** {@code n} noise vectors, row-major. */
    public float[] draw(int n, long step, long stream) {
        SplittableRandom rng = new SplittableRandom(mix(seed, step, stream));
        float[] z = new float[n * dimension];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (kind == NoiseKind.NORMAL ? GaussianMixture2D.standardNormal(rng) : rng.nextDouble() * 2 - 1);
        }
        return z;
    }

    /** A well-spread 64-bit seed from three numbers (SplitMix64 finaliser on a combination). */
    public static long mix(long seed, long step, long stream) {
        long x = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
