package org.ebgan4j.train;

/** What a {@link TrainingListener} sees of the fit in progress. */
public final class TrainingContext {

    private final AdversarialTrainer trainer;
    private final RunFolder run;
    private final long startStep;
    private final long totalSteps;
    private final int batchesPerEpoch;
    private final double secondsBefore;
    private final long began = System.nanoTime();
    private long lastCheckpoint;
    private boolean completed;

    TrainingContext(AdversarialTrainer trainer, RunFolder run, long startStep, long totalSteps, int batchesPerEpoch,
            double secondsBefore) {
        this.trainer = trainer;
        this.run = run;
        this.startStep = startStep;
        this.totalSteps = totalSteps;
        this.batchesPerEpoch = batchesPerEpoch;
        this.secondsBefore = secondsBefore;
        this.lastCheckpoint = run != null && startStep > 0 ? startStep : 0;
    }

    public AdversarialTrainer trainer() {
        return trainer;
    }

    public EnergyGan model() {
        return trainer.model();
    }

    public TrainConfig config() {
        return trainer.model().config();
    }

    /** The run folder being trained into, or {@code null} for a fit in memory. */
    public RunFolder run() {
        return run;
    }

    /** Completed steps before this fit began (a resume's checkpoint step, else 0). */
    public long startStep() {
        return startStep;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** Training time of the run so far, including that before a resume. */
    public double seconds() {
        return secondsBefore + (System.nanoTime() - began) / 1e9;
    }

    /** The step of the last checkpoint written (or resumed from); 0 if none. */
    public long lastCheckpoint() {
        return lastCheckpoint;
    }

    /** Records that a checkpoint of {@code step} was written. */
    public void checkpointWritten(long step) {
        lastCheckpoint = step;
    }

    /** Whether every step ran (read in {@link TrainingListener#onTrainingEnd}). */
    public boolean completed() {
        return completed;
    }

    void markCompleted() {
        completed = true;
    }
}
