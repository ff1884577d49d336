package org.ebgan4j.report;

import org.ebgan4j.experiments.grid.GridReport;
import org.ebgan4j.experiments.grid.TrialResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a grid ({@code report.html} in its store): the summary by family, the paper's
 * figures (histograms of the inception score, the GAN sub-grids, the heatmaps, the best samples), the
 * ten best trials and the sortable table of every trial.
 */
public final class GridHtmlReport {

    static final int BEST = 10;

    private GridHtmlReport() {}

    /** Writes the figures into {@code store/report/} and the page to {@code store/report.html}. */
    public static Path write(Path store) throws IOException {
        GridReport report = GridReport.of(List.of(store));
        report.write(store.resolve("report"));
        return write(report, store.resolve("report"), store.resolve(RunReport.FILE), store.toAbsolutePath().normalize().toString());
    }

    /** The page of {@code report}, its figures read from {@code figures}. */
    public static Path write(GridReport report, Path figures, Path file, String name) throws IOException {
        HtmlReport page = new HtmlReport("Grid " + Path.of(name).getFileName());
        page.muted("Results store " + name + "; " + report.results().size() + " trials recorded.");
        page.heading("Summary");
        List<List<String>> summary = new ArrayList<>();
        for (GridReport.Row r : report.rows()) {
            summary.add(List.of(r.family(), str(r.trials()), str(r.done()), str(r.diverged()), str(r.failed()), fmt(r.mean()),
                    fmt(r.median()), fmt(r.max()), r.best() == null ? "" : r.best()));
        }
        page.table("summary", List.of("family", "trials", "done", "diverged", "failed", "mean IS", "median IS", "max IS", "best"),
                summary, false);
        page.heading("Figures");
        page.image(figures.resolve("fig2-histograms.png"), "Figure 2: inception scores, percent of models per bin, EBGAN against GAN");
        page.image(figures.resolve("fig3-gan-subgrids.png"), "Figure 3: each GAN optimiser sub-grid against the EBGANs");
        page.image(figures.resolve("fig4-heatmaps.png"), "Figure 4: maximum and median inception score over nLayerG x nLayerD");
        page.image(figures.resolve("fig5-best-samples.png"), "Figure 5: samples of the best GAN, EBGAN and EBGAN-PT");

        List<TrialResult> scored = new ArrayList<>(report.results().stream().filter(r -> r.inceptionScore() != null).toList());
        scored.sort(Comparator.comparingDouble((TrialResult r) -> r.inceptionScore()).reversed());
        page.heading("Best trials");
        page.table("best", headers(), scored.subList(0, Math.min(BEST, scored.size())).stream().map(GridHtmlReport::row).toList(), false);
        page.heading("Every trial (click a header to sort)");
        List<TrialResult> all = new ArrayList<>(report.results());
        all.sort(Comparator.comparing(TrialResult::id));
        page.table("results", headers(), all.stream().map(GridHtmlReport::row).toList(), true);
        if (Files.isRegularFile(figures.resolve("summary.md"))) {
            page.heading("Summary as Markdown");
            page.preformatted(Files.readString(figures.resolve("summary.md")));
        }
        return page.write(file);
    }

    private static List<String> headers() {
        return List.of("id", "model", "sub-grid", "nLayerG", "nLayerD", "sizeG", "sizeD", "dropoutD", "status", "IS", "exp(IS)",
                "FID", "steps", "train s");
    }

    private static List<String> row(TrialResult r) {
        Map<String, String> l = r.labels() == null ? Map.of() : r.labels();
        Object model = r.options() == null ? null : r.options().get("model");
        return List.of(r.id(), model == null ? l.getOrDefault("variant", "") : model.toString(),
                GridReport.subGrid(r) == null ? "" : GridReport.subGrid(r),
                l.getOrDefault("layersG", ""), l.getOrDefault("layersD", ""), l.getOrDefault("sizeG", ""), l.getOrDefault("sizeD", ""),
                l.getOrDefault("dropoutD", ""), r.status().name().toLowerCase(Locale.ROOT), fmt(r.inceptionScore()),
                fmt(r.expInceptionScore()), fmt(r.fid()), r.steps() == null ? "" : r.steps().toString(), fmt(r.trainSeconds()));
    }

    private static String str(int v) {
        return Integer.toString(v);
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.3f", v);
    }
}
