package org.ebgan4j.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.nn.ArrayUpload;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * The one training loop of ebgan4j: alternating discriminator and generator steps with separate Adam
 * optimisers, whatever the game. Per step, one fake batch is generated; the discriminator learns on
 * it detached (so no gradient reaches the generator), then the generator learns through the updated
 * discriminator, whose parameters are frozen meanwhile (so no gradient accumulates in it: DJL's
 * PyTorch engine would add it to the next discriminator update).
 */
public final class AdversarialTrainer implements AutoCloseable {

    /** How {@link #fit} runs. */
    public record FitOptions(boolean resume, boolean progress, List<TrainingListener> listeners) {
        public static FitOptions quiet() {
            return new FitOptions(false, false, List.of());
        }
    }

    /** What a finished {@link #fit} reports. */
    public record Result(long steps, double seconds, StepMetrics last) {}

    private final EnergyGan model;
    private final AdversarialGame game;
    private final ParameterStore parameters;
    private final AdamOptimizer optD;
    private final AdamOptimizer optG;
    private final AdamOptimizer optAux;
    private final NoiseSource noise;
    private final long seed;
    private final ArrayUpload upload = new ArrayUpload();

    public AdversarialTrainer(EnergyGan model) {
        this.model = model;
        this.game = model.game();
        this.parameters = model.parameters();
        TrainConfig.AdamConfig adam = model.config().optimizer();
        this.optD = new AdamOptimizer(model.discriminator(), model.manager(), adam.lrD(), adam.beta1(), adam.beta2());
        this.optG = new AdamOptimizer(model.generator(), model.manager(), adam.lrG(), adam.beta1(), adam.beta2());
        this.optAux = game.auxiliary() == null ? null
                : new AdamOptimizer(game.auxiliary(), model.manager(), adam.lrG(), adam.beta1(), adam.beta2());
        this.seed = model.config().schedule().seed();
        this.noise = new NoiseSource(seed, model.config().network().noiseDim(), model.config().network().noise());
    }

    public EnergyGan model() {
        return model;
    }

    public AdamOptimizer discriminatorOptimizer() {
        return optD;
    }

    public AdamOptimizer generatorOptimizer() {
        return optG;
    }

    /**
     * One discriminator step and one generator step on a real batch. {@code step} (from 0) seeds
     * the noise and the engine's generator, and sets the margin schedule's position.
     *
     * @throws TrainingDivergedException when a loss is not finite; nothing of it is applied
     */
    public StepMetrics step(NDArray real, long step) {
        StepMetrics metrics = new StepMetrics();
        NDManager m = real.getManager();
        int n = (int) real.getShape().get(0);
        Engine.getInstance().setRandomSeed((int) NoiseSource.mix(seed, step, NoiseSource.ENGINE));
        NDArray z = upload.upload(m, noise.draw(n, step, NoiseSource.TRAINING), new Shape(n, noise.dimension()));

        NDArray fake;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            // The generator's graph is kept for its own step below; the discriminator sees a detached copy.
            fake = model.generate(z, true);
            NDArray lossD = game.discriminatorLoss(parameters, real, fake.stopGradient(), step, metrics);
            metrics.put(StepMetrics.LOSS_D, lossD.getFloat());
            requireFinite(metrics, step);
            collector.backward(lossD);
        }
        optD.step();

