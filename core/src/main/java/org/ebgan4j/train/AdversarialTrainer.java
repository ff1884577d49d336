package org.ebgan4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import org.ebgan4j.data.ArrayUpload;
import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.AdversarialGame;
import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.objective.CostGapUpdateRule;
import org.ebgan4j.optim.Optimizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one training loop of ebgan4j: alternating discriminator and generator steps with separate
 * optimisers, whatever the game. Per step, one fake batch is generated; the discriminator learns on
 * it detached (so no gradient reaches the generator), then the generator learns through the updated
 * discriminator, whose parameters are frozen meanwhile (so no gradient accumulates in it: DJL's
 * PyTorch engine would add it to the next discriminator update). Everything else (metrics,
 * checkpoints, pictures, progress, the divergence guard) is a {@link TrainingListener}.
 */
public final class AdversarialTrainer implements AutoCloseable {

    /**
     * How {@link #fit(TensorDataset, RunFolder, FitOptions)} runs.
     *
     * @param resume continue the run folder's run from its last checkpoint
     * @param progress draw a progress bar
     * @param listeners further listeners, after the run folder's metrics log and before its checkpoints
     */
    public record FitOptions(boolean resume, boolean progress, List<TrainingListener> listeners) {
        public FitOptions {
            listeners = List.copyOf(listeners);
        }

        /** A fresh run, no progress bar, no further listeners. */
        public static FitOptions quiet() {
            return new FitOptions(false, false, List.of());
        }
    }

    /** What a finished fit reports: the run's total steps, its training time and the last step's metrics. */
    public record Result(long steps, double seconds, StepMetrics last) {}

    private final EnergyGan model;
    private final AdversarialGame game;
    private final ParameterStore parameters;
    private final Optimizer optD;
    private final Optimizer optG;
    private final Optimizer optAux;
    private final NoiseSource noise;
    private final long seed;
    private final ArrayUpload upload = new ArrayUpload();
    private final List<TrainingListener> listeners;
    private long nextStep;
    private double secondsBefore;
    private TrainingContext standalone;
    private StepPhases phases;

    /** A trainer whose only listener is the {@link DivergenceGuard}. */
    public AdversarialTrainer(EnergyGan model) {
        this(model, List.of());
    }

    /**
     * A trainer with these listeners on every fit and step, after a {@link DivergenceGuard} unless the
     * list holds one: a non-finite loss is never applied.
     */
    public AdversarialTrainer(EnergyGan model, List<TrainingListener> listeners) {
        this.model = model;
        this.game = model.game();
        this.parameters = model.parameters();
        TrainConfig.OptimizerConfig optimizers = model.config().optimizer();
        this.optD = optimizers.discriminator().create(model.discriminator(), model.manager());
        this.optG = optimizers.generator().create(model.generator(), model.manager());
        this.optAux = game.auxiliary() == null ? null : optimizers.generator().create(game.auxiliary(), model.manager());
        this.seed = model.config().schedule().seed();
        this.noise = new NoiseSource(seed, model.config().networks().noiseDim(), model.config().networks().noise());
        List<TrainingListener> own = new ArrayList<>();
        if (listeners.stream().noneMatch(l -> l instanceof DivergenceGuard)) {
            own.add(new DivergenceGuard());
        }
        own.addAll(listeners);
        this.listeners = List.copyOf(own);
    }

    public EnergyGan model() {
        return model;
    }

    public Optimizer discriminatorOptimizer() {
        return optD;
    }

    public Optimizer generatorOptimizer() {
        return optG;
    }

    /**
     * One discriminator step and one generator step on a real batch. {@code step} (from 0) seeds
     * the noise and the engine's generator, and sets the margin schedule's position.
     *
     * @throws TrainingDivergedException when a loss is not finite (from the {@link DivergenceGuard}); nothing of it is applied
     */
    public StepMetrics step(NDArray real, long step) {
        if (standalone == null) {
            standalone = new TrainingContext(this, null, 0, -1, 1, 0);
        }
        return step(real, step, standalone, listeners);
    }

