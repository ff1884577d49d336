package org.ebgan4j.cli;

import org.ebgan4j.eval.MixtureDivergences;
import org.ebgan4j.eval.PublishedResults;
import org.ebgan4j.experiments.Mixture2dExperiment;
import org.ebgan4j.experiments.ProcessPool;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ebgan bench2d}: the calibrated-EBGAN paper's 2D experiment, its Table 2. */
@Command(name = "bench2d", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train GAN, EGAN-Const, EGAN-Ent-VI and EGAN-Ent-NN on the 2D mixtures and write the KL table "
                + "(Markdown and CSV) and one figure per cell; finished cells are not redone.")
final class Bench2dCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    @Option(names = "--datasets", split = ",", description = "mixtures (default: gaussians4,biased2,spirals)")
    List<String> datasets = Mixture2dExperiment.DATASETS;

    @Option(names = "--models", split = ",", description = "models (default: gan,egan-const,egan-ent-vi,egan-ent-nn)")
    List<String> models = Mixture2dExperiment.MODELS;

    @Option(names = "--out", defaultValue = "runs/bench2d", description = "experiment folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--parallel", description = "cells trained at once, each in its own process (default: the number of cores)")
    Integer parallel;

    @Option(names = "--samples", defaultValue = "100000", description = "training and generated samples (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--epoch-scale", defaultValue = "1", description = "fraction of the paper's epochs to train (default: ${DEFAULT-VALUE})")
    double epochScale;

    @Option(names = "--seed", defaultValue = "0") long seed;

    @Option(names = "--canvas", defaultValue = "authors", description = "grid of the divergences: authors (per axis 1.5 times "
            + "the data's range, 100 nodes, each sample in its nearest cell) or box (one square box 5%% wider than the data, "
            + "samples outside left out) (default: ${DEFAULT-VALUE}); finished cells measured on the other are measured again")
    String canvas;

    @Option(names = "--reference", description = "CSV of reference values in the layout of table.csv, shown beside ours "
            + "(default: the calibrated-EBGAN paper's Table 2, which ships with ebgan4j)")
    Path reference;

    @Option(names = "--no-reference", description = "show our values alone")
    boolean noReference;

    @Override
    public Integer call() throws Exception {
        MixtureDivergences.Canvas grid = switch (canvas.toLowerCase(java.util.Locale.ROOT)) {
            case "authors" -> MixtureDivergences.Canvas.AUTHORS;
            case "box" -> MixtureDivergences.Canvas.BOX;
            default -> throw new IllegalArgumentException("--canvas '" + canvas + "' is not one of authors, box");
        };
        Mixture2dExperiment.Settings settings = new Mixture2dExperiment.Settings(samples, epochScale, seed, grid);
        List<Mixture2dExperiment.Cell> cells = Mixture2dExperiment.cells(datasets, models);
        int cores = Runtime.getRuntime().availableProcessors();
        ProcessPool pool = Mixture2dExperiment.pool(Math.max(1, parallel != null ? parallel : cores));
        Mixture2dExperiment.Summary s = Mixture2dExperiment.runAll(cells, out, settings, pool,
                noReference ? Map.of() : reference != null ? Mixture2dExperiment.readReference(reference)
                        : PublishedResults.calibratedTable2(), System.out);
        System.out.println(Files.readString(out.resolve("table.md")));
        System.out.printf("%d of %d cells done; wall time of this invocation %.1f s on %d cores (%d at a time); tables in %s%n",
                s.results().size(), cells.size(), s.seconds(), cores, pool.slots(), out);
        ReportCommand.atEnd(out, System.out);
        return s.failed().isEmpty() ? 0 : 1;
    }
}
