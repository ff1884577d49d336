package org.ebgan4j.experiments.grid;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.eval.LinearProbe;
import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.optim.OptimizerSpec;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.Checkpoint;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.RunPictures;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigBuilder;
import org.ebgan4j.train.TrainingDivergedException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial, in this process: train the trial's run folder to the grid's budget (resuming from its
 * checkpoint when an earlier attempt was interrupted), then score the generator with the grid's
 * classifier. A run that diverges is scored from its last good checkpoint (or, without one, as
 * initialised) and marked diverged; any other failure becomes a failed result with its reason.
 */
public final class TrialRunner {

    /** Generated images drawn per trial for the report's sample grids. */
    static final int PICTURE_SAMPLES = 64;

    private TrialRunner() {}

    /** The trial's run config, built by the library from its options. */
    public static TrainConfigBuilder builder(Trial trial) {
        TrainConfigBuilder b = TrainConfig.builder();
        trial.options().forEach(b::option);
        return b;
    }

    /** Runs {@code trial} (already claimed by the caller) and returns its result; it does not record it. */
    public static TrialResult run(GridStore store, Trial trial, int attempt) {
        String runner = GridStore.host() + "/" + ProcessHandle.current().pid();
        long began = System.nanoTime();
        try {
            PreparedRun prepared = builder(trial).prepare();
            RunFolder run = store.runFolder(trial.id());
            store.clearUnstartedRun(trial.id());
            boolean resume = run.hasCheckpoint();
            String reason = null;
            TrialResult.Status status = TrialResult.Status.DONE;
            try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
                try {
                    trainer.fit(prepared.data(), run, new AdversarialTrainer.FitOptions(resume, false, List.of()));
                } catch (TrainingDivergedException e) {
                    status = TrialResult.Status.DIVERGED;
                    reason = e.getMessage();
                }
            }
            double trainSeconds = (System.nanoTime() - began) / 1e9;
            long evalBegan = System.nanoTime();
            try (EnergyGan model = new EnergyGan(prepared.config()); DigitClassifier classifier = DigitClassifier.load(store.classifierDir())) {
                // The last good checkpoint: the end of training, or where a diverged run last was sound.
                long steps = run.hasCheckpoint() ? Checkpoint.load(run.checkpoint(), model, null, null).step() : 0;
                GridSpec.Scoring scoring = store.spec().scoring();
                Evaluation.Settings settings = new Evaluation.Settings(
                        scoring.fid() ? EnumSet.of(Evaluation.Metric.IS, Evaluation.Metric.FID) : EnumSet.of(Evaluation.Metric.IS),
                        scoring.samples(), trial.seed(), 2, 1, LinearProbe.Config.defaults());
                Evaluation.Report report = Evaluation.ofRun(trial.id(), model, steps, classifier, store.classifierDir(), settings,
                        store.trialDir(trial.id()));
                RunPictures.writeSamples(model, model.sample(PICTURE_SAMPLES, trial.seed()), PICTURE_SAMPLES,
                        store.trialDir(trial.id()).resolve("samples.png"));
                JsonNode last = GridStore.lastMetrics(run);
                return new TrialResult(trial.id(), status, attempt, reason, trial.labels(), trial.options(),
                        report.inception().score(), report.inception().expScore(), report.fid(), steps,
                        metric(last, StepMetrics.LOSS_D), metric(last, StepMetrics.LOSS_G), metric(last, StepMetrics.ENERGY_REAL),
                        metric(last, StepMetrics.ENERGY_FAKE), trainSeconds, (System.nanoTime() - evalBegan) / 1e9, runner,
                        Instant.now().toString(), trained(prepared.config()));
            }
        } catch (Exception | OutOfMemoryError e) {
            e.printStackTrace(); // into the trial's log
            String reason = (e.getMessage() == null ? e.toString() : e.getMessage()).lines().findFirst().orElse(e.toString());
            return new TrialResult(trial.id(), TrialResult.Status.FAILED, attempt, reason, trial.labels(), trial.options(), null, null,
                    null, null, null, null, null, null, (System.nanoTime() - began) / 1e9, null, runner, Instant.now().toString(), null);
        }
    }

    /** Table 1's settings as trained: fully connected networks, optimisers, and the engine's threads. */
    static Map<String, Object> trained(TrainConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (config.networks() instanceof FullyConnectedSpec n) {
            m.put("layersG", n.layersG());
            m.put("sizeG", n.sizeG());
            m.put("layersD", n.layersD());
            m.put("sizeD", n.sizeD());
            m.put("dropoutD", n.dropoutD());
        }
        m.put("optimD", config.optimizer().discriminator() instanceof OptimizerSpec.Sgd ? "sgd" : "adam");
        m.put("optimG", config.optimizer().generator() instanceof OptimizerSpec.Sgd ? "sgd" : "adam");
        m.put("lrD", config.optimizer().discriminator().lr());
        m.put("lrG", config.optimizer().generator().lr());
        m.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", Runtime.getRuntime().availableProcessors()));
        return m;
    }

    private static Double metric(JsonNode line, String name) {
        return line == null || !line.has(name) ? null : line.get(name).asDouble();
    }

    /**
     * {@link org.ebgan4j.experiments.Worker}'s task: claims and runs one trial of the store in
     * {@code storeDir} and records its result. Nothing happens when the trial is finished already or
     * another live runner holds it.
     *
     * @return the result recorded, or {@code null} when there was nothing to do
     */
    public static TrialResult runClaimed(Path storeDir, String trialId) throws IOException {
        GridStore store = GridStore.existing(storeDir);
        Trial trial = store.spec().expand().stream().filter(t -> t.id().equals(trialId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grid " + store.spec().name() + " has no trial " + trialId));
        Map<String, TrialResult> latest = store.latest();
        if (!store.pending(List.of(trial)).contains(trial) || latest.containsKey(trialId) && latest.get(trialId).scored()) {
            return null;
        }
        if (store.claim(trialId).isEmpty()) {
            return null;
        }
        // Another runner may have finished the trial between the check and the claim.
        if (!store.pending(List.of(trial)).contains(trial)) {
            store.release(trialId);
            return null;
        }
        Thread heartbeat = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(60_000);
                    if (!store.renew(trialId)) {
                        // Taken over (this process was thought gone): the other runner trains it now.
                        System.err.println(trialId + ": the claim was taken over; stopping");
                        Runtime.getRuntime().halt(org.ebgan4j.experiments.Worker.TAKEN_OVER);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // A missed renewal only shortens the lease.
                }
            }
        }, "ebgan-claim-" + trialId);
        heartbeat.setDaemon(true);
        heartbeat.start();
        try {
            TrialResult result = run(store, trial, store.nextAttempt(trialId));
            return store.record(result) ? result : null;
        } finally {
            heartbeat.interrupt();
            store.release(trialId);
        }
    }
}
