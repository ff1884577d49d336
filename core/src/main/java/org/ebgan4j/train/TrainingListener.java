package org.ebgan4j.train;

import org.ebgan4j.game.StepMetrics;

/**
 * A concern plugged into {@link AdversarialTrainer}'s one loop, after DJL's {@code TrainingListener}
 * lifecycle: progress, metrics, checkpoints, pictures and the divergence guard are listeners, so a
 * caller trains silently or adds its own without copying the loop. Listeners run in the order given.
 */
public interface TrainingListener {

    /** Before the first step of a fit (or of a resumed one: {@link TrainingContext#startStep()}). */
    default void onTrainingBegin(TrainingContext context) {}

    /**
     * After a loss is computed and before its gradient is applied ({@code phase} is
     * {@link StepMetrics#LOSS_D} or {@link StepMetrics#LOSS_G}); throwing here stops the step with
     * nothing of it applied. {@code step} counts from 0.
     */
    default void onLoss(TrainingContext context, long step, String phase, StepMetrics metrics) {}

    /** After both updates of a step; {@code step} counts completed steps (the first is 1). */
    default void onStep(TrainingContext context, long step, StepMetrics metrics) {}

    /** After the last step of an epoch; {@code epoch} counts completed epochs. */
    default void onEpoch(TrainingContext context, long epoch) {}

    /**
     * After the last step, or when the fit stops early ({@link TrainingContext#completed()} says
     * which): release what the listener holds here.
     */
    default void onTrainingEnd(TrainingContext context) {}
}
