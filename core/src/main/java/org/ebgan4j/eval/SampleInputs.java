package org.ebgan4j.eval;

import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunPictures;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A {@code .npy} or {@code .csv} file of samples checked against what is to read it: its shape (2D
 * points as {@code (N, 2)}; images as {@code (N, C*H*W)}, {@code (N, H, W)} for one channel or
 * {@code (N, C, H, W)}), finite values ({@link SampleWriters#read}) and, for images, the data's units,
 * pixels in [0, 1]. Images that are clearly in another common range are mapped with a one-line notice
 * on stderr: 0..255 pixels (no value below 0, the largest at least {@value #PIXELS_MIN_MAX}) are divided
 * by 255, and [-1, 1] values (the smallest at most {@value #SIGNED_MAX_MIN}) become {@code (x + 1) / 2}.
 * Anything else outside [0, 1] is refused.
 */
public final class SampleInputs {

    /** Slack around a range for rounding in other tools. */
    static final float SLACK = 1e-4f;
    /** The largest value must reach this for a file to be read as 0..255 pixels. */
    static final float PIXELS_MIN_MAX = 16f;
    /** The smallest value must reach this for a file to be read as [-1, 1]. */
    static final float SIGNED_MAX_MIN = -0.5f;

    /**
     * What reads the samples.
     *
     * @param name for messages: "this run's model", "the classifier"
     * @param dim values of one sample
     * @param chw channels, height and width of images, or {@code null} for other samples (read flat)
     * @param images whether the samples are images in [0, 1] (else points, read as they are)
     */
    public record Reader(String name, int dim, int[] chw, boolean images) {

        /** A trained run's model: 2D points, or images in [0, 1] of its networks' shape. */
        public static Reader of(EnergyGan model) {
            int dim = model.config().networks().dataDim();
            int[] chw = model.config().networks().imageShape();
            // Points are 2D (at most 3 values, as the games' defaults tell them); everything else is images.
            boolean images = dim > 3;
            if (chw == null && images) {
                try {
                    chw = RunPictures.imageShape(dim);
                } catch (IllegalArgumentException notSquare) {
                    chw = null;
                }
            }
            return new Reader("this run's model", dim, chw, images);
        }

        /** The digit classifier: grey square images. */
        public static Reader ofClassifier(int side) {
            return new Reader("the classifier", side * side, new int[] {1, side, side}, true);
        }

        String expected() {
            if (chw == null) {
                return (images ? "images of " + dim + " values" : dim == 2 ? "2D points" : dim + "-value samples") + ": an array of shape (N, " + dim + "), "
                        + dim + " values a CSV row";
            }
            int c = chw[0];
            int h = chw[1];
            int w = chw[2];
            String shapes = "(N, " + dim + ")" + (c == 1 ? ", (N, " + h + ", " + w + ")" : "") + " or (N, " + c + ", " + h + ", " + w + ")";
            return c + "x" + h + "x" + w + " images: an array of shape " + shapes + ", " + dim + " values a CSV row";
        }
    }

    private SampleInputs() {}

    /**
     * The file's samples in the data's units, row-major; notices go to {@code notices}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static float[] read(Path file, Reader reader, PrintStream notices) throws IOException {
        SampleWriters.Samples s = SampleWriters.read(file);
        requireShape(file.toString(), s, reader);
        return reader.images() ? unitRange(file, s, notices) : s.values();
    }

    /**
     * Refuses samples of another shape than the reader takes, naming {@code file} (a file, or a request
     * body), what it holds and what is expected, with a hint for channels-last and 1-D arrays.
     */
    public static void requireShape(String file, SampleWriters.Samples s, Reader reader) {
        long[] shape = s.shape();
        if (shape.length >= 2 && shape[0] > 0 && fits(Arrays.copyOfRange(shape, 1, shape.length), reader)) {
            return;
        }
        String found = s.lines() != null ? shape[0] + (shape[0] == 1 ? " row of " : " rows of ") + shape[1] + (shape[1] == 1 ? " value" : " values")
                : "an array of shape " + SampleWriters.tuple(shape);
        String hint = "";
        int[] chw = reader.chw();
        if (chw != null && shape.length == 4 && shape[3] == chw[0] && shape[1] == chw[1] && shape[2] == chw[2]) {
            hint = chw[0] > 1 ? "; it looks channels-last: reorder it with numpy.transpose(a, (0, 3, 1, 2))"
                    : "; it looks channels-last: drop the last axis with a[..., 0]";
        } else if (shape.length == 1) {
            hint = "; a 1-D array: give one sample per row";
        }
        throw new IllegalArgumentException(file + " holds " + found + "; " + reader.name() + " takes " + reader.expected() + hint);
    }

    private static boolean fits(long[] sample, Reader reader) {
        int[] chw = reader.chw();
        if (sample.length == 1) {
            return sample[0] == reader.dim();
        }
        if (chw == null) {
            return false;
        }
        if (sample.length == 2) {
            return chw[0] == 1 && sample[0] == chw[1] && sample[1] == chw[2];
        }
        return sample.length == 3 && sample[0] == chw[0] && sample[1] == chw[1] && sample[2] == chw[2];
    }

    /** The values in [0, 1]: as they are, mapped from 0..255 or [-1, 1] with a notice, or refused. */
    static float[] unitRange(Path file, SampleWriters.Samples s, PrintStream notices) {
        float[] v = s.values();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min >= -SLACK && max <= 1 + SLACK) {
            return v;
        }
        String range = "values from " + fmt(min) + " to " + fmt(max);
        float[] out = new float[v.length];
        if (min >= -SLACK && max >= PIXELS_MIN_MAX && max <= 255 + SLACK) {
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] / 255f;
            }
            notices.println("ebgan: note: " + file + " holds " + range + "; read as 0..255 pixels and divided by 255 to the data's [0, 1]");
            return out;
        }
        if (min <= SIGNED_MAX_MIN && min >= -1 - SLACK && max <= 1 + SLACK) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (v[i] + 1f) / 2f;
            }
            notices.println("ebgan: note: " + file + " holds " + range + "; read as [-1, 1] and mapped to the data's [0, 1] by (x + 1) / 2");
            return out;
        }
        int first = 0;
        while (v[first] >= -SLACK && v[first] <= 1 + SLACK) {
            first++;
        }
        throw new IllegalArgumentException(file + " holds " + range + " (" + fmt(v[first]) + " " + s.where(first)
                + "); images are read as pixels in [0, 1] (0..255 and [-1, 1] are mapped): rescale them to [0, 1]");
    }

    private static String fmt(float x) {
        return x == Math.rint(x) && Math.abs(x) < 1e7 ? String.valueOf((long) x) : Float.toString(x);
    }
}
