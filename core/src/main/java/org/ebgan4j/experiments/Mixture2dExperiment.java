package org.ebgan4j.experiments;

import org.ebgan4j.data.Datasets;
import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.eval.GridHistogram;
import org.ebgan4j.eval.MixtureDivergences;
import org.ebgan4j.eval.PublishedResults;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.plot.Heatmap;
import org.ebgan4j.plot.Panels;
import org.ebgan4j.plot.Png;
import org.ebgan4j.plot.ScatterPlot;
import org.ebgan4j.train.AdversarialTrainer;
import org.ebgan4j.train.Calibrated2dRecipe;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The synthetic experiment of the calibrated-EBGAN paper (Dai et al. 2017, section 5.1, Table 2,
 * Figures 1-3): each model trained on samples of each 2D mixture with {@link Calibrated2dRecipe},
 * then the ten KL divergences of {@link MixtureDivergences}. Every cell (data set, model) is
 * independent, trains in a process of its own ({@link ProcessPool}) and writes
 * {@code cells/<data set>-<model>/result.json} when done; a rerun skips the cells that have one and
 * resumes the interrupted ones from their checkpoints.
 */
public final class Mixture2dExperiment {

    public static final List<String> DATASETS = List.of("gaussians4", "biased2", "spirals");
    public static final List<String> MODELS = List.of("gan", "egan-const", "egan-ent-vi", "egan-ent-nn");

    /** Heap of a cell's process: 100K points and a 100x100 grid need far less. */
    public static final String CELL_HEAP = "2g";

    /** The {@link Worker} task that runs one cell. */
    static final String TASK = "mixture2d-cell";

    /** One model on one data set. */
    public record Cell(String dataset, String model) {
        public Cell {
            model = model.toLowerCase(Locale.ROOT);
            GameSpec.describe(model);
        }

        public String id() {
            return dataset + "-" + model;
        }

