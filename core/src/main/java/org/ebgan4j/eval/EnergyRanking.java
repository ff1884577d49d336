package org.ebgan4j.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranking by energy (Dai et al. 2017, section 5.2): images are ordered from the lowest energy (most
 * likely under the model) to the highest; ties keep their input order. For a pool of real and
 * generated images, the fraction of real ones in each half tells whether the energy prefers the
 * data (a calibrated energy ranks real images first) or ranks the generator's own samples first.
 */
public final class EnergyRanking {

    private EnergyRanking() {}

    /**
     * @param order indices of the images from lowest energy to highest
     * @param realFractionTopHalf fraction of real images among the lower-energy half
     * @param realFractionBottomHalf fraction of real images among the higher-energy half
     */
    public record Result(int[] order, double realFractionTopHalf, double realFractionBottomHalf) {

        /** The k lowest-energy images, lowest first. */
        public int[] top(int k) {
            return Arrays.copyOfRange(order, 0, Math.min(k, order.length));
        }

        /** The k highest-energy images, highest last (in ranking order). */
        public int[] bottom(int k) {
            return Arrays.copyOfRange(order, Math.max(0, order.length - k), order.length);
        }
    }

    /**
     * @param energies one energy per image
     * @param isReal whether each image is real (true) or generated (false)
     */
    public static Result rank(float[] energies, boolean[] isReal) {
        if (energies.length != isReal.length || energies.length < 2) {
            throw new IllegalArgumentException("ranking needs at least 2 images and one real/generated flag per energy; got "
                    + energies.length + " energies and " + isReal.length + " flags");
        }
        for (int i = 0; i < energies.length; i++) {
            if (Float.isNaN(energies[i])) {
                throw new IllegalArgumentException("energy of image " + i + " is NaN; the model diverged");
            }
        }
        Integer[] boxed = new Integer[energies.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble(i -> energies[i]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        int half = order.length / 2;
        return new Result(order, realFraction(order, isReal, 0, half), realFraction(order, isReal, half, order.length));
    }

    private static double realFraction(int[] order, boolean[] isReal, int from, int to) {
        int real = 0;
        for (int i = from; i < to; i++) {
            if (isReal[order[i]]) {
                real++;
            }
        }
        return (double) real / (to - from);
    }
}
