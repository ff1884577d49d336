package org.ebgan4j.experiments.grid;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.plot.BarChart;
import org.ebgan4j.plot.Panels;
import org.ebgan4j.plot.Png;
import org.ebgan4j.plot.ValueGrid;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

/**
 * The EBGAN paper's figures and a summary, from the results of one or more grids (also while they
 * run): histograms of the inception score in percent of models per bin, EBGAN against GAN, over all
 * trials and over nLayer[GD] &le; 4 and &le; 3 (Figure 2); each GAN optimiser sub-grid against the
 * EBGANs (Figure 3); the maximum and median score over nLayerG x nLayerD for GAN, EBGAN and
 * EBGAN-PT, one colour scale per row (Figure 4); the samples of the best model of each (Figure 5).
 * Failed trials are counted in the tables and left out of the figures.
 */
public final class GridReport {

    /** Bins of the inception score over [0, ln 10], as the paper's histograms. */
    public static final int BINS = 20;

    /** The GAN optimiser sub-grids of Table 1, in the paper's order: optimD, optimG, learning rate. */
    public static final List<String> SUB_GRIDS;

    static {
        List<String> s = new ArrayList<>();
        for (String d : List.of("adam", "sgd")) {
            for (String g : List.of("adam", "sgd")) {
                for (String lr : List.of("0.01", "0.001", "0.0001")) {
                    s.add(d + "-" + g + "-" + lr);
                }
            }
        }
        SUB_GRIDS = List.copyOf(s);
    }

    private final List<TrialResult> results;
    private final Map<String, Path> pictures;

    private GridReport(List<TrialResult> results, Map<String, Path> pictures) {
        this.results = List.copyOf(results);
        this.pictures = pictures;
    }

    /** The latest result of every trial of these stores. */
    public static GridReport of(List<Path> stores) throws IOException {
        List<TrialResult> all = new ArrayList<>();
        Map<String, Path> pictures = new LinkedHashMap<>();
        for (Path dir : stores) {
            GridStore store = GridStore.existing(dir);
            for (TrialResult r : store.latest().values()) {
                // Grids share trials (a sample of Table 1, Table 1 itself): each counts once, from the first store.
                if (!pictures.containsKey(r.id())) {
                    all.add(r);
                    pictures.put(r.id(), store.trialDir(r.id()).resolve("samples.png"));
                }
            }
        }
        return new GridReport(all, pictures);
    }

    /** A report of given results (their sample pictures, where known, by trial id). */
    public static GridReport of(List<TrialResult> results, Map<String, Path> pictures) {
        return new GridReport(results, pictures);
    }

    public List<TrialResult> results() {
        return results;
    }

    /**
     * The GAN optimiser sub-grid of a result: "adam-adam-0.001" and so on, from the optimisers as
     * trained (D's learning rate), or from the trial's options for results that do not record them;
     * {@code null} for other models.
     */
    public static String subGrid(TrialResult r) {
        if (!r.model().equals("gan")) {
            return null;
        }
        Map<String, Object> trained = r.trained() == null ? Map.of() : r.trained();
        Object d = trained.getOrDefault("optimD", r.options().getOrDefault("optimD", "adam"));
        Object g = trained.getOrDefault("optimG", r.options().getOrDefault("optimG", "adam"));
        Object lr = trained.containsKey("lrD") ? trained.get("lrD") : r.options().getOrDefault("lr", 0.001);
        // The trained rate is a float: 0.001f reads back as 0.0010000000474974513.
        double rate = lr instanceof Number n ? (float) n.doubleValue() : 0.001;
        return d + "-" + g + "-" + GridSpec.label(Double.parseDouble(Float.toString((float) rate)));
    }

    /** The scores of the scored results that {@code which} selects. */
    List<Double> scores(Predicate<TrialResult> which) {
        return results.stream().filter(TrialResult::scored).filter(which).map(TrialResult::inceptionScore)
                .filter(Objects::nonNull).toList();
    }

    static Predicate<TrialResult> model(String name) {
        return r -> r.model().equals(name);
    }

    static Predicate<TrialResult> depthAtMost(int layers) {
        return r -> r.number("layersG") <= layers && r.number("layersD") <= layers;
    }

