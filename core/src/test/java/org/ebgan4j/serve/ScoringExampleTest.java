package org.ebgan4j.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.MixturePresets;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
        PreparedRun prepared = TrainConfig.builder().setModel("ebgan-pt").setDataset("gaussians4").optMaxSamples(4000)
                .optBatchSize(128).optSteps(50).optSeed(3).prepare();
        Path runDir = dir.resolve("run");
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            trainer.fit(prepared.data(), new RunFolder(runDir), new AdversarialTrainer.FitOptions(false, false, List.of()));
        }
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
        List<String> test = region(Files.readAllLines(Path.of("src/test/java/org/ebgan4j/serve/ScoringExampleTest.java")));
        Path readmeFile = Files.isRegularFile(Path.of("README.md")) ? Path.of("README.md") : Path.of("..", "README.md");
        List<String> readme = Files.readAllLines(readmeFile);
        int section = readme.indexOf("### Scoring from an application");
        assertThat(section).as("README section 'Scoring from an application'").isNotNegative();
        int open = readme.subList(section, readme.size()).indexOf("```java") + section;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        assertThat(readme.subList(open + 1, close)).isEqualTo(test);
    }

    private static List<String> region(List<String> source) {
        int begin = -1;
        int end = -1;
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(BEGIN) && begin < 0) {
                begin = i;
            } else if (source.get(i).strip().equals(END)) {
                end = i;
            }
        }
        List<String> lines = new ArrayList<>(source.subList(begin + 1, end));
        int indent = lines.get(0).length() - lines.get(0).stripLeading().length();
        List<String> out = new ArrayList<>(lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList());
        out.add("}");
        return out;
    }
}
