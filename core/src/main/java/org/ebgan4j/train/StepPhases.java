package org.ebgan4j.train;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time of a training step by phase, summed over the steps it watched. The CPU engine runs every
 * operation before it returns, so the clock between two phases is the phase's own time.
 */
public final class StepPhases {

    /** The phases of {@link AdversarialTrainer#step}, in order. */
    public enum Phase {
        /** drawing z and uploading it */
        NOISE("noise"),
        /** G(z), with its graph */
        G_FORWARD("G forward"),
        /** D on the real and the detached fake batch, D's loss and its metrics */
        D_LOSS("D forward + loss"),
        /** D's gradients */
        D_BACKWARD("D backward"),
        /** D's optimiser update */
        D_UPDATE("D update"),
        /** D (frozen) on the fake batch, G's loss and its metrics */
        G_LOSS("D forward on G + loss"),
        /** G's gradients, through the frozen D */
        G_BACKWARD("G backward"),
        /** G's optimiser update (and an auxiliary network's) */
        G_UPDATE("G update"),
        /** the game's bookkeeping after the step (k_t, margins) */
        AFTER("after step");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private long last;
    private long steps;

    void begin() {
        last = System.nanoTime();
    }

    void lap(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - last;
        last = now;
        if (phase == Phase.AFTER) {
            steps++;
        }
    }

    /** Steps watched. */
    public long steps() {
        return steps;
    }

    /** Mean milliseconds per step of each phase. */
    public Map<Phase, Double> meanMs() {
        Map<Phase, Double> m = new EnumMap<>(Phase.class);
        for (Phase p : Phase.values()) {
            m.put(p, steps == 0 ? 0 : nanos[p.ordinal()] / 1e6 / steps);
        }
        return m;
    }

    /** Forgets what was measured (after warm-up). */
    public void reset() {
        Arrays.fill(nanos, 0);
        steps = 0;
    }
}
