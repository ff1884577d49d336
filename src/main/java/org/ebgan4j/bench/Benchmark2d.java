package org.ebgan4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.eval.GridHistogram;
import org.ebgan4j.eval.KlDivergence;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.plot.Heatmap;
import org.ebgan4j.plot.Panels;
import org.ebgan4j.plot.Png;
import org.ebgan4j.plot.ScatterPlot;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.ModelKind;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;
import org.ebgan4j.train.TrainConfigs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic benchmark of the calibrated-EBGAN paper (Dai et al. 2017, section 5.1, Table 2,
 * Figures 1-3): each model trained on samples of each 2D mixture, then ten KL divergences between
 * the training histogram p_emp, the generated histogram p_gen, the analytic density p_data and the
 * discriminator's p_disc = softmax(-c(x)) on a 100x100 grid. For the GAN baseline the energy is the
 * negative logit, so p_disc = softmax(logit(x)) over the grid. Every cell (data set, model) is
 * independent and writes {@code cells/<data set>-<model>/result.json} when done; a rerun skips the
 * cells that have one.
 */
public final class Benchmark2d {

    public static final List<String> DATASETS = List.of("gaussians4", "biased2", "spirals");
    public static final List<ModelKind> MODELS =
            List.of(ModelKind.GAN, ModelKind.EGAN_CONST, ModelKind.EGAN_ENT_VI, ModelKind.EGAN_ENT_NN);

    /** The ten divergences of Table 2, in its order: (first, second) of KL(first || second). */
    public static final String[][] DIVERGENCES = {
        {"gen", "emp"}, {"emp", "gen"}, {"gen", "data"}, {"data", "gen"}, {"disc", "emp"},
        {"emp", "disc"}, {"disc", "data"}, {"data", "disc"}, {"gen", "disc"}, {"disc", "gen"}
    };

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One model on one data set. */
    public record Cell(String dataset, ModelKind model) {
        public String id() {
            return dataset + "-" + model.id();
        }

