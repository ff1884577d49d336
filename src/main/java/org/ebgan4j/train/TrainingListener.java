package org.ebgan4j.train;

import java.nio.file.Path;

/** Hooks into {@link AdversarialTrainer#fit}: the CLI and the pictures attach here. */
public interface TrainingListener {

    /** After every step; {@code step} counts completed steps. */
    default void onStep(long step, long totalSteps, StepMetrics metrics) {}

    /** Every {@code sampleEvery} steps and at the end ({@code tag} is "step-000500" or "final"). */
    default void onSnapshot(EnergyGan model, Path runDir, String tag) {}
}
