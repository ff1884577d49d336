package org.ebgan4j.train;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.MetricsChart;
import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.plot.Heatmap;
import org.ebgan4j.plot.ImageGrid;
import org.ebgan4j.plot.MetricsCurves;
import org.ebgan4j.plot.ScatterPlot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The pictures of a training run: a grid of samples from fixed noise (images), or the samples over
 * the data and the learned energy as a heatmap (2D points), every few steps and at the end; at the
 * end also the curves of real and fake energy and of the losses.
 */
public final class RunPictures implements TrainingListener {

    private static final int GRID_SAMPLES = 64;
    private static final int POINTS = 2000;
    private static final int HEATMAP_CELLS = 100;

    private final TensorDataset data;
    private final float[] dataPoints;
    private final double[] range;

    public RunPictures(TensorDataset data) {
        this.data = data;
        if (data.sampleSize() == 2) {
            this.dataPoints = data.toRaw(Arrays.copyOf(data.data(), 2 * Math.min(POINTS, data.size())));
            this.range = range(data.toRaw(Arrays.copyOf(data.data(), 2 * Math.min(20_000, data.size()))));
        } else {
            this.dataPoints = null;
            this.range = null;
        }
    }

    @Override
    public void onStep(TrainingContext context, long step, StepMetrics metrics) {
        if (context.run() != null && step % context.config().schedule().sampleEvery() == 0 && step != context.totalSteps()) {
            snapshot(context.model(), context.run().root(), String.format("step-%07d", step));
        }
    }

    @Override
    public void onTrainingEnd(TrainingContext context) {
        if (context.run() != null && context.completed()) {
            snapshot(context.model(), context.run().root(), "final");
        }
    }

    /** The pictures tagged {@code tag} ("step-0000500", "final"); the final ones include the curves. */
    public void snapshot(EnergyGan model, Path runDir, String tag) {
        try {
            Path samples = runDir.resolve("samples");
            Files.createDirectories(samples);
            if (data.sampleSize() == 2) {
                float[] generated = model.toRaw(model.sample(POINTS, model.config().schedule().seed()));
                ScatterPlot.write(samples.resolve(tag + ".png"), data.name() + ": generated over data (" + tag + ")",
                        dataPoints, generated, range);
                writeEnergyHeatmap(model, samples.resolve(tag + "-energy.png"), "learned energy (" + tag + ")", range, dataPoints);
            } else {
                float[] x = model.sample(GRID_SAMPLES, model.config().schedule().seed());
                writeSamples(model, x, GRID_SAMPLES, samples.resolve(tag + ".png"));
            }
            if (tag.equals("final")) {
                Path metrics = runDir.resolve("metrics.jsonl");
                MetricsCurves.write(metrics, runDir.resolve("energy.png"), "mean energy of real and generated batches",
                        StepMetrics.ENERGY_REAL, StepMetrics.ENERGY_FAKE, StepMetrics.MARGIN);
                MetricsCurves.write(metrics, runDir.resolve("losses.png"), "losses",
                        StepMetrics.LOSS_D, StepMetrics.LOSS_G, StepMetrics.PULL_AWAY, CalibratedGame.ENTROPY);
                for (MetricsChart chart : model.game().charts()) {
                    MetricsCurves.write(metrics, runDir.resolve(chart.name() + ".png"), chart.title(),
                            chart.metrics().toArray(String[]::new));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pictures of " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** Samples (the networks' values) as a PNG: an image grid, or a scatter plot for 2D points. */
    public static void writeSamples(EnergyGan model, float[] samples, int n, Path png) throws IOException {
        int dim = model.config().networks().dataDim();
        if (dim == 2) {
            float[] raw = model.toRaw(samples);
            ScatterPlot.write(png, n + " generated points", new float[0], raw, range(raw));
            return;
        }
        int[] chw = model.config().networks().imageShape();
        chw = chw != null ? chw : imageShape(dim);
        ImageGrid.write(png, samples, n, chw[0], chw[1], chw[2], (int) Math.ceil(Math.sqrt(n)));
    }

    /** The learned energy on a grid over {@code range} (data units). */
    public static void writeEnergyHeatmap(EnergyGan model, Path png, String title, double[] range, float[] points)
            throws IOException {
        int n = HEATMAP_CELLS;
        float[] grid = new float[2 * n * n];
        for (int iy = 0; iy < n; iy++) {
            for (int ix = 0; ix < n; ix++) {
                grid[2 * (iy * n + ix)] = (float) (range[0] + (ix + 0.5) * (range[1] - range[0]) / n);
                grid[2 * (iy * n + ix) + 1] = (float) (range[2] + (iy + 0.5) * (range[3] - range[2]) / n);
            }
        }
        float[] energies = model.energies(model.fromRaw(grid), n * n);
        double[] values = new double[energies.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = energies[i];
        }
        Heatmap.write(png, title, values, n, n, range, points);
    }

    /** (channels, height, width) of a flattened square image of {@code dim} values. */
    public static int[] imageShape(int dim) {
        int side = (int) Math.round(Math.sqrt(dim));
        if (side * side == dim) {
            return new int[] {1, side, side};
        }
        int rgbSide = (int) Math.round(Math.sqrt(dim / 3.0));
        if (3 * rgbSide * rgbSide == dim) {
            return new int[] {3, rgbSide, rgbSide};
        }
        throw new IllegalArgumentException("cannot draw samples of " + dim + " values as square images");
    }

    /** A square box around points, 5% wider than their extent: {xMin, xMax, yMin, yMax}. */
    public static double[] range(float[] xy) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : xy) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = 0.05 * (hi - lo);
        return new double[] {lo - pad, hi + pad, lo - pad, hi + pad};
    }
}