        public static Cell parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a cell is DATASET:MODEL, got '" + text + "'");
            }
            return new Cell(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    /** What a finished cell measured. */
    public record CellResult(String dataset, String model, Map<String, Double> kl, long steps, double seconds, String canvas) {

        /** Results written before the canvas was a choice were measured on the box. */
        public CellResult {
            canvas = canvas == null ? MixtureDivergences.Canvas.BOX.name() : canvas;
        }
    }

    /**
     * How the cells are trained.
     *
     * @param samples training samples, and generated samples for the histograms (the paper's 100K)
     * @param epochScale fraction of the paper's epochs
     * @param canvas the grid of the divergences
     */
    public record Settings(int samples, double epochScale, long seed, MixtureDivergences.Canvas canvas) {

        /** On the authors' canvas. */
        public Settings(int samples, double epochScale, long seed) {
            this(samples, epochScale, seed, MixtureDivergences.Canvas.AUTHORS);
        }

        public Settings {
            if (canvas == null) {
                throw new IllegalArgumentException("`canvas` must be authors or box");
            }
            if (samples < 1000) {
                throw new IllegalArgumentException("`samples` must be at least 1000, got " + samples);
            }
            if (!(epochScale > 0) || Double.isInfinite(epochScale)) {
                throw new IllegalArgumentException("`epochScale` must be positive, got " + epochScale);
            }
        }
    }

    /** What {@link #runAll} did: the cells that ran (the others were done before), those that failed, the results. */
    public record Summary(List<Cell> ran, List<Cell> failed, List<CellResult> results, double seconds) {}

    private Mixture2dExperiment() {}

    /** A pool of {@code parallel} cell processes sharing the cores. */
    public static ProcessPool pool(int parallel) {
        return ProcessPool.sharingCores(parallel, CELL_HEAP);
    }

    /** Every (data set, model) pair, data sets outer. */
    public static List<Cell> cells(List<String> datasets, List<String> models) {
        List<Cell> cells = new ArrayList<>();
        for (String d : datasets) {
            for (String m : models) {
                cells.add(new Cell(d, m));
            }
        }
        return cells;
    }

    public static Path cellDir(Path root, Cell cell) {
        return root.resolve("cells").resolve(cell.id());
    }

    public static Path resultFile(Path root, Cell cell) {
        return cellDir(root, cell).resolve("result.json");
    }

    /**
     * Runs the cells without a result, {@code pool.slots()} at a time, each in its own process, then
     * writes {@code table.md} and {@code table.csv} over every finished cell.
     *
     * @param reference published values shown beside ours (see {@link #readReference}), or an empty map
     * @param log where the starts and ends of cells are reported
     */
    public static Summary runAll(List<Cell> cells, Path root, Settings settings, ProcessPool pool,
            Map<String, Map<String, Double>> reference, PrintStream log) throws IOException, InterruptedException {
        long began = System.nanoTime();
        List<ProcessPool.Task> tasks = new ArrayList<>();
        Map<String, Cell> byId = new LinkedHashMap<>();
        for (Cell c : cells) {
            Path f = resultFile(root, c);
            if (Files.isRegularFile(f)) {
                String canvas = Json.mapper().readValue(f.toFile(), CellResult.class).canvas();
                if (canvas.equals(settings.canvas().name())) {
                    log.println("done before: " + c.id());
                    continue;
                }
                // Trained already: the task resumes from its last checkpoint, which is the end, and measures again.
                log.println("measured on the " + canvas.toLowerCase(Locale.ROOT) + " canvas before: " + c.id() + " is measured again");
            }
            byId.put(c.id(), c);
            tasks.add(new ProcessPool.Task(c.id(), List.of(TASK, c.dataset(), c.model(), root.toString(),
                    String.valueOf(settings.samples()), String.valueOf(settings.epochScale()), String.valueOf(settings.seed()),
                    settings.canvas().name()), cellDir(root, c).resolve("log.txt")));
        }
        List<Cell> failed = new ArrayList<>();
        pool.run(tasks, new ProcessPool.Listener() {
            @Override
            public void started(ProcessPool.Task task, int waiting) {
                log.printf("started %s (%d left to start)%n", task.id(), waiting);
            }

            @Override
            public void finished(ProcessPool.Outcome o) {
                if (o.succeeded()) {
                    log.printf("finished %s after %.0f s of the experiment%n", o.task().id(), (System.nanoTime() - began) / 1e9);
                } else {
                    failed.add(byId.get(o.task().id()));
                    log.printf("FAILED %s (exit %d); see %s%n", o.task().id(), o.exitCode(), o.task().log());
                }
            }
        });
        List<CellResult> results = collect(root, cells);
        writeTables(root, results, reference);
        return new Summary(new ArrayList<>(byId.values()), failed, results, (System.nanoTime() - began) / 1e9);
    }

    /** {@link Worker}'s task: dataset, model, root, samples, epoch scale, seed, canvas. */
    static void runTask(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException(TASK + " takes DATASET MODEL ROOT SAMPLES EPOCH_SCALE SEED CANVAS");
        }
        CellResult r = run(new Cell(args[0], args[1]), Path.of(args[2]), new Settings(Integer.parseInt(args[3]),
                Double.parseDouble(args[4]), Long.parseLong(args[5]), MixtureDivergences.Canvas.valueOf(args[6])));
        System.out.printf("%s/%s done: %d steps in %.1f s%n", r.dataset(), r.model(), r.steps(), r.seconds());
    }