    private StepMetrics step(NDArray real, long step, TrainingContext context, List<TrainingListener> all) {
        StepMetrics metrics = new StepMetrics();
        NDManager m = real.getManager();
        int n = (int) real.getShape().get(0);
        StepPhases clock = phases;
        if (clock != null) {
            clock.begin();
        }
        Engine.getInstance().setRandomSeed((int) NoiseSource.mix(seed, step, NoiseSource.ENGINE));
        NDArray z = upload.upload(m, noise.draw(n, step, NoiseSource.TRAINING), new Shape(n, noise.dimension()));
        lap(clock, StepPhases.Phase.NOISE);

        NDArray fake;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // The generator's graph is kept for its own step below; the discriminator sees a detached copy.
            fake = model.generate(z, true);
            lap(clock, StepPhases.Phase.G_FORWARD);
            NDArray lossD = game.discriminatorLoss(parameters, real, fake.stopGradient(), step, metrics);
            // The phase's metrics come back in one copy: the device is waited for once here.
            metrics.defer(StepMetrics.LOSS_D, lossD).resolve();
            for (TrainingListener l : all) {
                l.onLoss(context, step, StepMetrics.LOSS_D, metrics);
            }
            lap(clock, StepPhases.Phase.D_LOSS);
            collector.backward(lossD);
            lap(clock, StepPhases.Phase.D_BACKWARD);
        }
        CostGapUpdateRule.Update update = game.nextUpdate();
        if (update.discriminator()) {
            optD.step();
        } else {
            optD.skip();
        }
        lap(clock, StepPhases.Phase.D_UPDATE);

