package org.ebgan4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class Mixture2dExperimentTest {

    @Test
    @Tag("slow")
    void aCellWritesItsDivergencesFigureAndTableRow(@TempDir Path root) throws Exception {
        Mixture2dExperiment.Cell cell = new Mixture2dExperiment.Cell("biased2", "egan-ent-nn");
        Mixture2dExperiment.Settings tiny = new Mixture2dExperiment.Settings(5_000, 0.02, 1);
        Mixture2dExperiment.CellResult r = Mixture2dExperiment.run(cell, root, tiny);
        // 2 epochs of 10 batches of 500.
        assertThat(r.steps()).isEqualTo(20);
        assertThat(r.kl()).hasSize(10);
        assertThat(r.kl().values()).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(Mixture2dExperiment.resultFile(root, cell)).exists();
        assertThat(Mixture2dExperiment.cellDir(root, cell).resolve("figure.png")).exists();
        assertThat(Mixture2dExperiment.cellDir(root, cell).resolve("run/config.json")).exists();

        Mixture2dExperiment.Cell missing = new Mixture2dExperiment.Cell("biased2", "gan");
        List<Mixture2dExperiment.CellResult> results = Mixture2dExperiment.collect(root, List.of(cell, missing));
        assertThat(results).hasSize(1);
        Mixture2dExperiment.writeTables(root, results);
        assertThat(Files.readAllLines(root.resolve("table.csv")).get(1)).startsWith("biased2,egan-ent-nn,");
        assertThat(Files.readString(root.resolve("table.md"))).contains("| KL(p_disc||p_data) |");

        Path paper = root.resolve("paper.csv");
        Files.writeString(paper, "dataset,model,KL(p_disc||p_data)\nbiased2,egan-ent-nn,0.25\n");
        Mixture2dExperiment.writeTables(root, results, Mixture2dExperiment.readReference(paper));
        String md = Files.readString(root.resolve("table.md"));
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| KL(p_disc||p_data) | %.4f (0.25) |",
                r.kl().get("KL(p_disc||p_data)")));
    }
}
