package org.ebgan4j.data;

import java.util.Arrays;

/**
 * An in-memory data set of equally shaped samples, stored row-major in one float array and
 * normalised for the networks (images to [-1, 1]). The affine map {@code raw = value * scale + offset}
 * takes a normalised value back to the data's own units (pixel intensity in [0, 1], or 2D coordinates).
 */
public final class TensorDataset {

    private final String name;
    private final float[] data;
    private final int[] labels;
    private final long[] sampleShape;
    private final int sampleSize;
    private final double scale;
    private final double offset;

    /**
     * @param labels one class per sample, or {@code null} when the data set has none
     * @param sampleShape the shape of one sample, for example {@code {784}} or {@code {1, 28, 28}}
     */
    public TensorDataset(String name, float[] data, int[] labels, long[] sampleShape, double scale, double offset) {
        long size = 1;
        for (long d : sampleShape) {
            size *= d;
        }
        if (size <= 0 || data.length % size != 0) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " is not a multiple of the sample size " + size);
        }
        if (labels != null && labels.length != data.length / size) {
            throw new IllegalArgumentException(
                    labels.length + " labels for " + data.length / size + " samples");
        }
        this.name = name;
        this.data = data;
        this.labels = labels;
        this.sampleShape = sampleShape.clone();
        this.sampleSize = (int) size;
        this.scale = scale;
        this.offset = offset;
    }

    /**
     * Images whose pixels were in [0, 1], stored as {@code 2p - 1}. The data set takes {@code pixels01}
     * over and rescales it in place (a loader's array can be as large as the heap allows; no copy is made).
     */
    public static TensorDataset ofUnitImages(String name, float[] pixels01, int[] labels, long[] sampleShape) {
        for (int i = 0; i < pixels01.length; i++) {
            pixels01[i] = pixels01[i] * 2f - 1f;
        }
        return new TensorDataset(name, pixels01, labels, sampleShape, 0.5, 0.5);
    }

    public String name() {
        return name;
    }

    public int size() {
        return data.length / sampleSize;
    }

    public long[] sampleShape() {
        return sampleShape.clone();
    }

    /** Number of floats in one sample. */
    public int sampleSize() {
        return sampleSize;
    }

    /** The backing array (normalised values); not copied, do not modify. */
    public float[] data() {
        return data;
    }

    /** Labels, or {@code null}. */
    public int[] labels() {
        return labels;
    }

    public boolean hasLabels() {
        return labels != null;
    }

    public double scale() {
        return scale;
    }

    public double offset() {
        return offset;
    }

    /** Copies sample {@code index} into {@code dst} at {@code dstOffset}. */
    public void copySample(int index, float[] dst, int dstOffset) {
        System.arraycopy(data, index * sampleSize, dst, dstOffset, sampleSize);
    }

    /** The samples at the given indices, in that order. */
    public TensorDataset subset(int[] indices) {
        float[] out = new float[indices.length * sampleSize];
        int[] outLabels = labels == null ? null : new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            copySample(indices[i], out, i * sampleSize);
            if (outLabels != null) {
                outLabels[i] = labels[indices[i]];
            }
        }
        return new TensorDataset(name, out, outLabels, sampleShape, scale, offset);
    }

    /** The first {@code n} samples (all when {@code n} is at least the size). */
    public TensorDataset head(int n) {
        int m = Math.min(n, size());
        int[] idx = new int[m];
        Arrays.setAll(idx, i -> i);
        return subset(idx);
    }

    /** The samples in an order shuffled by {@code seed}. */
    public TensorDataset shuffled(long seed) {
        return subset(Batches.permutation(size(), seed));
    }

    /** The samples of one class. */
    public TensorDataset withLabel(int label) {
        if (labels == null) {
            throw new IllegalStateException(name + " has no labels to select by");
        }
        return subset(java.util.stream.IntStream.range(0, size()).filter(i -> labels[i] == label).toArray());
    }

    /** Maps normalised values back to the data's own units. */
    public float[] toRaw(float[] values) {
        return toRaw(values, scale, offset);
    }

    /** Maps values in the data's own units to the normalised ones the networks see. */
    public float[] fromRaw(float[] raw) {
        return fromRaw(raw, scale, offset);
    }

    /** {@code value * scale + offset}, elementwise. */
    public static float[] toRaw(float[] values, double scale, double offset) {
        float[] raw = new float[values.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (float) (values[i] * scale + offset);
        }
        return raw;
    }

    /** {@code (raw - offset) / scale}, elementwise. */
    public static float[] fromRaw(float[] raw, double scale, double offset) {
        float[] values = new float[raw.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((raw[i] - offset) / scale);
        }
        return values;
    }
}
