package org.ebgan4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.ebgan4j.nn.ArrayUpload;

import java.util.SplittableRandom;

/**
 * Mini-batches of a {@link TensorDataset}, reshuffled every epoch. The order of epoch {@code e}
 * depends only on the seed and {@code e}, so a resumed run sees exactly the batches it would have
 * seen without the interruption. The last incomplete batch of an epoch is dropped, as is usual for
 * GANs whose batch statistics (batch norm, the pull-away term) need full batches.
 */
public final class Batches {

    private final TensorDataset dataset;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] order;
    private final float[] buffer;
    private final ArrayUpload upload = new ArrayUpload();

    public Batches(TensorDataset dataset, int batchSize, long seed) {
        if (batchSize < 1 || batchSize > dataset.size()) {
            throw new IllegalArgumentException(
                    "batch size " + batchSize + " must lie in [1, " + dataset.size() + "], the data set's size");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.buffer = new float[batchSize * dataset.sampleSize()];
    }

    public int batchesPerEpoch() {
        return dataset.size() / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public TensorDataset dataset() {
        return dataset;
    }

    /** The sample indices of batch {@code index} in epoch {@code epoch}. */
    public int[] indices(int epoch, int index) {
        if (epoch != cachedEpoch) {
            order = permutation(dataset.size(), seed * 0x9E3779B97F4A7C15L + epoch);
            cachedEpoch = epoch;
        }
        int[] idx = new int[batchSize];
        System.arraycopy(order, index * batchSize, idx, 0, batchSize);
        return idx;
    }

    /** Batch {@code index} of epoch {@code epoch} as an array of shape (batch, sample shape...). */
    public NDArray batch(NDManager manager, int epoch, int index) {
        int[] idx = indices(epoch, index);
        int n = dataset.sampleSize();
        for (int i = 0; i < idx.length; i++) {
            dataset.copySample(idx[i], buffer, i * n);
        }
        long[] dims = new long[dataset.sampleShape().length + 1];
        dims[0] = batchSize;
        System.arraycopy(dataset.sampleShape(), 0, dims, 1, dims.length - 1);
        return upload.upload(manager, buffer, new Shape(dims));
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