    /** Trains and measures one cell in this process; resumes its training from a checkpoint left by an interrupted run. */
    public static CellResult run(Cell cell, Path root, Settings settings) throws IOException {
        GaussianMixture2D mixture = Datasets.mixture(cell.dataset());
        if (mixture == null) {
            throw new IllegalArgumentException("'" + cell.dataset() + "' is not a 2D mixture; choose "
                    + String.join(", ", DATASETS) + " or a mixture .json file");
        }
        // Raw coordinates, as the authors' code fed them: their initialisations and learning rates assume that scale.
        TensorDataset data = new TensorDataset(cell.dataset(), mixture.sample(settings.samples(), settings.seed()), null,
                new long[] {2}, 1, 0);
        TrainConfig config = TrainConfig.builder()
                .setModel(cell.model())
                .setDataset(cell.dataset())
                .optMaxSamples(settings.samples())
                .optCalibrated2dRecipe(true)
                .optEpochs(Math.max(1, (int) Math.round(Calibrated2dRecipe.epochs(cell.dataset()) * settings.epochScale())))
                .optSeed(settings.seed())
                .optSampleEvery(Integer.MAX_VALUE)
                .build(data);
        RunFolder run = new RunFolder(cellDir(root, cell).resolve("run"));
        if (!run.hasCheckpoint() && Files.exists(run.root())) {
            // Interrupted before its first checkpoint: nothing to resume, so the cell starts again.
            deleteTree(run.root());
        }
        try (EnergyGan gan = new EnergyGan(config); AdversarialTrainer trainer = new AdversarialTrainer(gan)) {
            AdversarialTrainer.Result trained = trainer.fit(data, run,
                    new AdversarialTrainer.FitOptions(run.hasCheckpoint(), false, List.of()));
            float[] train = data.toRaw(data.data());
            float[] generated = gan.toRaw(gan.sample(settings.samples(), settings.seed() + 1));
            MixtureDivergences m = MixtureDivergences.measure(gan, mixture, train, generated, settings.canvas());
            writeFigure(cellDir(root, cell).resolve("figure.png"), cell, m.grid(), mixture, m.energies(), train, generated);
            CellResult result = new CellResult(cell.dataset(), cell.model(), m.kl(), trained.steps(), trained.seconds(),
                    settings.canvas().name());
            AtomicFiles.writeString(resultFile(root, cell), Json.mapper().writeValueAsString(result));
            return result;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
                Heatmap.render("learned energy (" + cell.model() + ")", learned, grid.nx(), grid.ny(), range, null),
                ScatterPlot.render(cell.model() + ": generated over data", dataShown, genShown, range))), png);
    }

    /** The finished cells under {@code root}, in benchmark order. */
    public static List<CellResult> collect(Path root, List<Cell> cells) throws IOException {
        List<CellResult> results = new ArrayList<>();
        for (Cell c : cells) {
            Path f = resultFile(root, c);
            if (Files.isRegularFile(f)) {
                results.add(Json.mapper().readValue(f.toFile(), CellResult.class));
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
     * The key of the result is {@code dataset/model}. The published Table 2 is
     * {@link PublishedResults#calibratedTable2()}.
     */
    public static Map<String, Map<String, Double>> readReference(Path csv) throws IOException {
        return PublishedResults.parseTable(Files.readAllLines(csv), csv.toString());
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
        for (String[] d : MixtureDivergences.DIVERGENCES) {
            csv.append(',').append(MixtureDivergences.label(d));
            md.append("| ").append(MixtureDivergences.label(d)).append(" |");
            for (CellResult r : results) {
                md.append(' ').append(String.format(Locale.ROOT, "%.4f", r.kl().get(MixtureDivergences.label(d))));
                double ours = r.kl().get(MixtureDivergences.label(d));
                Double paper = reference.getOrDefault(r.dataset() + "/" + r.model(), Map.of()).get(MixtureDivergences.label(d));
                if (paper != null) {
                    md.append(String.format(Locale.ROOT, " %s %.4f", ours < paper ? "<" : ours > paper ? ">" : "=", paper));
                }
                md.append(" |");
            }
            md.append('\n');
        }
        if (!reference.isEmpty()) {
            md.append("\nBeside each of ours, the reference value: `<` where ours is lower, `>` where it is higher.\n");
        }
        csv.append(",steps,seconds\n");
        for (CellResult r : results) {
            csv.append(r.dataset()).append(',').append(r.model());
            for (String[] d : MixtureDivergences.DIVERGENCES) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6f", r.kl().get(MixtureDivergences.label(d))));
            }
            csv.append(',').append(r.steps()).append(',').append(String.format(Locale.ROOT, "%.1f", r.seconds())).append('\n');
        }
        AtomicFiles.writeString(root.resolve("table.md"), md.toString());
        AtomicFiles.writeString(root.resolve("table.csv"), csv.toString());
    }
}
