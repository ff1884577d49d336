package org.ebgan4j.objective;

/**
 * Which networks a step of the calibrated energy GAN updates, by the rule of the authors' 2D code
 * (the paper does not describe it): from the previous step's discriminator loss g (the hinged cost
 * gap of {@link CostGapObjective}, measured before that step's update, 1 before the first step),
 * both networks when {@code lower < g < upper}; the discriminator alone when {@code g > upper} (it
 * is losing); the generator alone otherwise.
 *
 * @param lower below or at it, only the generator learns
 * @param upper above it, only the discriminator learns
 */
public record CostGapUpdateRule(double lower, double upper) {

    /** Which networks learn in a step. */
    public enum Update {
        BOTH, DISCRIMINATOR, GENERATOR;

        public boolean discriminator() {
            return this != GENERATOR;
        }

        public boolean generator() {
            return this != DISCRIMINATOR;
        }
    }

    /** The gap before the first step, as the authors start it. */
    public static final double INITIAL_GAP = 1.0;

    public CostGapUpdateRule {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("the cost-gap rule needs lower < upper, got " + lower + " and " + upper);
        }
    }

    /** The authors' bounds per 2D data set: (-0.2, 0.1) on the biased mixture, (-10, 0.1) on the others. */
    public static CostGapUpdateRule authors2d(boolean biased) {
        return new CostGapUpdateRule(biased ? -0.2 : -10, 0.1);
    }

    public Update choose(double gap) {
        if (gap > lower && gap < upper) {
            return Update.BOTH;
        }
        return gap > upper ? Update.DISCRIMINATOR : Update.GENERATOR;
    }
}
