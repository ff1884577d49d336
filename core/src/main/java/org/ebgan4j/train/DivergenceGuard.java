package org.ebgan4j.train;

import org.ebgan4j.game.StepMetrics;

/**
 * Stops a run whose loss (or any metric of the step) is NaN or infinite, before its gradient is
 * applied: the step throws {@link TrainingDivergedException}, which names the metric, the step and
 * the last good checkpoint, kept as it was. Every trainer has one unless its listeners are given
 * without it.
 */
public final class DivergenceGuard implements TrainingListener {

    @Override
    public void onLoss(TrainingContext context, long step, String phase, StepMetrics metrics) {
        String bad = metrics.firstNonFinite();
        if (bad == null) {
            return;
        }
        String what = bad + " became " + metrics.get(bad) + " at step " + (step + 1);
        if (context.run() == null) {
            throw new TrainingDivergedException(step + 1, "training diverged: " + what);
        }
        throw new TrainingDivergedException(step + 1, "training diverged: " + what + "; "
                + (context.lastCheckpoint() > 0
                        ? "the last good checkpoint (step " + context.lastCheckpoint() + ") is kept at " + context.run().checkpoint()
                        : "no checkpoint was written yet")
                + "; lower `lr` or check the data for NaN values");
    }
}