        optD.freeze(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray zG = z;
            NDArray fakeG = fake;
            if (game.separateGeneratorNoise()) {
                zG = upload.upload(m, noise.draw(n, step, NoiseSource.TRAINING_G), new Shape(n, noise.dimension()));
                fakeG = model.generate(zG, true);
            }
            NDArray lossG = game.generatorLoss(parameters, zG, fakeG, step, metrics);
            metrics.defer(StepMetrics.LOSS_G, lossG).resolve();
            for (TrainingListener l : all) {
                l.onLoss(context, step, StepMetrics.LOSS_G, metrics);
            }
            lap(clock, StepPhases.Phase.G_LOSS);
            collector.backward(lossG);
            lap(clock, StepPhases.Phase.G_BACKWARD);
        } finally {
            optD.freeze(false);
        }
        if (update.generator()) {
            optG.step();
            if (optAux != null) {
                optAux.step();
            }
        } else {
            optG.skip();
            if (optAux != null) {
                optAux.skip();
            }
        }
        lap(clock, StepPhases.Phase.G_UPDATE);
        game.afterStep(metrics);
        lap(clock, StepPhases.Phase.AFTER);
        return metrics.resolve();
    }

    private static void lap(StepPhases clock, StepPhases.Phase phase) {
        if (clock != null) {
            clock.lap(phase);
        }
    }

    /** Times every later step by phase into {@code clock} (null: no timing, the default). */
    public void timePhases(StepPhases clock) {
        this.phases = clock;
    }

    /**
     * Trains on {@code data} in memory, with this trainer's listeners only, to the end of the config's
     * schedule: a new trainer starts at step 0, one that has trained or {@link #restore restored}
     * continues where it stopped.
     */
    public Result fit(TensorDataset data) {
        return fit(data, null, listeners);
    }

    /**
     * Trains on {@code data} into {@code run}: fresh (the folder must be new or empty) or resumed from
     * its last checkpoint (from step 0 when it stopped before writing one), which then continues
     * exactly as the uninterrupted run would have. Temporary files of interrupted writes are removed. Writes
     * {@code config.json}, {@code metrics.jsonl} and the checkpoint, besides what the options' listeners do.
     */
    public Result fit(TensorDataset data, RunFolder run, FitOptions options) throws IOException {
        TrainConfig config = model.config();
        if (options.resume()) {
            run.removeTemporaries();
            if (run.hasCheckpoint()) {
                restore(run.checkpoint());
            } else {
                // The run stopped before its first checkpoint: it starts again, as it first did.
                nextStep = 0;
                secondsBefore = 0;
            }
            // A resume may extend the run or change its rates: the folder's config must still say how to reproduce it.
            run.writeConfig(config, model.device());
        } else {
            run.createFresh(config, model.device());
            nextStep = 0;
            secondsBefore = 0;
        }
        // The log first and the checkpoint last: whatever the others do sees this step's line written,
        // and the checkpoint follows everything the step did.
        List<TrainingListener> all = new ArrayList<>();
        all.add(new MetricsLogger());
        all.addAll(listeners);
        if (options.progress()) {
            all.add(new ProgressBarListener());
        }
        all.addAll(options.listeners());
        all.add(new Checkpointer());
        return fit(data, run, all);
    }

    private Result fit(TensorDataset data, RunFolder run, List<TrainingListener> all) {
        TrainConfig config = model.config();
        try (Batches batches = new Batches(data, config.schedule().batchSize(), seed, config.data().randomCrop()).prefetching()) {
            int perEpoch = batches.batchesPerEpoch();
            long total = config.schedule().totalSteps(perEpoch);
            TrainingContext context = new TrainingContext(this, run, nextStep, total, perEpoch, secondsBefore);
            StepMetrics last = null;
            Throwable failure = null;
            try {
                for (TrainingListener l : all) {
                    l.onTrainingBegin(context);
                }
                for (long s = nextStep; s < total; s++) {
                    setLearningRates(config.optimizer(), s, s / perEpoch);
                    try (NDManager stepManager = model.manager().newSubManager()) {
                        NDArray real = batches.batch(stepManager, (int) (s / perEpoch), (int) (s % perEpoch));
                        last = step(real, s, context, all);
                    }
                    long done = s + 1;
                    nextStep = done;
                    for (TrainingListener l : all) {
                        l.onStep(context, done, last);
                    }
                    if (done % perEpoch == 0) {
                        game.onEpoch(done / perEpoch);
                        for (TrainingListener l : all) {
                            l.onEpoch(context, done / perEpoch);
                        }
                    }
                }
                context.markCompleted();
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            } finally {
                endAll(all, context, failure);
            }
            secondsBefore = context.seconds();
            return new Result(total, secondsBefore, last);
        }
    }

    /**
     * Every listener's end, even when one fails: a failure of the fit itself stays the one thrown, with
     * the ends' failures suppressed in it; otherwise the first end's failure is thrown, with the rest.
     */
    private static void endAll(List<TrainingListener> all, TrainingContext context, Throwable failure) {
        Throwable first = failure;
        for (TrainingListener l : all) {
            try {
                l.onTrainingEnd(context);
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (failure == null && first instanceof RuntimeException r) {
            throw r;
        }
        if (failure == null && first instanceof Error e) {
            throw e;
        }
    }

    /**
     * The per-epoch learning-rate decay on the base rates of the step (changed by a resume, or the
     * optimisers' own); a function of the step alone, so a resume restores it.
     */
    private void setLearningRates(TrainConfig.OptimizerConfig config, long step, long epoch) {
        if (!config.rateChanges().isEmpty()) {
            optD.setBaseLearningRate(config.lrD(step));
            optG.setBaseLearningRate(config.lrG(step));
            if (optAux != null) {
                optAux.setBaseLearningRate(config.lrG(step));
            }
        }
        double factor = config.decayFactor(epoch) * game.learningRateFactor();
        optD.scaleLearningRate(factor, config.lrMin());
        optG.scaleLearningRate(factor, config.lrMin());
        if (optAux != null) {
            optAux.scaleLearningRate(factor, config.lrMin());
        }
    }

    /** Writes the networks, the optimisers' state and the game's state after {@code step} completed steps. */
    public void saveCheckpoint(Path file, long step, double seconds) throws IOException {
        Checkpoint.save(file, new Checkpoint.State(step, seconds, game.state()), model, optD, optG, optAux);
    }

    /** Restores a checkpoint of this run; the next fit continues after its step. */
    public Checkpoint.State restore(Path checkpoint) throws IOException {
        Checkpoint.State state = Checkpoint.load(checkpoint, model, optD, optG, optAux);
        game.restore(state.gameState());
        nextStep = state.step();
        secondsBefore = state.seconds();
        return state;
    }

    @Override
    public void close() {
        optD.close();
        optG.close();
        if (optAux != null) {
            optAux.close();
        }
    }
}
