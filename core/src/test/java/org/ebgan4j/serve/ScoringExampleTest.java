package org.ebgan4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.ReadmeExamples;
import org.ebgan4j.data.MixturePresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's example of scoring from an application, run as written; the README's copy must be this code. */
class ScoringExampleTest {

    private static final String BEGIN = "// README:scoring-begin";
    private static final String END = "// README:scoring-end";

    @TempDir
    Path dir;

    @Test
    void theReadmeScoringExampleFlagsAboutOnePercentOfNormalRows() throws Exception {
        Path runDir = TinyRuns.gaussians4(dir.resolve("run"));
        float[] normal = MixturePresets.gaussians4().sample(1000, 11);
        float[][] normalRows = new float[1000][];
        for (int i = 0; i < normalRows.length; i++) {
            normalRows[i] = new float[] {normal[2 * i], normal[2 * i + 1]};
        }
        float[][] incoming = {{7.5f, 7.9f}, {40f, -40f}};
        List<String> printed = new ArrayList<>();
        int flaggedNormal;

        // README:scoring-begin
        try (EnergyScorer scorer = EnergyScorer.load(runDir)) {          // a run folder written by 'ebgan train'
            float[] heldOut = scorer.score(normalRows);                     // rows known to be normal, in the data's units
            AnomalyThreshold threshold = AnomalyThreshold.atQuantile(heldOut, 0.99);
            for (AnomalyThreshold.Event e : threshold.classify(scorer.score(incoming))) {
                printed.add(String.format("energy %.3f: %s", e.score(), e.type()));
            }
            // README:scoring-end
            flaggedNormal = (int) java.util.Arrays.stream(threshold.classify(heldOut))
                    .filter(e -> e.type() == AnomalyThreshold.Type.ANOMALOUS).count();
        }
        assertThat(printed).hasSize(2).allMatch(l -> l.startsWith("energy "));
        // The 0.99 quantile of the held-out energies leaves at most 1% of them above it.
        assertThat(flaggedNormal).isBetween(1, 10);
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws Exception {
        // The region stops inside the try block, before the test's own checks: the README closes it.
        List<String> test = new ArrayList<>(ReadmeExamples.region(Path.of("src/test/java/org/ebgan4j/serve/ScoringExampleTest.java"),
                BEGIN, END));
        test.add("}");
        assertThat(ReadmeExamples.javaBlockAfter("### Scoring from an application")).as("README section 'Scoring from an application'")
                .isEqualTo(test);
    }
}
