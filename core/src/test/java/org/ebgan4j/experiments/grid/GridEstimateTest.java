package org.ebgan4j.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.SyntheticDigits;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.OutputActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class GridEstimateTest {

    @TempDir
    Path dir;

    @Test
    void multiplyAddsOfAStepCountForwardAndBothBackwardProductsOfEveryLayer() {
        // G 100-48-784: 100*48 + 48*784 = 42,432 per sample; the auto-encoder D 784-32-784: 2*784*32 = 50,176.
        // Forward, input gradient and weight gradient: 3 products; D runs on real and fake batches: 6.
        FullyConnectedSpec n = FullyConnectedSpec.ebgan(100, 784, 2, 48, 2, 32, 0f, true, OutputActivation.TANH);
        assertThat(n.multiplyAddsPerStep(16, true)).isEqualTo(16.0 * (3 * 42_432 + 6 * 50_176));
        // A one-output critic: 784*32 + 32.
        assertThat(n.multiplyAddsPerStep(16, false)).isEqualTo(16.0 * (3 * 42_432 + 6 * (784 * 32 + 32)));
    }

    @Test
    void trialsAreOrderedLongestFirstByStepsTimesMultiplyAdds() throws Exception {
        Path digits = SyntheticDigits.writeIdx(dir.resolve("idx"), 20, 5, 1).toAbsolutePath();
        GridSpec spec = new GridSpec("order", 1, Map.<String, Object>of("model", "ebgan", "dataset", "mnist", "dataDir",
                digits.toString(), "batch", 16, "sizeD", 32),
                List.of(new GridSpec.Axis("steps", List.of(10, 1000)), new GridSpec.Axis("sizeG", List.of(48, 400)),
                        new GridSpec.Axis("layersG", List.of(2, 3))),
                List.of(), null, new GridSpec.Scoring(100, false), 0);
        List<Trial> trials = spec.expand();
        List<Trial> ordered = GridEstimate.longestFirst(trials);

        assertThat(ordered).containsExactlyInAnyOrderElementsOf(trials);
        assertThat(ordered.get(0).options()).containsEntry("steps", 1000).containsEntry("sizeG", 400).containsEntry("layersG", 3);
        assertThat(ordered.get(ordered.size() - 1).options()).containsEntry("steps", 10).containsEntry("sizeG", 48)
                .containsEntry("layersG", 2);
        // Every trial of 1,000 steps comes before every trial of 10 (a factor of 100 in steps outweighs the networks').
        assertThat(ordered.subList(0, 4)).allMatch(t -> t.options().get("steps").equals(1000));
    }

    @Test
    void trialsWhoseDataCannotBeLoadedKeepTheirOrder() {
        GridSpec spec = new GridSpec("missing", 1, Map.<String, Object>of("model", "ebgan", "dataset", "mnist", "dataDir",
                dir.resolve("absent").toString(), "steps", 10),
                List.of(new GridSpec.Axis("sizeG", List.of(400, 48, 800))), List.of(), null, new GridSpec.Scoring(100, false), 0);
        List<Trial> trials = spec.expand();
        assertThat(GridEstimate.longestFirst(trials)).containsExactlyElementsOf(trials);
    }

    @Test
    void wallTimeSharesTheTrialsOutPaysForSharedMachinesAndNeverBeatsTheLongestTrial() {
        // 10 trials, 100 s of trial time in all, the longest 20 s; machines of 2 cores.
        GridEstimate e = new GridEstimate(10, 100, 20, 500, 1e10);
        assertThat(e.wallSeconds(1, 1, 2, 1)).isEqualTo(100.0);
        // Two workers on one machine: half each, times the measured slowdown of sharing it.
        assertThat(e.wallSeconds(2, 1, 2, 2)).isEqualTo(50 * GridEstimate.SHARED_MACHINE_SLOWDOWN);
        // Two workers of 2 threads on 2 cores: also twice as slow for oversubscription.
        assertThat(e.wallSeconds(2, 2, 2, 2)).isEqualTo(50 * 2 * GridEstimate.SHARED_MACHINE_SLOWDOWN);
        // 100 workers, two a machine: the longest trial decides.
        assertThat(e.wallSeconds(100, 1, 2, 2)).isEqualTo(20 * GridEstimate.SHARED_MACHINE_SLOWDOWN);
    }
}
