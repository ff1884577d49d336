package org.ebgan4j.semi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.Json;
import org.ebgan4j.objective.MarginSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Training on ten noisy prototypes of 784 pixels: the classifier learns them from 20 labels, the costs fall. */
class SemiSupervisedTrainingTest {

    @TempDir
    Path dir;

    /** {@code n} images near one of ten random prototypes, labelled by it. */
    static TensorDataset prototypes(int n, long seed) {
        Random prototypes = new Random(99);
        float[][] proto = new float[10][784];
        for (float[] p : proto) {
            for (int j = 0; j < 784; j++) {
                p[j] = prototypes.nextFloat();
            }
        }
        Random random = new Random(seed);
        float[] x = new float[n * 784];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < 784; j++) {
                x[i * 784 + j] = Math.min(1f, Math.max(0f, proto[labels[i]][j] + 0.6f * (float) random.nextGaussian()));
            }
        }
        return TensorDataset.ofUnitImages("prototypes", x, labels, new long[] {784});
    }

    private static SemiSupervisedTraining.Settings settings(SemiSupervisedTraining.Model model, int epochs) {
        SemiSupervisedTraining.Settings d = SemiSupervisedTraining.Settings.defaults(model, 20, 4);
        return new SemiSupervisedTraining.Settings(model, 20, 4, epochs, 50, d.lr(), d.noiseStd(), d.lambda0(),
                new MarginSchedule(MarginSchedule.Kind.LINEAR, 20, 0, 40), d.lrG(), d.noiseDim(), d.decayFrom());
    }

    @Test
    void theLadderLearnsTheClassesFromTwentyLabelsAndItsReconstructionCostFalls() throws Exception {
        SemiSupervisedTraining.Result r = SemiSupervisedTraining.run(prototypes(600, 1), prototypes(200, 2),
                settings(SemiSupervisedTraining.Model.LADDER, 3), dir.resolve("ladder"), null);
        // Chance is 90% error.
        assertThat(r.last()).isLessThan(0.2);
        List<JsonNode> lines = Files.readAllLines(dir.resolve("ladder/metrics.jsonl")).stream().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).get("energy_real").asDouble()).isLessThan(lines.get(0).get("energy_real").asDouble());
        assertThat(lines.get(2).get("test_error").asDouble()).isEqualTo(r.last());
        assertThat(dir.resolve("ladder/test-error.png")).isRegularFile();
        assertThat(dir.resolve("ladder/config.json")).isRegularFile();
    }

    @Test
    void ebganLnTrainsItsGeneratorAgainstTheLadderAndRepeatsForASeed() throws Exception {
        TensorDataset train = prototypes(300, 1);
        TensorDataset test = prototypes(100, 2);
        SemiSupervisedTraining.Result a = SemiSupervisedTraining.run(train, test, settings(SemiSupervisedTraining.Model.EBGAN_LADDER, 2),
                dir.resolve("a"), null);
        SemiSupervisedTraining.Result b = SemiSupervisedTraining.run(train, test, settings(SemiSupervisedTraining.Model.EBGAN_LADDER, 2),
                dir.resolve("b"), null);
        // The same seed, the same run: up to a rounding that can move one test image (seen once in a JVM
        // that had run other trainings first).
        assertThat(a.testError()).hasSize(2);
        for (int e = 0; e < 2; e++) {
            assertThat(b.testError()[e]).isCloseTo(a.testError()[e], org.assertj.core.api.Assertions.within(0.0101));
        }
        JsonNode last = Json.mapper().readTree(Files.readAllLines(dir.resolve("a/metrics.jsonl")).get(1));
        assertThat(last.get("energy_fake").isNumber()).isTrue();
        // The margin decays linearly from 20 to 0 over 40 steps: at step 12 (two epochs of 6) it is 14.
        assertThat(last.get("margin").asDouble()).isEqualTo(14.0);
    }
}
