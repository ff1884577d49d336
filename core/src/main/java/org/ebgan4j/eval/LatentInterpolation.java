package org.ebgan4j.eval;

import org.ebgan4j.plot.ImageGrid;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.NoiseSource;
import org.ebgan4j.train.RunPictures;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Images along straight lines between pairs of noise vectors, the picture the BEGAN article (and
 * DCGAN's section 6.1) shows to argue that a generator has learned the data rather than memorised
 * it: along the line the images change smoothly, where a memorising generator jumps from one
 * training image to another. The jump ratio puts a number on it: the largest distance between
 * neighbouring images of a line over their mean, 1 for images that change at an even pace, up to
 * {@code steps - 1} for a line that is one jump.
 *
 * @param images {@code rows * steps} images, row-major, the networks' values
 * @param rows lines
 * @param steps images per line, the two ends included
 * @param jumpRatios each line's jump ratio
 */
public record LatentInterpolation(float[] images, int rows, int steps, double[] jumpRatios) {

    /** At most this many images in one picture. */
    public static final int MAX_IMAGES = 4096;

    /**
     * {@code rows} lines of {@code steps} noise vectors each, {@code z = (1 - t) a + t b} with
     * {@code t = j / (steps - 1)}, from the pairs {@code (a, b)} in {@code ends} (2 rows vectors of
     * {@code dim}, a then b, line after line); row-major.
     */
    public static float[] lines(float[] ends, int rows, int steps, int dim) {
        if (rows < 1 || steps < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 1 line of 2 images; got " + rows + " x " + steps);
        }
        if (ends.length != 2L * rows * dim) {
            throw new IllegalArgumentException("expected " + 2 * rows + " noise vectors of " + dim + " values, got " + ends.length
                    + " values");
        }
        float[] z = new float[rows * steps * dim];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < steps; j++) {
                double t = (double) j / (steps - 1);
                for (int d = 0; d < dim; d++) {
                    double a = ends[(2 * r) * dim + d];
                    double b = ends[(2 * r + 1) * dim + d];
                    z[(r * steps + j) * dim + d] = (float) ((1 - t) * a + t * b);
                }
            }
        }
        return z;
    }

    /** The images of {@code model} along {@code rows} lines between noise vectors drawn from {@code seed}. */
    public static LatentInterpolation of(EnergyGan model, int rows, int steps, long seed) {
        if ((long) rows * steps > MAX_IMAGES) {
            throw new IllegalArgumentException(rows + " lines of " + steps + " images are more than " + MAX_IMAGES
                    + " in one picture; ask for fewer --rows or --steps");
        }
        int dim = model.config().networks().noiseDim();
        float[] ends = new NoiseSource(seed, dim, model.config().networks().noise()).draw(2 * rows, 0, NoiseSource.PREVIEW);
        float[] images = model.generate(lines(ends, rows, steps, dim), rows * steps);
        int size = model.config().networks().dataDim();
        return new LatentInterpolation(images, rows, steps, jumpRatios(images, rows, steps, size));
    }

    /** For each line: the largest Euclidean distance between neighbouring images over the mean one (1 when none moves). */
    public static double[] jumpRatios(float[] images, int rows, int steps, int size) {
        double[] ratios = new double[rows];
        for (int r = 0; r < rows; r++) {
            double max = 0;
            double sum = 0;
            for (int j = 0; j + 1 < steps; j++) {
                double d = 0;
                int p = (r * steps + j) * size;
                for (int i = 0; i < size; i++) {
                    double diff = images[p + size + i] - images[p + i];
                    d += diff * diff;
                }
                d = Math.sqrt(d);
                max = Math.max(max, d);
                sum += d;
            }
            ratios[r] = sum == 0 ? 1 : max / (sum / (steps - 1));
        }
        return ratios;
    }

    /** The picture: one line per row, its ends at the left and right edges. */
    public void write(EnergyGan model, Path png) throws IOException {
        int dim = model.config().networks().dataDim();
        int[] chw = model.config().networks().imageShape();
        chw = chw != null ? chw : RunPictures.imageShape(dim);
        ImageGrid.write(png, images, rows * steps, chw[0], chw[1], chw[2], steps);
    }
}