        public static Cell parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a cell is DATASET:MODEL, got '" + text + "'");
            }
            return new Cell(text.substring(0, colon), ModelKind.parse(text.substring(colon + 1)));
        }
    }

    /** What a finished cell measured. */
    public record CellResult(String dataset, String model, Map<String, Double> kl, long steps, double seconds) {}

    /** How the cells are trained. */
    public record Settings(int samples, double epochScale, long seed) {}

    private Benchmark2d() {}

    public static Path cellDir(Path root, Cell cell) {
        return root.resolve("cells").resolve(cell.id());
    }

    public static Path resultFile(Path root, Cell cell) {
        return cellDir(root, cell).resolve("result.json");
    }

    /** Trains and measures one cell; resumes its training from a checkpoint left by an interrupted run. */
    public static CellResult run(Cell cell, Path root, Settings settings) throws IOException {
        GaussianMixture2D mixture = Datasets.mixture(cell.dataset());
        if (mixture == null) {
            throw new IllegalArgumentException("'" + cell.dataset() + "' is not a 2D mixture; choose "
                    + String.join(", ", DATASETS) + " or a mixture .json file");
        }
        // Raw coordinates, as the authors' code fed them: their initialisations and learning rates assume that scale.
        TensorDataset data = new TensorDataset(cell.dataset(), mixture.sample(settings.samples(), settings.seed()), null,
                new long[] {2}, 1, 0);
        TrainConfig base = TrainConfigs.calibrated2d(cell.model(),
                new TrainConfig.DataConfig(cell.dataset(), null, settings.samples(), data.scale(), data.offset()));
        TrainConfig.RunSchedule s = base.schedule();
        int epochs = Math.max(1, (int) Math.round(s.epochs() * settings.epochScale()));
        TrainConfig config = base.withSchedule(new TrainConfig.RunSchedule(s.batchSize(), epochs, 0, settings.seed(),
                s.logEvery(), Integer.MAX_VALUE, s.checkpointEvery()));
        RunFolder run = new RunFolder(cellDir(root, cell).resolve("run"));
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result trained = trainer.fit(data, run,
                    new AdversarialTrainer.FitOptions(run.hasCheckpoint(), false, List.of()));
            CellResult result = measure(cell, gan, mixture, data, cellDir(root, cell), settings, trained);
            AtomicFiles.writeString(resultFile(root, cell), JSON.writeValueAsString(result));
            return result;
        }
    }

    private static CellResult measure(Cell cell, EnergyGan gan, GaussianMixture2D mixture, TensorDataset data,
            Path dir, Settings settings, AdversarialTrainer.Result trained) throws IOException {
        float[] train = data.toRaw(data.data());
        float[] generated = gan.toRaw(gan.sample(settings.samples(), settings.seed() + 1));
        GridHistogram grid = GridHistogram.around(train, GridHistogram.PAPER_CELLS);
        float[] centres = grid.centres();
        float[] energies = gan.energies(gan.fromRaw(centres), grid.cells());
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("emp", grid.histogram(train));
        p.put("gen", grid.histogram(generated));
        p.put("data", grid.analytic(mixture));
        p.put("disc", GridHistogram.softmaxOfNegative(energies));
        Map<String, Double> kl = new LinkedHashMap<>();
        for (String[] d : DIVERGENCES) {
            kl.put(label(d), KlDivergence.of(p.get(d[0]), p.get(d[1])));
        }
        writeFigure(dir.resolve("figure.png"), cell, grid, mixture, energies, train, generated);
        return new CellResult(cell.dataset(), cell.model().id(), kl, trained.steps(), trained.seconds());
    }

    /** "KL(p_gen||p_emp)" and so on. */
    public static String label(String[] pair) {
        return "KL(p_" + pair[0] + "||p_" + pair[1] + ")";
    }

    private static void writeFigure(Path png, Cell cell, GridHistogram grid, GaussianMixture2D mixture, float[] energies,
            float[] train, float[] generated) throws IOException {
        double[] range = {grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax()};
        float[] centres = grid.centres();
        double[] trueEnergy = new double[grid.cells()];
        double[] learned = new double[grid.cells()];
        for (int c = 0; c < trueEnergy.length; c++) {
            trueEnergy[c] = -Math.log(Math.max(mixture.density(centres[2 * c], centres[2 * c + 1]), 1e-300));
            learned[c] = energies[c];
        }
        int shown = Math.min(2000, train.length / 2);
        float[] dataShown = java.util.Arrays.copyOf(train, 2 * shown);
        float[] genShown = java.util.Arrays.copyOf(generated, 2 * Math.min(2000, generated.length / 2));
        Png.write(Panels.row(List.of(
                Heatmap.render("true energy -log p_data (" + cell.dataset() + ")", trueEnergy, grid.nx(), grid.ny(), range, null),
                Heatmap.render("learned energy (" + cell.model().id() + ")", learned, grid.nx(), grid.ny(), range, null),
                ScatterPlot.render(cell.model().id() + ": generated over data", dataShown, genShown, range))), png);
    }

    /** The finished cells under {@code root}, in benchmark order. */
    public static List<CellResult> collect(Path root, List<Cell> cells) throws IOException {
        List<CellResult> results = new ArrayList<>();
        for (Cell c : cells) {
            Path f = resultFile(root, c);
            if (Files.isRegularFile(f)) {
                results.add(JSON.readValue(f.toFile(), CellResult.class));
            }
        }
        return results;
    }

    /** Writes {@code table.md} and {@code table.csv}: one row per divergence, one column per (data set, model). */
    public static void writeTables(Path root, List<CellResult> results) throws IOException {
        writeTables(root, results, Map.of());
    }

    /**
     * Reference values (a paper's Table 2) in the layout of {@code table.csv}: a header
     * {@code dataset,model,KL(p_gen||p_emp),...} and one row per cell; empty fields are allowed.
     * The key of the result is {@code dataset/model}.
     */
    public static Map<String, Map<String, Double>> readReference(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty; expected a header 'dataset,model,KL(p_gen||p_emp),...'");
        }
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, Double>> reference = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 2; i < Math.min(header.length, cells.length); i++) {
                if (!cells[i].isBlank()) {
                    row.put(header[i].trim(), Double.parseDouble(cells[i].trim()));
                }
            }
            reference.put(cells[0].trim() + "/" + cells[1].trim(), row);
        }
        return reference;
    }

    /** As {@link #writeTables(Path, List)}, with reference values shown in brackets beside ours in the Markdown. */
    public static void writeTables(Path root, List<CellResult> results, Map<String, Map<String, Double>> reference)
            throws IOException {
        StringBuilder md = new StringBuilder("| divergence |");
        StringBuilder sep = new StringBuilder("|---|");
        StringBuilder csv = new StringBuilder("dataset,model");
        for (CellResult r : results) {
            md.append(' ').append(r.dataset()).append(" / ").append(r.model()).append(" |");
            sep.append("---:|");
        }
        md.append('\n').append(sep).append('\n');
        for (String[] d : DIVERGENCES) {
            csv.append(',').append(label(d));
            md.append("| ").append(label(d)).append(" |");
            for (CellResult r : results) {
                md.append(' ').append(String.format(Locale.ROOT, "%.4f", r.kl().get(label(d))));
                Double paper = reference.getOrDefault(r.dataset() + "/" + r.model(), Map.of()).get(label(d));
                if (paper != null) {
                    md.append(String.format(Locale.ROOT, " (%.2f)", paper));
                }
                md.append(" |");
            }
            md.append('\n');
        }
        csv.append(",steps,seconds\n");
        for (CellResult r : results) {
            csv.append(r.dataset()).append(',').append(r.model());
            for (String[] d : DIVERGENCES) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6f", r.kl().get(label(d))));
            }
            csv.append(',').append(r.steps()).append(',').append(String.format(Locale.ROOT, "%.1f", r.seconds())).append('\n');
        }
        AtomicFiles.writeString(root.resolve("table.md"), md.toString());
        AtomicFiles.writeString(root.resolve("table.csv"), csv.toString());
    }
}
