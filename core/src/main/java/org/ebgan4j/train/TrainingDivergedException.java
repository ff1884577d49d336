package org.ebgan4j.train;

/** A loss became NaN or infinite; the run stopped before applying it, and its last checkpoint is kept. */
public class TrainingDivergedException extends RuntimeException {

    private final long step;

    public TrainingDivergedException(long step, String message) {
        super(message);
        this.step = step;
    }

    /** The step whose loss was not finite. */
    public long step() {
        return step;
    }
}
