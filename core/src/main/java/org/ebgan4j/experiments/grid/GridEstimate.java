package org.ebgan4j.experiments.grid;

import ai.djl.pytorch.jni.JniUtils;

import org.ebgan4j.bench.StepBenchmark;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.TrainConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a grid takes, before it runs. A fully connected step costs about {@code B (3 P_G + 6 P_D)}
 * multiply-adds for batch B and P_G, P_D the weights of G and D (G runs forward and backward once,
 * D three times forward and backward: on the real batch, the fake one, and in G's step); this
 * machine's rate is measured on the default networks (G 3x800, D 2x256) and a few milliseconds of
 * overhead per step are added. Measured at 1 thread, the model is within 10% of four networks from
 * G 2x400 to G 5x3200 (17 to 765 ms a step). Each trial also pays {@link #TRIAL_OVERHEAD_SECONDS}
 * for its data and scoring (the worker's JVM is started once, not per trial), and trials that share
 * a machine run {@link #SHARED_MACHINE_SLOWDOWN} times slower.
 */
public record GridEstimate(int trials, double trialSeconds, double longestTrialSeconds, double stepsPerTrial,
        double macsPerSecond) {

    /**
     * Seconds a trial spends besides training, in a worker that has run trials before: loading its
     * data and scoring 5,000 samples (2.1 s of the 10.0 s a 140-step trial took on this project's
     * 2-core machine, the rest training; before workers kept their JVMs it was 15 s).
     */
    public static final double TRIAL_OVERHEAD_SECONDS = 2.5;

    /**
     * How much slower each trial runs when two share a machine: on this project's 2-core machine,
     * the same 16 trials took 1.14 to 1.22 times as long two at a time as one at a time (memory and
     * cache they share), which the grid's wall time pays.
     */
    public static final double SHARED_MACHINE_SLOWDOWN = 1.18;

    /** Seconds a step spends besides its multiply-adds (engine calls, optimiser updates). */
    public static final double STEP_OVERHEAD_SECONDS = 0.003;

    /** Estimates {@code trials} at {@code threads} engine threads a trial, loading the first one's data for its size. */
    public static GridEstimate of(List<Trial> trials, int threads) {
        if (trials.isEmpty()) {
            return new GridEstimate(0, 0, 0, 0, calibrate(threads));
        }
        return of(trials, TrialRunner.builder(trials.get(0)).prepare(), threads);
    }

    /**
     * Estimates {@code trials}, whose data is {@code sample}'s (its size sets the steps of an epoch),
     * at {@code threads} engine threads a trial.
     */
    public static GridEstimate of(List<Trial> trials, PreparedRun sample, int threads) {
        double rate = calibrate(threads);
        double total = 0;
        double longest = 0;
        double steps = 0;
        for (Trial t : trials) {
            TrialCost c = cost(t, sample);
            double seconds = TRIAL_OVERHEAD_SECONDS + c.steps() * (STEP_OVERHEAD_SECONDS + c.macsPerStep() / rate);
            total += seconds;
            longest = Math.max(longest, seconds);
            steps += c.steps();
        }
        return new GridEstimate(trials.size(), total, longest, trials.isEmpty() ? 0 : steps / trials.size(), rate);
    }

    /** Total trial time, as one worker would spend it. */
    public double workerSeconds() {
        return trialSeconds;
    }

    /**
     * Wall time on {@code workers} workers of {@code threads} threads each, on machines of
     * {@code cores} cores each shared by {@code workersPerMachine} workers: beyond a machine's cores
     * the workers slow each other down in proportion, and workers that share a machine at all pay
     * {@link #SHARED_MACHINE_SLOWDOWN}. No grid ends before its longest trial.
     */
    public double wallSeconds(int workers, int threads, int cores, int workersPerMachine) {
        double oversubscription = Math.max(1.0, (double) workersPerMachine * threads / cores);
        double sharing = workersPerMachine > 1 ? SHARED_MACHINE_SLOWDOWN : 1.0;
        return Math.max(trialSeconds / workers, longestTrialSeconds) * oversubscription * sharing;
    }

    /**
     * {@code trials} longest first by estimated cost (the longest-processing-time rule): a pool that
     * takes them in this order ends on short trials, so its workers finish close together. The data
     * of the first trial sets the steps of an epoch; when it cannot be loaded the order is kept (the
     * trials then fail one by one with the reason).
     */
    public static List<Trial> longestFirst(List<Trial> trials) {
        if (trials.size() < 2) {
            return trials;
        }
        PreparedRun sample;
        try {
            sample = TrialRunner.builder(trials.get(0)).prepare();
        } catch (RuntimeException e) {
            return trials;
        }
        Map<Trial, Double> cost = new HashMap<>();
        for (Trial t : trials) {
            try {
                TrialCost c = cost(t, sample);
                cost.put(t, c.steps() * (c.macsPerStep() + STEP_OVERHEAD_SECONDS * NOMINAL_MACS_PER_SECOND));
            } catch (RuntimeException e) {
                cost.put(t, 0.0); // a trial whose options are refused fails at once: last
            }
        }
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort(Comparator.comparingDouble((Trial t) -> -cost.get(t)));
        return sorted;
    }

    /** A rate that weighs a step's overhead against its multiply-adds when only the order matters. */
    private static final double NOMINAL_MACS_PER_SECOND = 1e10;

    /** One trial's steps and multiply-adds per step. */
    public record TrialCost(long steps, double macsPerStep) {}

    /** The cost of one trial from its options, on data like {@code sample}'s. */
    public static TrialCost cost(Trial t, PreparedRun sample) {
        TrainConfig config = TrialRunner.builder(t).build(sample.data());
        long perEpoch = sample.data().size() / config.schedule().batchSize();
        long steps = config.schedule().totalSteps((int) perEpoch);
        return new TrialCost(steps, macs(config));
    }

    /** Multiply-adds of one step; convolutional networks are counted as the default fully connected ones. */
    static double macs(TrainConfig config) {
        if (!(config.networks() instanceof FullyConnectedSpec n)) {
            return FullyConnectedSpec.ebgan(100, 784, 3, 800, 2, 256, 0f, true, org.ebgan4j.nn.OutputActivation.TANH)
                    .multiplyAddsPerStep(64, true);
        }
        boolean autoencoder = !config.game().model().equals("gan") && !config.game().model().startsWith("egan")
                && !config.game().model().equals("lsgan");
        return n.multiplyAddsPerStep(config.schedule().batchSize(), autoencoder);
    }

    /** Multiply-adds per second of an EBGAN step on the default networks at {@code threads} threads. */
    static double calibrate(int threads) {
        ai.djl.engine.Engine.getInstance(); // loads libtorch before its thread count is read
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            return measure();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    private static double measure() {
        TrainConfig config = StepBenchmark.fullyConnected("ebgan", 784, 3, 800, 2, 256, 64, 100);
        StepBenchmark.Report r = StepBenchmark.run(config, 30, 5, null);
        double seconds = r.medianMs() / 1000 - STEP_OVERHEAD_SECONDS;
        return ((FullyConnectedSpec) config.networks()).multiplyAddsPerStep(64, true) / Math.max(seconds, 1e-4);
    }
}
