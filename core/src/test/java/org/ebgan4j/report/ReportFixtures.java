package org.ebgan4j.report;

import org.ebgan4j.experiments.grid.GridReport;
import org.ebgan4j.experiments.grid.TrialResult;
import org.ebgan4j.plot.ImageGrid;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.PreparedRun;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.RunPictures;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report tests draw: a trained run, a hand-made grid and a hand-made bench2d folder. */
final class ReportFixtures {

    private ReportFixtures() {}

    /** BEGAN on the four Gaussians, 60 steps, pictures every 20: three snapshots, then the final ones. */
    static Path run(Path dir) throws IOException {
        PreparedRun prepared = TrainConfig.builder().setModel("began").setDataset("gaussians4").optMaxSamples(2000)
                .optBatchSize(100).optSteps(60).optSampleEvery(20).optSeed(5).prepare();
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            trainer.fit(prepared.data(), new RunFolder(dir), new AdversarialTrainer.FitOptions(false, false,
                    List.of(new RunPictures(prepared.data()))));
        }
        return dir;
    }

    /** Six results with known scores: EBGAN 1.5 and 0.9, EBGAN-PT 1.7, GAN 0.2, 0.1 and one failure. */
    static GridReport grid() {
        List<TrialResult> rs = new ArrayList<>();
        rs.add(result("ebgan-a", "ebgan", null, 2, 3, TrialResult.Status.DONE, 1.5));
        rs.add(result("ebgan-b", "ebgan", null, 3, 2, TrialResult.Status.DONE, 0.9));
        rs.add(result("ebgan-pt-a", "ebgan-pt", null, 2, 2, TrialResult.Status.DONE, 1.7));
        rs.add(result("gan-a", "gan", "adam-adam-0.001", 2, 3, TrialResult.Status.DONE, 0.2));
        rs.add(result("gan-b", "gan", "adam-adam-0.001", 3, 2, TrialResult.Status.DIVERGED, 0.1));
        rs.add(result("gan-c", "gan", "sgd-sgd-0.01", 2, 2, TrialResult.Status.FAILED, null));
        return GridReport.of(rs, Map.of());
    }

    private static TrialResult result(String id, String model, String subGrid, int layersG, int layersD, TrialResult.Status status,
            Double score) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("model", model);
        options.put("layersG", layersG);
        options.put("layersD", layersD);
        if (subGrid != null) {
            String[] p = subGrid.split("-");
            options.put("optimD", p[0]);
            options.put("optimG", p[1]);
            options.put("lr", Double.parseDouble(p[2]));
        }
        Map<String, String> labels = Map.of("layersG", Integer.toString(layersG), "layersD", Integer.toString(layersD),
                "variant", model);
        return new TrialResult(id, status, 1, status == TrialResult.Status.FAILED ? "why" : null, labels, options, score,
                score == null ? null : Math.exp(score), null, 100L, null, null, null, null, 1.0, 1.0, "t", "now", null);
    }

    /** A bench2d folder of two cells with a two-row table. */
    static Path bench2d(Path dir) throws IOException {
        for (String cell : List.of("gaussians4-gan", "gaussians4-egan-ent-nn")) {
            Path c = Files.createDirectories(dir.resolve("cells").resolve(cell));
            ImageGrid.write(c.resolve("figure.png"), new float[] {0f, 0.5f, 1f, 0.25f}, 1, 1, 2, 2, 1);
        }
        Files.writeString(dir.resolve("table.csv"), "divergence,gaussians4/gan,gaussians4/egan-ent-nn\n"
                + "KL(p_gen||p_emp),0.80,0.16\nKL(p_emp||p_gen),1.29,0.17\n");
        Files.writeString(dir.resolve("table.md"), "| divergence | gaussians4 / gan |\n|---|---:|\n");
        return dir;
    }
}
