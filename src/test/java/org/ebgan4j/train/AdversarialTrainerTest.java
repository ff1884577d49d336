package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.junit.jupiter.api.Test;

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

    static TrainConfig small(ModelKind kind) {
        TrainConfig base = TrainConfigs.defaults(kind, "random", 16);
        return new TrainConfig(base.data(),
                new org.ebgan4j.nn.FullyConnectedSpec(8, 16, 3, 32, 3, 24, 0.2f, true, org.ebgan4j.nn.OutputActivation.TANH),
                base.objective(), base.optimizer(), new TrainConfig.RunSchedule(8, 0, 20, 7, 1, 1000, 10));
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
        for (ModelKind kind : ModelKind.values()) {
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

    private static boolean changed(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return true;
            }
        }
        return false;
    }
}
