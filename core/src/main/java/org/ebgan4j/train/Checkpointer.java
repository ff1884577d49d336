package org.ebgan4j.train;

import org.ebgan4j.game.StepMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Saves the run's checkpoint every {@code checkpointEvery} steps and at the last one, atomically. */
public final class Checkpointer implements TrainingListener {

    @Override
    public void onTrainingBegin(TrainingContext context) {
        if (context.run() == null) {
            throw new IllegalStateException("checkpoints need a run folder: train with fit(data, runFolder, options)");
        }
    }

    @Override
    public void onStep(TrainingContext context, long step, StepMetrics metrics) {
        if (step % context.config().schedule().checkpointEvery() == 0 || step == context.totalSteps()) {
            try {
                context.trainer().saveCheckpoint(context.run().checkpoint(), step, context.seconds());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the checkpoint " + context.run().checkpoint() + " (the previous one "
                        + "is kept): " + e.getMessage(), e);
            }
            context.checkpointWritten(step);
        }
    }
}
