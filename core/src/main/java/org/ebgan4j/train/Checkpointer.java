package org.ebgan4j.train;

import org.ebgan4j.game.StepMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;

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
                // The system's reason, without the hidden temporary file's name that a file-system exception carries.
                Throwable c = e.getCause() != null ? e.getCause() : e;
                String cause = c instanceof FileSystemException f && f.getReason() != null ? f.getReason() : c.getMessage();
                throw new UncheckedIOException("the checkpoint of step " + step + " could not be written to "
                        + context.run().checkpoint() + " (" + cause + "); " + (context.lastCheckpoint() > 0
                        ? "the checkpoint of step " + context.lastCheckpoint() + " is kept: resume the run once the cause is fixed"
                        : "no checkpoint was written yet"), e);
            }
            context.checkpointWritten(step);
        }
    }
}
