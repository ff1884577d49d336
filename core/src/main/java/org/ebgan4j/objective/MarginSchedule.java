package org.ebgan4j.objective;

/**
 * The margin m of the EBGAN hinge as a function of the training step. The EBGAN paper decays the
 * margin in its later experiments (section 4.4 and appendix: "margin decay"); a constant margin is the
 * default. {@code LINEAR} moves from {@code start} to {@code end} in {@code steps} steps,
 * {@code EXPONENTIAL} does so geometrically; both stay at {@code end} afterwards.
 */
public record MarginSchedule(Kind kind, float start, float end, long steps) {

    /** Shape of the decay. */
    public enum Kind {
        CONSTANT,
        LINEAR,
        EXPONENTIAL
    }

    public MarginSchedule {
        if (!(start >= 0) || Float.isInfinite(start)) {
            throw new IllegalArgumentException("`margin` must be finite and 0 or more, got " + start);
        }
        if (!(end >= 0) || Float.isInfinite(end)) {
            throw new IllegalArgumentException("`marginEnd` must be finite and 0 or more, got " + end);
        }
        if (kind != Kind.CONSTANT && steps < 1) {
            throw new IllegalArgumentException("a decaying margin needs `marginDecaySteps` >= 1, got " + steps);
        }
        if (kind == Kind.EXPONENTIAL && (start <= 0 || end <= 0)) {
            throw new IllegalArgumentException("an exponential margin decay needs positive start and end margins");
        }
    }

    public static MarginSchedule constant(float margin) {
        return new MarginSchedule(Kind.CONSTANT, margin, margin, 0);
    }

    public float at(long step) {
        if (kind == Kind.CONSTANT) {
            return start;
        }
        double progress = Math.min(1.0, step / (double) steps);
        if (kind == Kind.LINEAR) {
            return (float) (start + (end - start) * progress);
        }
        return (float) (start * Math.pow(end / (double) start, progress));
    }
}
