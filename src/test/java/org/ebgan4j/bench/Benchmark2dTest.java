package org.ebgan4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.train.ModelKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class Benchmark2dTest {

    @Test
    @Tag("slow")
    void aCellWritesItsDivergencesFigureAndTableRow(@TempDir Path root) throws Exception {
        Benchmark2d.Cell cell = new Benchmark2d.Cell("biased2", ModelKind.EGAN_ENT_NN);
        Benchmark2d.Settings tiny = new Benchmark2d.Settings(5_000, 0.02, 1);
        Benchmark2d.CellResult r = Benchmark2d.run(cell, root, tiny);
        // 2 epochs of 10 batches of 500.
        assertThat(r.steps()).isEqualTo(20);
        assertThat(r.kl()).hasSize(10);
        assertThat(r.kl().values()).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(Benchmark2d.resultFile(root, cell)).exists();
        assertThat(Benchmark2d.cellDir(root, cell).resolve("figure.png")).exists();
        assertThat(Benchmark2d.cellDir(root, cell).resolve("run/config.json")).exists();

        Benchmark2d.Cell missing = new Benchmark2d.Cell("biased2", ModelKind.GAN);
        List<Benchmark2d.CellResult> results = Benchmark2d.collect(root, List.of(cell, missing));
        assertThat(results).hasSize(1);
        Benchmark2d.writeTables(root, results);
        assertThat(Files.readAllLines(root.resolve("table.csv")).get(1)).startsWith("biased2,egan-ent-nn,");
        assertThat(Files.readString(root.resolve("table.md"))).contains("| KL(p_disc||p_data) |");

        Path paper = root.resolve("paper.csv");
        Files.writeString(paper, "dataset,model,KL(p_disc||p_data)\nbiased2,egan-ent-nn,0.25\n");
        Benchmark2d.writeTables(root, results, Benchmark2d.readReference(paper));
        String md = Files.readString(root.resolve("table.md"));
        assertThat(md).contains(String.format(java.util.Locale.ROOT, "| KL(p_disc||p_data) | %.4f (0.25) |",
                r.kl().get("KL(p_disc||p_data)")));
    }
}
