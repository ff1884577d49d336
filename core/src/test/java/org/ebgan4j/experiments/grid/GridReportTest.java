package org.ebgan4j.experiments.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures' numbers on a hand-made results file. */
class GridReportTest {

    private static int count;

    static TrialResult r(String model, String subGrid, int layersG, int layersD, int sizeG, TrialResult.Status status, Double score) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("model", model);
        options.put("layersG", layersG);
        options.put("layersD", layersD);
        options.put("sizeG", sizeG);
        options.put("sizeD", 256);
        if (subGrid != null) {
            String[] p = subGrid.split("-");
            options.put("optimD", p[0]);
            options.put("optimG", p[1]);
            options.put("lr", Double.parseDouble(p[2]));
        }
        return new TrialResult(model + "-" + (count++), status, 1, null, Map.of(), options, score, score == null ? null : Math.exp(score),
                null, 100L, null, null, null, null, 1.0, 1.0, "t", "now", null);
    }

    private static List<TrialResult> results() {
        List<TrialResult> rs = new ArrayList<>();
        // EBGAN: four scores; GAN adam-adam-0.001: three scores and a failure; GAN sgd-sgd-0.01: one diverged, scored.
        rs.add(r("ebgan", null, 2, 2, 400, TrialResult.Status.DONE, 0.05));
        rs.add(r("ebgan", null, 2, 2, 800, TrialResult.Status.DONE, 1.20));
        rs.add(r("ebgan", null, 3, 2, 400, TrialResult.Status.DONE, 1.30));
        rs.add(r("ebgan", null, 5, 5, 400, TrialResult.Status.DONE, 2.29));
        rs.add(r("gan", "adam-adam-0.001", 2, 2, 400, TrialResult.Status.DONE, 0.10));
        rs.add(r("gan", "adam-adam-0.001", 2, 2, 800, TrialResult.Status.DONE, 1.50));
        rs.add(r("gan", "adam-adam-0.001", 3, 2, 400, TrialResult.Status.DONE, 0.01));
        rs.add(r("gan", "adam-adam-0.001", 5, 5, 400, TrialResult.Status.FAILED, null));
        rs.add(r("gan", "sgd-sgd-0.01", 2, 2, 400, TrialResult.Status.DIVERGED, 0.0));
        return rs;
    }

    @Test
    void histogramsArePercentsOfModelsPerBinOverZeroToLnTen() {
        double w = Math.log(10) / GridReport.BINS;
        double[] h = GridReport.histogram(List.of(0.05, 1.20, 1.30, 2.29, Math.log(10)));
        assertThat(h).hasSize(GridReport.BINS);
        assertThat(h[0]).isCloseTo(20, within(1e-9));
        assertThat(h[(int) (1.20 / w)]).isCloseTo(20, within(1e-9));
        assertThat(h[(int) (1.30 / w)]).isCloseTo(20, within(1e-9));
        // 2.29 and ln 10 both fall in the last bin, which is closed.
        assertThat(h[GridReport.BINS - 1]).isCloseTo(40, within(1e-9));
        assertThat(java.util.Arrays.stream(h).sum()).isCloseTo(100, within(1e-9));
        GridReport report = GridReport.of(results(), Map.of());
        assertThat(report.scores(GridReport.model("gan"))).as("failed trials are left out").hasSize(4);
        assertThat(report.scores(GridReport.model("ebgan").and(GridReport.depthAtMost(4)))).containsExactly(0.05, 1.20, 1.30);
        assertThat(report.scores(GridReport.model("ebgan").and(GridReport.depthAtMost(2)))).containsExactly(0.05, 1.20);
    }

    @Test
    void heatmapsHoldTheMaximumAndMedianPerDepthPair() {
        GridReport report = GridReport.of(results(), Map.of());
        List<Integer> layers = List.of(2, 3, 5);
        double[] max = report.heat(GridReport.model("ebgan"), layers, layers, true);
        double[] median = report.heat(GridReport.model("ebgan"), layers, layers, false);
        // Row layersG = 2, column layersD = 2: the scores 0.05 and 1.20.
        assertThat(max[0]).isEqualTo(1.20);
        assertThat(median[0]).isCloseTo(0.625, within(1e-12));
        assertThat(max[3]).as("layersG 3, layersD 2").isEqualTo(1.30);
        assertThat(max[8]).as("layersG 5, layersD 5").isEqualTo(2.29);
        assertThat(max[1]).as("no EBGAN at layersG 2, layersD 3").isNaN();
        double[] gan = report.heat(GridReport.model("gan"), layers, layers, true);
        assertThat(gan[0]).isEqualTo(1.50);
        assertThat(gan[8]).as("only a failure there").isNaN();
    }

    @Test
    void summaryRowsAndPairsByArchitecture(@TempDir Path tmp) throws Exception {
        GridReport report = GridReport.of(results(), Map.of());
        GridReport.Row ebgan = report.rows().get(0);
        assertThat(ebgan.family()).isEqualTo("ebgan");
        assertThat(ebgan.trials()).isEqualTo(4);
        assertThat(ebgan.median()).isCloseTo(1.25, within(1e-12));
        assertThat(ebgan.max()).isEqualTo(2.29);
        GridReport.Row adam = report.rows().stream().filter(r -> r.family().equals("gan adam-adam-0.001")).findFirst().orElseThrow();
        assertThat(adam.trials()).isEqualTo(4);
        assertThat(adam.failed()).isEqualTo(1);
        assertThat(adam.mean()).isCloseTo((0.10 + 1.50 + 0.01) / 3, within(1e-12));
        GridReport.Row all = report.rows().stream().filter(r -> r.family().equals("gan (all)")).findFirst().orElseThrow();
        assertThat(all.trials()).isEqualTo(5);
        assertThat(all.diverged()).isEqualTo(1);
        // Paired by architecture, against adam-adam-0.001: G2x400 0.05 < 0.10, G2x800 1.20 < 1.50, G3x400 1.30 > 0.01.
        List<GridReport.Paired> pairs = report.paired("ebgan");
        assertThat(pairs).containsExactly(new GridReport.Paired("ebgan", "adam-adam-0.001", 3, 1, 0),
                new GridReport.Paired("ebgan", "sgd-sgd-0.01", 1, 1, 0));
        assertThat(report.summaryMarkdown()).contains("| ebgan | adam-adam-0.001 | 3 | 1 (33%) | 0 |");
        List<Path> files = report.write(tmp);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("fig2-histograms.png", "fig3-gan-subgrids.png",
                "fig4-heatmaps.png", "summary.md", "summary.csv", "results.csv");
        assertThat(Files.readAllLines(tmp.resolve("results.csv"))).hasSize(1 + 9);
    }
}
