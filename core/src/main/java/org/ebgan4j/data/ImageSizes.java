package org.ebgan4j.data;

/**
 * Fits images to the size a network needs: channels are replicated (grey to RGB) or averaged (RGB to
 * grey); the side is changed by centred padding with the background value -1 (black in [-1, 1]) or
 * centred cropping when the two sides differ by a few pixels, an even number at most a quarter of the
 * smaller side (28x28 digits become 32x32 by 2 pixels of border, and back), and by bilinear
 * resampling otherwise (64 to 32, 32 to 64, 28 to 64). Values are channel-first, one image after the other.
 */
public final class ImageSizes {

    /** Background value of padding, in the networks' [-1, 1]. */
    public static final float BACKGROUND = -1f;

    private ImageSizes() {}

    /** The images of {@code data} (shape {@code {c, h, w}} or a flat square grey image) at {@code channels x side x side}. */
    public static TensorDataset fit(TensorDataset data, int channels, int side) {
        int[] shape = imageShape(data);
        if (shape[0] == channels && shape[1] == side && shape[2] == side) {
            return data;
        }
        if (shape[1] != shape[2]) {
            throw new DatasetException(data.name() + " holds " + shape[1] + "x" + shape[2] + " images; only square images can be fitted");
        }
        float[] out = fit(data.data(), data.size(), shape[0], shape[1], channels, side);
        return new TensorDataset(data.name(), out, data.labels(), new long[] {channels, side, side}, data.scale(), data.offset());
    }

    /** {@code {channels, height, width}} of one sample. */
    public static int[] imageShape(TensorDataset data) {
        long[] s = data.sampleShape();
        if (s.length == 3) {
            return new int[] {(int) s[0], (int) s[1], (int) s[2]};
        }
        int side = (int) Math.round(Math.sqrt(data.sampleSize()));
        if (s.length == 1 && side * side == data.sampleSize()) {
            return new int[] {1, side, side};
        }
        throw new DatasetException(data.name() + " samples of shape " + java.util.Arrays.toString(s) + " are not images");
    }

    /** n square images from {@code c x s x s} to {@code channels x side x side}. */
    public static float[] fit(float[] x, int n, int c, int s, int channels, int side) {
        if (x.length != (long) n * c * s * s) {
            throw new IllegalArgumentException("expected " + n + " images of " + c + "x" + s + "x" + s + ", got " + x.length + " values");
        }
        if (channels != c && c != 1 && channels != 1) {
            throw new IllegalArgumentException("cannot map " + c + " channels to " + channels);
        }
        long total = (long) n * channels * side * side;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " images of " + channels + "x" + side + "x" + side
                    + " do not fit in one Java array; use fewer images (`maxSamples`)");
        }
        float[] out = new float[(int) total];
        float[] plane = new float[s * s];
        float[] resized = new float[side * side];
        for (int i = 0; i < n; i++) {
            for (int oc = 0; oc < channels; oc++) {
                if (channels == c) {
                    System.arraycopy(x, (i * c + oc) * s * s, plane, 0, s * s);
                } else if (c == 1) {
                    System.arraycopy(x, i * s * s, plane, 0, s * s);
                } else {
                    java.util.Arrays.fill(plane, 0f);
                    for (int ic = 0; ic < c; ic++) {
                        int base = (i * c + ic) * s * s;
                        for (int p = 0; p < s * s; p++) {
                            plane[p] += x[base + p] / c;
                        }
                    }
                }
                resize(plane, s, resized, side);
                System.arraycopy(resized, 0, out, (i * channels + oc) * side * side, side * side);
            }
        }
        return out;
    }

    /** Whether a side changes by centred padding or cropping (a small, even change) rather than by resampling. */
    static boolean padsOrCrops(int from, int to) {
        int change = Math.abs(to - from);
        return change % 2 == 0 && change <= Math.min(from, to) / 4;
    }

    private static void resize(float[] in, int s, float[] out, int side) {
        if (s == side) {
            System.arraycopy(in, 0, out, 0, s * s);
        } else if (padsOrCrops(s, side)) {
            int shift = (side - s) / 2; // positive: pad, negative: crop
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int sy = y - shift;
                    int sx = x - shift;
                    out[y * side + x] = sy >= 0 && sy < s && sx >= 0 && sx < s ? in[sy * s + sx] : BACKGROUND;
                }
            }
        } else {
            double scale = (double) s / side;
            for (int y = 0; y < side; y++) {
                double fy = Math.min(Math.max((y + 0.5) * scale - 0.5, 0), s - 1);
                int y0 = (int) fy;
                int y1 = Math.min(y0 + 1, s - 1);
                double wy = fy - y0;
                for (int x = 0; x < side; x++) {
                    double fx = Math.min(Math.max((x + 0.5) * scale - 0.5, 0), s - 1);
                    int x0 = (int) fx;
                    int x1 = Math.min(x0 + 1, s - 1);
                    double wx = fx - x0;
                    double top = in[y0 * s + x0] * (1 - wx) + in[y0 * s + x1] * wx;
                    double bottom = in[y1 * s + x0] * (1 - wx) + in[y1 * s + x1] * wx;
                    out[y * side + x] = (float) (top * (1 - wy) + bottom * wy);
                }
            }
        }
    }
}
