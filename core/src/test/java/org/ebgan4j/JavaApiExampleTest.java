package org.ebgan4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.eval.EnergyContrast;
import org.ebgan4j.eval.MixtureDivergences;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/** The README's "From Java" example, run as written; the README's copy must be this code, so that it cannot rot. */
@Tag("slow")
class JavaApiExampleTest {

    private static final String BEGIN = "// README:begin";
    private static final String END = "// README:end";

    @Test
    void theReadmeExampleTrainsSamplesScoresAndEvaluates() throws Exception {
        // README:begin
        PreparedRun run = TrainConfig.builder()
                .setModel("ebgan-pt")
                .setDataset("gaussians4")          // four Gaussians of the calibrated-EBGAN paper, generated in code
                .optMaxSamples(20_000)
                .optBatchSize(128)
                .optSteps(1500)
                .optSeed(3)
                .prepare();                        // loads the data, applies the paper's defaults, checks every option
        EnergyGan gan = new EnergyGan(run.config());
        AdversarialTrainer trainer = new AdversarialTrainer(gan);
        AdversarialTrainer.Result result = trainer.fit(run.data());   // in memory; fit(data, RunFolder, options) writes a run folder

        float[] samples = gan.toRaw(gan.sample(20_000, 7));          // 20,000 points in the data's units
        float[] energies = gan.energies(gan.fromRaw(new float[] {7.66f, 7.66f, 0f, 0f}), 2);  // a mode, and the empty centre
        GaussianMixture2D mixture = Datasets.mixture("gaussians4");
        EnergyContrast contrast = EnergyContrast.of(gan, mixture, 2000, 7);
        MixtureDivergences kl = MixtureDivergences.measure(gan, mixture, run.data().toRaw(run.data().data()), samples);
        System.out.printf("%d steps: mean energy of data %.3f, of uniform points %.3f; KL(p_gen || p_data) = %.3f%n",
                result.steps(), contrast.heldOut(), contrast.uniform(), kl.of("gen", "data"));
        trainer.close();
        gan.close();
        // README:end

        assertThat(result.steps()).isEqualTo(1500);
        assertThat(samples).hasSize(40_000);
        assertThat(energies).hasSize(2);
        assertThat(energies[0]).as("energy at a mode").isFinite().isLessThan(energies[1]);
        assertThat(contrast.heldOut()).isLessThan(contrast.uniform());
        try (EnergyGan untrained = new EnergyGan(run.config())) {
            float[] before = untrained.toRaw(untrained.sample(20_000, 7));
            double klBefore = MixtureDivergences.measure(untrained, mixture, run.data().toRaw(run.data().data()), before)
                    .of("gen", "data");
            assertThat(kl.of("gen", "data")).as("KL before training %.3f", klBefore).isLessThan(klBefore / 2);
        }
    }

    @Test
    void theReadmeShowsExactlyThisExample() throws Exception {
        List<String> test = ReadmeExamples.region(Path.of("src/test/java/org/ebgan4j/JavaApiExampleTest.java"), BEGIN, END);
        assertThat(ReadmeExamples.javaBlockAfter("## From Java")).as("README section 'From Java'").isEqualTo(test);
    }
}
