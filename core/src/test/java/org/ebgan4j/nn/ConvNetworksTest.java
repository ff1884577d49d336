package org.ebgan4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import org.ebgan4j.data.Batches;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.LiveArrays;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Every preset builds, maps shapes as its notation says, and one training step moves every weight. */
@Tag("slow")
class ConvNetworksTest {

    static TrainConfig config(String kind, ConvArchitecture a, int batch) {
        TrainConfigBuilder b = TrainConfig.builder().setModel(kind).setDataset("random").optNetworks(ConvolutionalSpec.of(a))
                .optBatchSize(batch).optSteps(1).optSeed(3).optLogEvery(1).optSampleEvery(1000).optCheckpointEvery(1000);
        if (kind.equals("egan-ent-nn")) {
            b.optKnnK(Math.min(20, batch - 1));
        }
        return b.build(images(a, 1));
    }

    static TensorDataset images(ConvArchitecture a, int n) {
        Random r = new Random(1);
        float[] x = new float[n * a.dataSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        return new TensorDataset("random", x, null, new long[] {a.channels(), a.side(), a.side()}, 0.5, 0.5);
    }

    private static List<float[]> snapshot(List<Parameter> ps) {
        List<float[]> out = new ArrayList<>();
        for (Parameter p : ps) {
            out.add(p.getArray().toFloatArray());
        }
        return out;
    }

    private static void stepMovesEveryWeight(String kind, ConvArchitecture a, int batch) {
        try (EnergyGan model = new EnergyGan(config(kind, a, batch)); AdversarialTrainer trainer = new AdversarialTrainer(model);
                NDManager m = model.manager().newSubManager()) {
            float[] samples = model.sample(batch, 0);
            assertThat(samples).as(a.name()).hasSize(batch * a.dataSize());
            assertThat(model.energies(samples, batch)).hasSize(batch);
            List<Parameter> g = trainer.generatorOptimizer().parameters();
            List<Parameter> d = trainer.discriminatorOptimizer().parameters();
            List<float[]> g0 = snapshot(g);
            List<float[]> d0 = snapshot(d);
            NDArray real = new Batches(images(a, batch), batch, 0).batch(m, 0, 0);
            trainer.step(real, 0);
            List<float[]> g1 = snapshot(g);
            List<float[]> d1 = snapshot(d);
            // Memory stays flat: a further step, its arrays in a manager of its own as in training, leaves
            // no array behind in the model's manager.
            long arrays = LiveArrays.count(model.manager());
            try (NDManager stepManager = model.manager().newSubManager()) {
                trainer.step(stepManager.create(real.toFloatArray(), real.getShape()), 1);
            }
            assertThat(LiveArrays.count(model.manager())).as(a.name() + " " + kind + " arrays left after a step").isEqualTo(arrays);
            for (int i = 0; i < g.size(); i++) {
                assertThat(Arrays.equals(g0.get(i), g1.get(i))).as(a.name() + " " + kind + " G " + g.get(i).getName() + " #" + i).isFalse();
            }
            for (int i = 0; i < d.size(); i++) {
                // The cost gap E_gen c - E_data c does not depend on the scalar cost's output bias: its gradient is exactly 0.
                if (model.config().game() instanceof CalibratedGame.Spec && d.get(i).getName().equals("bias") && d.get(i).getArray().getShape().size() == 1) {
                    continue;
                }
                assertThat(Arrays.equals(d0.get(i), d1.get(i))).as(a.name() + " " + kind + " D " + d.get(i).getName() + " #" + i).isFalse();
            }
        }
    }

    @Test
    void summaryCountsMatchTheBuiltNetworks() {
        for (String name : ConvArchitecture.presetNames()) {
            ConvArchitecture a = ConvArchitecture.preset(name);
            ArchitectureSummary summary = ArchitectureSummary.of(a, true);
            try (NDManager m = NDManager.newBaseManager()) {
                ai.djl.nn.SequentialBlock g = ConvNetworks.generator(a, true);
                g.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, a.noiseSize()));
                ai.djl.nn.SequentialBlock e = ConvNetworks.encoder(a, true);
                e.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, a.dataSize()));
                ai.djl.ndarray.types.Shape code = e.getOutputShapes(new ai.djl.ndarray.types.Shape[] {
                        new ai.djl.ndarray.types.Shape(1, a.dataSize())})[0];
                ai.djl.nn.SequentialBlock d = ConvNetworks.decoder(a, true);
                d.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, code);
                assertThat(d.getOutputShapes(new ai.djl.ndarray.types.Shape[] {code})[0])
                        .isEqualTo(new ai.djl.ndarray.types.Shape(1, a.dataSize()));
                ai.djl.nn.SequentialBlock c = ConvNetworks.critic(a, true);
                c.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, a.dataSize()));
                assertThat(FullyConnectedNetworks.parameterCount(g)).as(name + " G").isEqualTo(summary.parameters("generator"));
                assertThat(FullyConnectedNetworks.parameterCount(e)).as(name + " encoder").isEqualTo(summary.parameters("encoder"));
                assertThat(FullyConnectedNetworks.parameterCount(d)).as(name + " decoder").isEqualTo(summary.parameters("decoder"));
                assertThat(FullyConnectedNetworks.parameterCount(c)).as(name + " critic").isEqualTo(summary.parameters("critic"));
            }
        }
    }

    @Test
    void everyPresetTrainsOneEbganPtStep() {
        for (String name : ConvArchitecture.presetNames()) {
            ConvArchitecture a = ConvArchitecture.preset(name);
            stepMovesEveryWeight("ebgan-pt", a, a.side() >= 128 ? 2 : 4);
        }
    }

    @Test
    void everyObjectiveRunsOnTheDigitNetwork() {
        ConvArchitecture a = ConvArchitecture.preset("digits28");
        for (String kind : GameSpec.models()) {
            stepMovesEveryWeight(kind, a, 6);
        }
    }
}
