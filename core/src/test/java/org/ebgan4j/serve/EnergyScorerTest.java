package org.ebgan4j.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class EnergyScorerTest {

    @TempDir
    Path dir;

    @Test
    void aTrainedRunScoresRowsInOrderTheSameFromEveryThread() throws Exception {
        Path runDir = TinyRuns.gaussians4(dir.resolve("run"));
        float[][] rows = {{7.66f, 7.66f}, {0f, 0f}, {-7.66f, -7.66f}};
        try (EnergyScorer scorer = EnergyScorer.load(runDir); EnergyGan same = EnergyGan.load(new RunFolder(runDir))) {
            assertThat(scorer.dimension()).isEqualTo(2);
            assertThat(scorer.images()).isFalse();
            float[] e = scorer.score(rows);
            // The same numbers as the model's own energies, in the rows' order (and the rows do differ).
            assertThat(e).containsExactly(same.energies(same.fromRaw(new float[] {7.66f, 7.66f, 0f, 0f, -7.66f, -7.66f}), 3));
            assertThat(e[0]).isNotEqualTo(e[1]);
            assertThat(scorer.score(new float[][] {rows[2], rows[0]})).containsExactly(e[2], e[0]);
            // Eight threads at once get exactly the one-thread answer.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<float[]>> answers = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                answers.add(pool.submit(() -> scorer.score(rows)));
            }
            for (Future<float[]> f : answers) {
                assertThat(f.get()).containsExactly(e);
            }
            pool.shutdown();
            assertThatThrownBy(() -> scorer.score(new float[][] {{1, 2}, {1, 2, 3}}))
                    .hasMessage("row 1 has 3 values; this model takes 2");
            assertThatThrownBy(() -> scorer.score(new float[][] {{1, Float.NaN}})).hasMessage("row 0, value 1 is NaN; every value must be finite");
            assertThatThrownBy(() -> scorer.score(new float[0][])).hasMessageContaining("no rows to score");
        }
    }

    @Test
    void imagesOutsideTheUnitRangeAreRefusedNotRescaled() throws Exception {
        Random r = new Random(1);
        float[] x = new float[32 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        TensorDataset data = new TensorDataset("random", x, null, new long[] {16}, 0.5, 0.5);
        TrainConfig config = TrainConfig.builder().setModel("ebgan").setDataset("random").optNoiseDim(4).optSizeG(16).optSizeD(8)
                .optBatchSize(8).optSteps(2).optSeed(1).build(data);
        Path runDir = dir.resolve("images");
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            trainer.fit(data, new RunFolder(runDir), new AdversarialTrainer.FitOptions(false, false, List.of()));
        }
        try (EnergyScorer scorer = EnergyScorer.load(runDir)) {
            assertThat(scorer.images()).isTrue();
            float[] ok = new float[16];
            java.util.Arrays.fill(ok, 0.5f);
            assertThat(scorer.score(new float[][] {ok})).hasSize(1);
            float[] pixels = ok.clone();
            pixels[3] = 200;
            assertThatThrownBy(() -> scorer.score(new float[][] {ok, pixels}))
                    .hasMessageStartingWith("row 1, value 3 is 200.0; images are pixels in [0, 1]");
        }
    }

    @Test
    void theThresholdIsAQuantileOfHeldOutEnergiesAndMarksWhatLiesAbove() {
        float[] heldOut = {5, 1, 4, 2, 3};
        assertThat(AnomalyThreshold.atQuantile(heldOut, 0.5).threshold()).isEqualTo(3.0);
        // 0.9 of the way through 1..5: position 3.6, between 4 and 5.
        AnomalyThreshold t = AnomalyThreshold.atQuantile(heldOut, 0.9);
        assertThat(t.threshold()).isCloseTo(4.6, within(1e-9));
        assertThat(t.classify(4.7).type()).isEqualTo(AnomalyThreshold.Type.ANOMALOUS);
        assertThat(t.classify(4.6).type()).as("at the threshold is expected").isEqualTo(AnomalyThreshold.Type.EXPECTED);
        assertThat(t.classify(new float[] {0, 9})).extracting(AnomalyThreshold.Event::type)
                .containsExactly(AnomalyThreshold.Type.EXPECTED, AnomalyThreshold.Type.ANOMALOUS);
        assertThat(AnomalyThreshold.atQuantile(heldOut, 1).threshold()).isEqualTo(5.0);
        assertThatThrownBy(() -> AnomalyThreshold.atQuantile(heldOut, 1.5)).hasMessageContaining("[0, 1]");
    }
}