    /** Percent of {@code scores} in each of {@link #BINS} equal bins over [0, ln 10] (the last bin closed). */
    public static double[] histogram(List<Double> scores) {
        double[] percent = new double[BINS];
        double width = Math.log(10) / BINS;
        for (double s : scores) {
            int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor(s / width)));
            percent[bin] += 100.0 / scores.size();
        }
        return percent;
    }

    static List<String> binLabels() {
        List<String> labels = new ArrayList<>();
        double width = Math.log(10) / BINS;
        for (int b = 0; b < BINS; b++) {
            labels.add(String.format(Locale.ROOT, "%.2f", (b + 0.5) * width));
        }
        return labels;
    }

    /**
     * {@code statistic} of the scores of {@code which} in each (layersG, layersD) cell: rows are
     * {@code layersG}, columns {@code layersD}, both ascending; NaN where the cell has no score.
     */
    public double[] heat(Predicate<TrialResult> which, List<Integer> layersG, List<Integer> layersD, boolean max) {
        double[] v = new double[layersG.size() * layersD.size()];
        for (int i = 0; i < layersG.size(); i++) {
            for (int j = 0; j < layersD.size(); j++) {
                int g = layersG.get(i);
                int d = layersD.get(j);
                double[] s = scores(which.and(r -> r.number("layersG") == g && r.number("layersD") == d)).stream()
                        .mapToDouble(Double::doubleValue).sorted().toArray();
                v[i * layersD.size() + j] = s.length == 0 ? Double.NaN : max ? s[s.length - 1] : median(s);
            }
        }
        return v;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** EBGAN (or another model) against the GANs of one sub-grid, architecture by architecture. */
    public record Paired(String model, String subGrid, int pairs, int wins, int ties) {}

    /**
     * {@code model} against each GAN sub-grid present, over the architectures both have a score for
     * (several trials of {@code model} with one architecture count as their median).
     */
    public List<Paired> paired(String model) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (TrialResult r : results) {
            if (r.scored() && r.model().equals(model) && r.inceptionScore() != null) {
                scores.computeIfAbsent(architecture(r), k -> new ArrayList<>()).add(r.inceptionScore());
            }
        }
        Map<String, Double> mine = new LinkedHashMap<>();
        scores.forEach((k, v) -> mine.put(k, median(v.stream().mapToDouble(Double::doubleValue).sorted().toArray())));
        List<Paired> out = new ArrayList<>();
        for (String sub : SUB_GRIDS) {
            int pairs = 0;
            int wins = 0;
            int ties = 0;
            for (TrialResult r : results) {
                if (r.scored() && sub.equals(subGrid(r)) && r.inceptionScore() != null && mine.containsKey(architecture(r))) {
                    pairs++;
                    int c = Double.compare(mine.get(architecture(r)), r.inceptionScore());
                    wins += c > 0 ? 1 : 0;
                    ties += c == 0 ? 1 : 0;
                }
            }
            if (pairs > 0) {
                out.add(new Paired(model, sub, pairs, wins, ties));
            }
        }
        return out;
    }

    /** The architecture of Table 1's axes: layersG, sizeG, layersD, sizeD, dropoutD. */
    static String architecture(TrialResult r) {
        return String.format(Locale.ROOT, "G%.0fx%.0f D%.0fx%.0f drop%.2f", r.number("layersG"), r.number("sizeG"), r.number("layersD"),
                r.number("sizeD"), Double.isNaN(r.number("dropoutD")) ? 0 : r.number("dropoutD"));
    }

    /** One row of the summary: a family of trials and how their scores are spread. */
    public record Row(String family, int trials, int done, int diverged, int failed, double mean, double median, double max,
            String best) {}

    /** EBGAN, EBGAN-PT, every GAN sub-grid present and all GANs, then any other model. */
    public List<Row> rows() {
        Map<String, Predicate<TrialResult>> families = new LinkedHashMap<>();
        families.put("ebgan", model("ebgan"));
        families.put("ebgan-pt", model("ebgan-pt"));
        for (String sub : SUB_GRIDS) {
            families.put("gan " + sub, r -> sub.equals(subGrid(r)));
        }
        families.put("gan (all)", model("gan"));
        new TreeSet<>(results.stream().map(TrialResult::model).filter(m -> !List.of("ebgan", "ebgan-pt", "gan").contains(m)).toList())
                .forEach(m -> families.put(m, model(m)));
        List<Row> rows = new ArrayList<>();
        families.forEach((name, which) -> {
            List<TrialResult> in = results.stream().filter(which).toList();
            if (in.isEmpty()) {
                return;
            }
            double[] s = in.stream().filter(TrialResult::scored).map(TrialResult::inceptionScore).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            String best = in.stream().filter(TrialResult::scored).filter(r -> r.inceptionScore() != null)
                    .max(Comparator.comparingDouble(TrialResult::inceptionScore)).map(TrialResult::id).orElse("-");
            rows.add(new Row(name, in.size(), count(in, TrialResult.Status.DONE), count(in, TrialResult.Status.DIVERGED),
                    count(in, TrialResult.Status.FAILED), s.length == 0 ? Double.NaN : Arrays.stream(s).average().orElse(Double.NaN),
                    s.length == 0 ? Double.NaN : median(s), s.length == 0 ? Double.NaN : s[s.length - 1], best));
        });
        return rows;
    }

    private static int count(List<TrialResult> in, TrialResult.Status status) {
        return (int) in.stream().filter(r -> r.status() == status).count();
    }

    /** The summary and the paired comparisons as Markdown. */
    public String summaryMarkdown() {
        StringBuilder md = new StringBuilder("| family | trials | done | diverged | failed | IS mean | IS median | IS max | best trial |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %s | %s | %s |%n", r.family(), r.trials(), r.done(),
                    r.diverged(), r.failed(), fmt(r.mean()), fmt(r.median()), fmt(r.max()), r.best()));
        }
        List<Paired> pairs = new ArrayList<>(paired("ebgan"));
        pairs.addAll(paired("ebgan-pt"));
        if (!pairs.isEmpty()) {
            md.append("\n| model | against GAN sub-grid | architectures | model's score higher | ties |\n|---|---|---:|---:|---:|\n");
            for (Paired p : pairs) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d (%.0f%%) | %d |%n", p.model(), p.subGrid(), p.pairs(), p.wins(),
                        100.0 * p.wins() / p.pairs(), p.ties()));
            }
        }
        return md.toString();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Writes the figures and the summary into {@code dir}; returns the files written. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve("fig2-histograms.png"), figure2()));
        written.add(write(dir.resolve("fig3-gan-subgrids.png"), figure3()));
        written.add(write(dir.resolve("fig4-heatmaps.png"), figure4()));
        BufferedImage samples = figure5();
        if (samples != null) {
            written.add(write(dir.resolve("fig5-best-samples.png"), samples));
        }
        AtomicFiles.writeString(dir.resolve("summary.md"), summaryMarkdown());
        written.add(dir.resolve("summary.md"));
        AtomicFiles.writeString(dir.resolve("summary.csv"), summaryCsv());
        written.add(dir.resolve("summary.csv"));
        AtomicFiles.writeString(dir.resolve("results.csv"), resultsCsv());
        written.add(dir.resolve("results.csv"));
        return written;
    }

    private static Path write(Path file, BufferedImage image) throws IOException {
        Png.write(image, file);
        return file;
    }

    private BufferedImage histograms(String title, Predicate<TrialResult> subset, List<String> models, double yMax) {
        BarChart chart = BarChart.of(title, binLabels()).xLabel("inception score (eq. 6)").yLabel("% of models").optYMax(yMax);
        for (String m : models) {
            List<Double> s = scores(model(m).and(subset));
            if (!s.isEmpty()) {
                chart.add(m + " (" + s.size() + ")", histogram(s));
            }
        }
        return chart.render();
    }

    private double yMax(List<Predicate<TrialResult>> groups) {
        double max = 10;
        for (Predicate<TrialResult> g : groups) {
            List<Double> s = scores(g);
            if (!s.isEmpty()) {
                max = Math.max(max, Arrays.stream(histogram(s)).max().orElse(0));
            }
        }
        return Math.ceil(max / 10) * 10;
    }

    BufferedImage figure2() {
        List<String> models = List.of("ebgan", "gan", "ebgan-pt");
        List<Predicate<TrialResult>> all = new ArrayList<>();
        for (String m : models) {
            all.add(model(m));
            all.add(model(m).and(depthAtMost(4)));
            all.add(model(m).and(depthAtMost(3)));
        }
        double y = yMax(all);
        return Panels.row(List.of(histograms("(a) all", r -> true, models, y),
                histograms("(b) nLayer[GD] <= 4", depthAtMost(4), models, y),
                histograms("(c) nLayer[GD] <= 3", depthAtMost(3), models, y)));
    }

    BufferedImage figure3() {
        List<List<BufferedImage>> rows = new ArrayList<>();
        List<Predicate<TrialResult>> groups = new ArrayList<>(List.of(model("ebgan")));
        SUB_GRIDS.forEach(sub -> groups.add(r -> sub.equals(subGrid(r))));
        double y = yMax(groups);
        // Rows are the learning rates, columns the (optimD, optimG) pairs.
        for (int row = 0; row < 3; row++) {
            List<BufferedImage> panels = new ArrayList<>();
            for (int col = 0; col < 4; col++) {
                String sub = SUB_GRIDS.get(col * 3 + row);
                BarChart chart = BarChart.of("GAN " + sub + " vs EBGAN", binLabels()).optSize(480, 320).optYMax(y);
                List<Double> gan = scores(r -> sub.equals(subGrid(r)));
                List<Double> ebgan = scores(model("ebgan"));
                if (!ebgan.isEmpty()) {
                    chart.add("ebgan (" + ebgan.size() + ")", histogram(ebgan));
                }
                if (!gan.isEmpty()) {
                    chart.add("gan (" + gan.size() + ")", histogram(gan));
                }
                panels.add(chart.render());
            }
            rows.add(panels);
        }
        return Panels.rows(rows);
    }

    BufferedImage figure4() {
        List<Integer> layersG = layers("layersG");
        List<Integer> layersD = layers("layersD");
        List<String> gLabels = layersG.stream().map(String::valueOf).toList();
        List<String> dLabels = layersD.stream().map(String::valueOf).toList();
        List<List<BufferedImage>> rows = new ArrayList<>();
        for (boolean max : new boolean[] {true, false}) {
            Map<String, double[]> cells = new LinkedHashMap<>();
            for (String m : List.of("gan", "ebgan", "ebgan-pt")) {
                cells.put(m, heat(model(m), layersG, layersD, max));
            }
            double lo = cells.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).min().orElse(0);
            double hi = cells.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v)).max().orElse(1);
            List<BufferedImage> panels = new ArrayList<>();
            cells.forEach((m, v) -> panels.add(ValueGrid.render((max ? "max" : "median") + " IS, " + m, v, gLabels, dLabels,
                    "nLayerG", "nLayerD", lo, hi)));
            rows.add(panels);
        }
        return Panels.rows(rows);
    }

    private List<Integer> layers(String option) {
        TreeSet<Integer> values = new TreeSet<>();
        results.forEach(r -> {
            if (!Double.isNaN(r.number(option))) {
                values.add((int) r.number(option));
            }
        });
        return values.isEmpty() ? List.of(2, 3, 4, 5) : new ArrayList<>(values);
    }

    BufferedImage figure5() throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        for (String m : List.of("gan", "ebgan", "ebgan-pt")) {
            TrialResult best = results.stream().filter(model(m)).filter(TrialResult::scored).filter(r -> r.inceptionScore() != null)
                    .max(Comparator.comparingDouble(TrialResult::inceptionScore)).orElse(null);
            Path png = best == null ? null : pictures.get(best.id());
            if (png != null && Files.isRegularFile(png)) {
                panels.add(Panels.titled(String.format(Locale.ROOT, "best %s: IS %.3f, %s", m, best.inceptionScore(), architecture(best)
                        + (subGrid(best) != null ? " " + subGrid(best) : "")), ImageIO.read(png.toFile())));
            }
        }
        return panels.isEmpty() ? null : Panels.row(panels);
    }

    String summaryCsv() {
        StringBuilder csv = new StringBuilder("family,trials,done,diverged,failed,is_mean,is_median,is_max,best\n");
        for (Row r : rows()) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%s,%s,%s,%s%n", r.family(), r.trials(), r.done(), r.diverged(),
                    r.failed(), csvNumber(r.mean()), csvNumber(r.median()), csvNumber(r.max()), r.best()));
        }
        return csv.toString();
    }

    /** Every result, one row each: id, model, sub-grid, architecture, status and scores. */
    String resultsCsv() {
        StringBuilder csv = new StringBuilder("id,model,sub_grid,layersG,sizeG,layersD,sizeD,dropoutD,status,attempt,inception_score,"
                + "exp_inception_score,fid,steps,train_seconds\n");
        for (TrialResult r : results.stream().sorted(Comparator.comparing(TrialResult::id)).collect(Collectors.toList())) {
            csv.append(String.join(",", r.id(), r.model(), Objects.toString(subGrid(r), ""), csvNumber(r.number("layersG")),
                    csvNumber(r.number("sizeG")), csvNumber(r.number("layersD")), csvNumber(r.number("sizeD")),
                    csvNumber(r.number("dropoutD")), r.status().name().toLowerCase(Locale.ROOT), String.valueOf(r.attempt()),
                    csvNumber(r.inceptionScore()), csvNumber(r.expInceptionScore()), csvNumber(r.fid()),
                    r.steps() == null ? "" : String.valueOf(r.steps()), csvNumber(r.trainSeconds()))).append('\n');
        }
        return csv.toString();
    }

    private static String csvNumber(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
