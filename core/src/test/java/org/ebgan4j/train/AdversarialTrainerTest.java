package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.MixturePresets;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.objective.CostGapUpdateRule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

class AdversarialTrainerTest {

    static TensorDataset randomImages(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return new TensorDataset("random", x, null, new long[] {dim}, 0.5, 0.5);
    }

    static TrainConfig small(String model) {
        TrainConfigBuilder b = TrainConfig.builder().setModel(model).setDataset("random")
                .optNoiseDim(8).optLayersG(3).optSizeG(32).optLayersD(3).optSizeD(24).optDropoutD(0.2f)
                .optBatchSize(8).optSteps(20).optSeed(7).optLogEvery(1).optSampleEvery(1000).optCheckpointEvery(10);
        if (model.equals("egan-ent-nn")) {
            // Four neighbours: the entropy gradient of EGAN-Ent-NN needs k below the batch of 8.
            b.optKnnK(4);
        }
        return b.build(randomImages(8, 16, 0));
    }

    private static List<float[]> snapshot(List<Parameter> params) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : params) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }

    private static float maxAbsGradient(List<Parameter> params) {
        float max = 0;
        for (Parameter p : params) {
            try (NDArray g = p.getArray().getGradient()) {
                max = Math.max(max, g.abs().max().getFloat());
            }
        }
        return max;
    }

    @Test
    void eachStepUpdatesOnlyItsOwnNetworkAndLeavesNoGradientBehind() {
        for (String kind : GameSpec.models()) {
            try (EnergyGan model = new EnergyGan(small(kind)); AdversarialTrainer trainer = new AdversarialTrainer(model);
                    NDManager m = model.manager().newSubManager()) {
                List<Parameter> g = trainer.generatorOptimizer().parameters();
                List<Parameter> d = trainer.discriminatorOptimizer().parameters();
                Batches batches = new Batches(randomImages(64, 16, 1), 8, 3);
                for (int s = 0; s < 3; s++) {
                    List<float[]> g0 = snapshot(g);
                    List<float[]> d0 = snapshot(d);
                    trainer.step(batches.batch(m, 0, s), s);
                    // Both networks moved, and every gradient they accumulated was consumed.
                    assertThat(changed(g0, snapshot(g))).as(kind + " generator moved").isTrue();
                    assertThat(changed(d0, snapshot(d))).as(kind + " discriminator moved").isTrue();
                    assertThat(maxAbsGradient(g)).as(kind + " G gradient after step").isZero();
                    assertThat(maxAbsGradient(d)).as(kind + " D gradient after step").isZero();
                }
            }
        }
    }

    @Test
    void theCostGapRuleLeavesTheChosenNetworkAloneAndItsGradientZeroed() {
        TrainConfigBuilder b = TrainConfig.builder().setModel("egan-const").setDataset("random").optNoiseDim(8).optSizeG(32)
                .optSizeD(24).optBatchSize(8).optSteps(20).optSeed(7).option("updateRule", "cost-gap");
        try (EnergyGan model = new EnergyGan(b.build(randomImages(8, 16, 0))); AdversarialTrainer trainer = new AdversarialTrainer(model);
                NDManager m = model.manager().newSubManager()) {
            List<Parameter> g = trainer.generatorOptimizer().parameters();
            List<Parameter> d = trainer.discriminatorOptimizer().parameters();
            Batches batches = new Batches(randomImages(64, 16, 1), 8, 3);
            // Before the first step the gap is the authors' 1, above 0.1: the discriminator learns alone.
            List<float[]> g0 = snapshot(g);
            List<float[]> d0 = snapshot(d);
            StepMetrics first = trainer.step(batches.batch(m, 0, 0), 0);
            assertThat(changed(d0, snapshot(d))).as("D moved").isTrue();
            assertThat(changed(g0, snapshot(g))).as("G left alone").isFalse();
            assertThat(maxAbsGradient(g)).as("G's gradient of the step was dropped, not kept for the next").isZero();
            assertThat(trainer.generatorOptimizer().updates()).isZero();
            // The next step follows the rule on this step's loss.
            CostGapUpdateRule.Update next = CostGapUpdateRule.authors2d(false).choose(first.get(StepMetrics.LOSS_D));
            List<float[]> g1 = snapshot(g);
            trainer.step(batches.batch(m, 0, 1), 1);
            assertThat(changed(g1, snapshot(g))).as("G moved in step 2 iff the rule says so (" + next + ")")
                    .isEqualTo(next.generator());
        }
    }

    @Test
    void aStepLeavesNoArrayBehind() {
        for (String kind : GameSpec.models()) {
            try (EnergyGan model = new EnergyGan(small(kind)); AdversarialTrainer trainer = new AdversarialTrainer(model)) {
                Batches batches = new Batches(randomImages(64, 16, 1), 8, 3);
                long[] live = new long[4];
                for (int s = 0; s < live.length; s++) {
                    // As in training: each step's arrays in a manager of its own, closed after the step.
                    try (NDManager stepManager = model.manager().newSubManager()) {
                        trainer.step(batches.batch(stepManager, 0, s), s);
                    }
                    live[s] = LiveArrays.count(model.manager());
                }
                // The first step creates the optimisers' moments; after it the count must not move.
                assertThat(live[2]).as(kind + " arrays after step 3").isEqualTo(live[1]);
                assertThat(live[3]).as(kind + " arrays after step 4").isEqualTo(live[1]);
            }
        }
    }

    private static boolean changed(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static TrainConfig withSteps(TrainConfig c, long steps) {
        TrainConfig.RunSchedule s = c.schedule();
        return c.withSchedule(new TrainConfig.RunSchedule(s.batchSize(), 0, steps, s.seed(), s.logEvery(), s.sampleEvery(), s.checkpointEvery()));
    }

    private static List<float[]> allParameters(EnergyGan model) {
        List<float[]> values = new ArrayList<>();
        for (Parameter p : model.generator().getParameters().values()) {
            values.add(p.getArray().toFloatArray());
        }
        for (Parameter p : model.discriminator().getParameters().values()) {
            values.add(p.getArray().toFloatArray());
        }
        return values;
    }

    private static List<String> metricsWithoutTime(Path run) throws Exception {
        return Files.readAllLines(run.resolve("metrics.jsonl")).stream()
                .map(l -> l.replaceAll(",\"seconds\":[0-9.E-]+", "")).toList();
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path tmp) throws Exception {
        resumesExactly(small("ebgan-pt"), tmp.resolve("adam"));
        // SGD's velocities are checkpointed as Adam's moments are.
        TrainConfig sgd = TrainConfig.builder().setModel("gan").setDataset("random").optNoiseDim(8).optSizeG(32).optSizeD(24)
                .optOptimizerD("sgd").optOptimizerG("sgd").optMomentum(0.9f).optLr(0.01f)
                .optBatchSize(8).optSteps(20).optSeed(7).optLogEvery(1).optSampleEvery(1000).optCheckpointEvery(10)
                .build(randomImages(8, 16, 0));
        assertThat(sgd.optimizer().discriminator()).isEqualTo(new org.ebgan4j.optim.OptimizerSpec.Sgd(0.01f, 0.9f));
        resumesExactly(sgd, tmp.resolve("sgd"));
    }

    private static void resumesExactly(TrainConfig config, Path tmp) throws Exception {
        TensorDataset data = randomImages(40, 16, 5);
        List<float[]> straight;
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            t.fit(data, new RunFolder(tmp.resolve("a")), AdversarialTrainer.FitOptions.quiet());
            straight = allParameters(model);
        }
        TrainingListener crashAt15 = new TrainingListener() {
            @Override
            public void onStep(TrainingContext context, long step, StepMetrics m) {
                if (step == 15) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            assertThatThrownBy(() -> t.fit(data, new RunFolder(tmp.resolve("b")),
                    new AdversarialTrainer.FitOptions(false, false, List.of(crashAt15)))).hasMessage("simulated crash");
        }
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            AdversarialTrainer.Result r = t.fit(data, new RunFolder(tmp.resolve("b")), new AdversarialTrainer.FitOptions(true, false, List.of()));
            assertThat(r.steps()).isEqualTo(20);
            List<float[]> resumed = allParameters(model);
            assertThat(resumed).hasSameSizeAs(straight);
            for (int i = 0; i < straight.size(); i++) {
                assertThat(resumed.get(i)).as("parameter %d", i).containsExactly(straight.get(i));
            }
        }
        // The crashed attempt logged steps 11..15 twice; the resume dropped them before logging again.
        assertThat(metricsWithoutTime(tmp.resolve("b"))).isEqualTo(metricsWithoutTime(tmp.resolve("a"))).hasSize(20);
    }

    @Test
    void nanLossStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
        TrainConfig config = small("ebgan");
        RunFolder run = new RunFolder(tmp.resolve("run"));
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            t.fit(randomImages(40, 16, 5), run, AdversarialTrainer.FitOptions.quiet());
        }
        byte[] good = Files.readAllBytes(run.checkpoint());
        float[] nan = new float[40 * 16];
        java.util.Arrays.fill(nan, Float.NaN);
        TensorDataset poisoned = new TensorDataset("nan", nan, null, new long[] {16}, 0.5, 0.5);
        try (EnergyGan model = new EnergyGan(withSteps(config, 30)); AdversarialTrainer t = new AdversarialTrainer(model)) {
            assertThatThrownBy(() -> t.fit(poisoned, run, new AdversarialTrainer.FitOptions(true, false, List.of())))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("became NaN at step 21")
                    .hasMessageContaining("last good checkpoint (step 20)");
        }
        assertThat(Files.readAllBytes(run.checkpoint())).isEqualTo(good);
        try (EnergyGan model = new EnergyGan(config)) {
            assertThat(Checkpoint.load(run.checkpoint(), model, null, null).step()).isEqualTo(20);
        }
    }

    @Test
    void aFreshRunRefusesAFolderThatHoldsOne(@TempDir Path tmp) throws Exception {
        RunFolder run = new RunFolder(tmp.resolve("run"));
        TrainConfig config = withSteps(small("gan"), 2);
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            t.fit(randomImages(40, 16, 5), run, AdversarialTrainer.FitOptions.quiet());
        }
        byte[] before = Files.readAllBytes(run.checkpoint());
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model)) {
            assertThatThrownBy(() -> t.fit(randomImages(40, 16, 5), run, AdversarialTrainer.FitOptions.quiet()))
                    .hasMessageContaining("already holds a run").hasMessageContaining("`resume`");
        }
        assertThat(Files.readAllBytes(run.checkpoint())).isEqualTo(before);
    }

    /** Records the calls a listener gets. */
    private static final class Recorder implements TrainingListener {
        final List<String> calls = new ArrayList<>();
        boolean completed;

        @Override
        public void onTrainingBegin(TrainingContext c) {
            calls.add("begin@" + c.startStep() + "/" + c.totalSteps());
        }

        @Override
        public void onLoss(TrainingContext c, long step, String phase, StepMetrics m) {
            calls.add(phase + "@" + step);
        }

        @Override
        public void onStep(TrainingContext c, long step, StepMetrics m) {
            calls.add("step" + step);
        }

        @Override
        public void onEpoch(TrainingContext c, long epoch) {
            calls.add("epoch" + epoch);
        }

        @Override
        public void onTrainingEnd(TrainingContext c) {
            completed = c.completed();
            calls.add("end");
        }
    }

    @Test
    void listenersSeeTheWholeLifecycleInOrder() throws Exception {
        // 24 samples in batches of 8: 3 steps an epoch, 4 steps in all.
        TrainConfig config = withSteps(small("ebgan"), 4);
        Recorder r = new Recorder();
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model, List.of(r))) {
            AdversarialTrainer.Result result = t.fit(randomImages(24, 16, 5));
            assertThat(result.steps()).isEqualTo(4);
            assertThat(result.last().get(StepMetrics.LOSS_D)).isFinite();
            // A second fit has nothing left to do: the schedule is done.
            assertThat(t.fit(randomImages(24, 16, 5)).last()).isNull();
        }
        assertThat(r.calls.subList(0, 12)).containsExactly("begin@0/4", "loss_d@0", "loss_g@0", "step1", "loss_d@1", "loss_g@1",
                "step2", "loss_d@2", "loss_g@2", "step3", "epoch1", "loss_d@3");
        assertThat(r.calls.subList(12, 16)).containsExactly("loss_g@3", "step4", "end", "begin@4/4");
        assertThat(r.completed).isTrue();

        Recorder failing = new Recorder();
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onStep(TrainingContext c, long step, StepMetrics m) {
                throw new IllegalStateException("stop");
            }
        };
        try (EnergyGan model = new EnergyGan(config); AdversarialTrainer t = new AdversarialTrainer(model, List.of(failing, crash))) {
            assertThatThrownBy(() -> t.fit(randomImages(24, 16, 5))).hasMessage("stop");
        }
        assertThat(failing.calls).last().isEqualTo("end");
        assertThat(failing.completed).isFalse();

        try (EnergyGan model = new EnergyGan(config);
                AdversarialTrainer t = new AdversarialTrainer(model, List.of(new MetricsLogger()))) {
            assertThatThrownBy(() -> t.fit(randomImages(24, 16, 5))).hasMessageContaining("needs a run folder");
        }
    }

    @Test
    void aTrainerAlwaysGuardsAgainstNonFiniteLosses() {
        float[] nan = new float[24 * 16];
        java.util.Arrays.fill(nan, Float.NaN);
        try (EnergyGan model = new EnergyGan(small("gan")); AdversarialTrainer t = new AdversarialTrainer(model, List.of(new Recorder()))) {
            assertThatThrownBy(() -> t.fit(new TensorDataset("nan", nan, null, new long[] {16}, 0.5, 0.5)))
                    .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("at step 1");
        }
    }

    /** Mean distance from each point (mixture units) to the nearest of the mixture's means. */
    private static double meanDistanceToNearestMode(float[] xy, List<double[]> modes) {
        double sum = 0;
        for (int i = 0; i < xy.length; i += 2) {
            double best = Double.MAX_VALUE;
            for (double[] m : modes) {
                best = Math.min(best, Math.hypot(xy[i] - m[0], xy[i + 1] - m[1]));
            }
            sum += best;
        }
        return sum / (xy.length / 2);
    }

    @Test
    @Tag("slow")
    void shortTwoDimensionalRunMovesSamplesToTheModes(@TempDir Path tmp) throws Exception {
        var mixture = MixturePresets.gaussians4();
        List<double[]> modes = mixture.components().stream().map(c -> c.mean()).toList();
        TensorDataset data = mixture.toDataset(20_000, 1);
        TrainConfig config = TrainConfig.builder().setModel("ebgan").setDataset("gaussians4").optMaxSamples(20_000)
                .optBatchSize(128).optSteps(1500).optSeed(3).optLogEvery(100).optSampleEvery(100_000).optCheckpointEvery(100_000)
                .build(data);
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            double before = meanDistanceToNearestMode(gan.toRaw(gan.sample(2000, 9)), modes);
            trainer.fit(data, new RunFolder(tmp.resolve("run")), AdversarialTrainer.FitOptions.quiet());
            double after = meanDistanceToNearestMode(gan.toRaw(gan.sample(2000, 9)), modes);
            // Samples of the mixture itself sit about 2.5 from their mode on average.
            assertThat(after).as("mean distance to nearest mode, before %.2f", before).isLessThan(before / 2);
            // The learned energy is lower on held-out data than on uniform points over the same box.
            float[] held = mixture.toDataset(2000, 77).data();
            float[] uniform = new float[4000];
            Random r = new Random(5);
            for (int i = 0; i < uniform.length; i++) {
                uniform[i] = r.nextFloat() * 2 - 1;
            }
            assertThat(mean(gan.energies(held, 2000))).isLessThan(mean(gan.energies(uniform, 2000)));
        }
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }
}