        optD.freeze(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray lossG = game.generatorLoss(parameters, z, fake, step, metrics);
            metrics.put(StepMetrics.LOSS_G, lossG.getFloat());
            requireFinite(metrics, step);
            collector.backward(lossG);
        } finally {
            optD.freeze(false);
        }
        optG.step();
        if (optAux != null) {
            optAux.step();
        }
        game.afterStep(metrics);
        return metrics;
    }

    private static void requireFinite(StepMetrics metrics, long step) {
        String bad = metrics.firstNonFinite();
        if (bad != null) {
            throw new TrainingDivergedException(step + 1, bad + " became " + metrics.get(bad) + " at step " + (step + 1));
        }
    }

    /**
     * Trains on {@code data} into {@code run}: fresh (the folder must not hold a run) or resumed from
     * its last checkpoint, which then continues exactly as the uninterrupted run would have.
     */
    public Result fit(TensorDataset data, RunFolder run, FitOptions options) throws IOException {
        TrainConfig config = model.config();
        TrainConfig.RunSchedule schedule = config.schedule();
        try (Batches batches = new Batches(data, schedule.batchSize(), seed, config.data().randomCrop()).prefetching()) {
            return fit(batches, run, options);
        }
    }

    private Result fit(Batches batches, RunFolder run, FitOptions options) throws IOException {
        TrainConfig config = model.config();
        TrainConfig.RunSchedule schedule = config.schedule();
        int perEpoch = batches.batchesPerEpoch();
        long total = schedule.totalSteps(perEpoch);

        long start = 0;
        double secondsBefore = 0;
        if (options.resume()) {
            Checkpoint.State state = Checkpoint.load(run.checkpoint(), model, optD, optG, optAux);
            game.restore(state.gameState());
            start = state.step();
            secondsBefore = state.seconds();
            // A resume may extend the run: the folder's config must still say how to reproduce it.
            AtomicFiles.writeString(run.config(), config.toJson());
        } else {
            run.createFresh(config);
        }

        long began = System.nanoTime();
        StepMetrics last = null;
        try (MetricsLog log = new MetricsLog(run.metrics()); ProgressBar bar = options.progress() ? progressBar(total, start) : null) {
            log.truncateAfter(start);
            long lastCheckpoint = start;
            for (long s = start; s < total; s++) {
                long done = s + 1;
                setLearningRates(config.optimizer(), s / perEpoch);
                try (NDManager stepManager = model.manager().newSubManager()) {
                    NDArray real = batches.batch(stepManager, (int) (s / perEpoch), (int) (s % perEpoch));
                    last = step(real, s);
                } catch (TrainingDivergedException e) {
                    throw new TrainingDivergedException(e.step(), "training diverged: " + e.getMessage() + "; "
                            + (lastCheckpoint > 0
                                    ? "the last good checkpoint (step " + lastCheckpoint + ") is kept at " + run.checkpoint()
                                    : "no checkpoint was written yet")
                            + "; lower --lr or check the data for NaN values");
                }
                double seconds = secondsBefore + (System.nanoTime() - began) / 1e9;
                if (done % schedule.logEvery() == 0 || done == total) {
                    log.append(done, s / perEpoch, last, seconds);
                }
                if (bar != null) {
                    bar.stepTo(done);
                    bar.setExtraMessage(" " + summary(last));
                }
                for (TrainingListener l : options.listeners()) {
                    l.onStep(done, total, last);
                }
                if (done % schedule.sampleEvery() == 0 && done != total) {
                    snapshot(run, options, String.format("step-%07d", done));
                }
                if (done % schedule.checkpointEvery() == 0 || done == total) {
                    Checkpoint.save(run.checkpoint(), new Checkpoint.State(done, seconds, game.state()), model, optD, optG, optAux);
                    lastCheckpoint = done;
                }
            }
        }
        snapshot(run, options, "final");
        return new Result(total, secondsBefore + (System.nanoTime() - began) / 1e9, last);
    }

    /** The per-epoch learning-rate decay; a function of the epoch alone, so a resume restores it. */
    private void setLearningRates(TrainConfig.AdamConfig adam, long epoch) {
        double factor = adam.decayFactor(epoch);
        optD.scaleLearningRate(factor, adam.lrMin());
        optG.scaleLearningRate(factor, adam.lrMin());
        if (optAux != null) {
            optAux.scaleLearningRate(factor, adam.lrMin());
        }
    }

    private void snapshot(RunFolder run, FitOptions options, String tag) {
        for (TrainingListener l : options.listeners()) {
            l.onSnapshot(model, run.root(), tag);
        }
    }

    private static ProgressBar progressBar(long total, long start) {
        return new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(total)
                .startsFrom(start, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 150))
                .showSpeed()
                .build();
    }

    private static String summary(StepMetrics m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("D %.3g G %.3g", m.get(StepMetrics.LOSS_D), m.get(StepMetrics.LOSS_G)));
        sb.append(String.format(" E+ %.3g E- %.3g", m.get(StepMetrics.ENERGY_REAL), m.get(StepMetrics.ENERGY_FAKE)));
        if (m.asMap().containsKey(StepMetrics.PULL_AWAY)) {
            sb.append(String.format(" PT %.3f", m.get(StepMetrics.PULL_AWAY)));
        }
        return sb.toString();
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
