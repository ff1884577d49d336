package org.ebgan4j.train;

import org.ebgan4j.game.StepMetrics;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes {@code metrics.jsonl} of the run folder every {@code logEvery} steps and at the last one.
 * A resumed run first drops the lines logged after its checkpoint, so every step is logged once.
 */
public final class MetricsLogger implements TrainingListener {

    private MetricsLog log;

    @Override
    public void onTrainingBegin(TrainingContext context) {
        if (context.run() == null) {
            throw new IllegalStateException("a metrics log needs a run folder: train with fit(data, runFolder, options)");
        }
        log = new MetricsLog(context.run().metrics());
        try {
            log.truncateAfter(context.startStep());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + context.run().metrics() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onStep(TrainingContext context, long step, StepMetrics metrics) {
        if (step % context.config().schedule().logEvery() == 0 || step == context.totalSteps()) {
            try {
                log.append(step, (step - 1) / context.batchesPerEpoch(), metrics, context.seconds());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + context.run().metrics() + " at step " + step + " (" + e.getMessage()
                        + "); " + (context.lastCheckpoint() > 0 ? "the checkpoint of step " + context.lastCheckpoint()
                        + " is kept: resume the run once the cause is fixed" : "no checkpoint was written yet"), e);
            }
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + context.run().metrics() + ": " + e.getMessage(), e);
            } finally {
                log = null;
            }
        }
    }
}
