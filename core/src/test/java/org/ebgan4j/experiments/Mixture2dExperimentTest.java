package org.ebgan4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.eval.PublishedResults;
import org.ebgan4j.io.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
        assertThat(r.canvas()).isEqualTo("AUTHORS");
        // The same trained cell measured on the box instead: it resumes at its end (no more steps) and the divergences move.
        Mixture2dExperiment.CellResult box = Mixture2dExperiment.run(cell, root, new Mixture2dExperiment.Settings(5_000, 0.02, 1,
                org.ebgan4j.eval.MixtureDivergences.Canvas.BOX));
        assertThat(box.canvas()).isEqualTo("BOX");
        assertThat(box.kl().get("KL(p_disc||p_data)")).isNotEqualTo(r.kl().get("KL(p_disc||p_data)"));
        // A result written before the canvas was recorded was measured on the box.
        assertThat(Json.mapper().readValue("{\"dataset\":\"spirals\",\"model\":\"gan\",\"kl\":{},\"steps\":1,\"seconds\":1}",
                Mixture2dExperiment.CellResult.class).canvas()).isEqualTo("BOX");
        r = Mixture2dExperiment.run(cell, root, tiny);

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
        double ours = r.kl().get("KL(p_disc||p_data)");
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| KL(p_disc||p_data) | %.4f %s 0.2500 |", ours,
                ours < 0.25 ? "<" : ">")).contains("`<` where ours is lower");

        // The published Table 2 ships with the project: the paper's EGAN-Ent-NN on the four Gaussians.
        Map<String, Map<String, Double>> table2 = PublishedResults.calibratedTable2();
        assertThat(table2).hasSize(12);
        assertThat(table2.get("gaussians4/egan-ent-nn")).containsEntry("KL(p_disc||p_data)", 0.0901).hasSize(10);
        assertThat(table2.get("spirals/gan")).containsEntry("KL(p_gen||p_emp)", 0.5297);
        assertThat(table2.keySet()).allMatch(k -> Mixture2dExperiment.DATASETS.contains(k.split("/")[0])
                && Mixture2dExperiment.MODELS.contains(k.split("/")[1]));
    }
}
