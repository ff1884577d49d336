package org.ebgan4j.serve;

import java.util.Arrays;

/**
 * Energy as an anomaly score, in the convention of the JVM's anomaly detectors (Tribuo's
 * {@code AnomalyEvent}: a score, higher for more anomalous, and a type, expected or anomalous): a row
 * is anomalous when its energy exceeds the threshold, which the user sets or derives from held-out
 * normal data as a quantile of its energies.
 *
 * @param threshold energies above it are anomalous
 */
public record AnomalyThreshold(double threshold) {

    /** Expected (normal) or anomalous. */
    public enum Type { EXPECTED, ANOMALOUS }

    /** One scored row. */
    public record Event(double score, Type type) {}

    public AnomalyThreshold {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold is NaN; give an energy, or a quantile of held-out energies");
        }
    }

    /**
     * The {@code q} quantile of held-out energies (linear between order statistics): with q = 0.99,
     * about 1% of data like the held-out rows is flagged.
     */
    public static AnomalyThreshold atQuantile(float[] heldOutEnergies, double q) {
        if (heldOutEnergies.length == 0) {
            throw new IllegalArgumentException("no held-out energies to take a quantile of");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("the quantile must lie in [0, 1], got " + q);
        }
        double[] s = new double[heldOutEnergies.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = heldOutEnergies[i];
        }
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return new AnomalyThreshold(s[lo] + (pos - lo) * (s[hi] - s[lo]));
    }

    public Event classify(double energy) {
        return new Event(energy, energy > threshold ? Type.ANOMALOUS : Type.EXPECTED);
    }

    public Event[] classify(float[] energies) {
        Event[] events = new Event[energies.length];
        for (int i = 0; i < energies.length; i++) {
            events[i] = classify(energies[i]);
        }
        return events;
    }
}
