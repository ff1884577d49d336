package org.ebgan4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;


import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mini-batches of a {@link TensorDataset}, reshuffled every epoch. The order of epoch {@code e}
 * depends only on the seed and {@code e}, so a resumed run sees exactly the batches it would have
 * seen without the interruption. The last incomplete batch of an epoch is dropped, as is usual for
 * GANs whose batch statistics (batch norm, the pull-away term) need full batches.
 *
 * <p>Optionally each image is cut to a random {@code crop x crop} patch (the EBGAN paper's LSUN
 * augmentation: images resized to 96, random 64x64 patches), the offsets a function of (seed, epoch,
 * batch) as well; and the next batch can be gathered on a background thread while the caller trains
 * on the current one ({@link #prefetching}). Close a prefetching instance to stop its thread.
 */
public final class Batches implements AutoCloseable {

    private final TensorDataset dataset;
    private final int batchSize;
    private final long seed;
    private final int crop;
    private final long[] outShape;
    private int cachedEpoch = -1;
    private int[] order;
    private final ArrayUpload upload = new ArrayUpload();
    private ExecutorService prefetcher;
    private Future<float[]> pending;
    private int pendingEpoch = -1;
    private int pendingIndex = -1;

    public Batches(TensorDataset dataset, int batchSize, long seed) {
        this(dataset, batchSize, seed, 0);
    }

    /**
     * @param crop side of the random square patch cut from every image (channel-first images of at
     *     least that side), or 0 for whole samples
     */
    public Batches(TensorDataset dataset, int batchSize, long seed, int crop) {
        if (batchSize < 1 || batchSize > dataset.size()) {
            throw new IllegalArgumentException(
                    "batch size " + batchSize + " must lie in [1, " + dataset.size() + "], the data set's size");
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.seed = seed;
        this.crop = crop;
        long[] sample = dataset.sampleShape();
        if (crop > 0) {
            if (sample.length != 3 || sample[1] < crop || sample[2] < crop) {
                throw new IllegalArgumentException("random " + crop + "x" + crop + " crops need images of at least that side; "
                        + dataset.name() + " has samples of shape " + java.util.Arrays.toString(sample));
            }
            sample = new long[] {sample[0], crop, crop};
        }
        this.outShape = sample;
    }

    /** Gathers each next batch on a background thread while the current one is used; returns this. */
    public Batches prefetching() {
        if (prefetcher == null) {
            prefetcher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ebgan-batches");
                t.setDaemon(true);
                return t;
            });
        }
        return this;
    }

    /** Values per sample of a batch (the crop's, if cropping). */
    public int sampleSize() {
        int n = 1;
        for (long d : outShape) {
            n *= (int) d;
        }
        return n;
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
    public synchronized int[] indices(int epoch, int index) {
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
        float[] values;
        if (pending != null && pendingEpoch == epoch && pendingIndex == index) {
            try {
                values = pending.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("gathering batch " + index + " of epoch " + epoch + " failed: " + e.getCause(), e.getCause());
            }
        } else {
            if (pending != null) {
                pending.cancel(true); // prefetched for another batch than the one asked for
            }
            values = gather(epoch, index);
        }
        pending = null;
        if (prefetcher != null) {
            int nextIndex = index + 1 < batchesPerEpoch() ? index + 1 : 0;
            int nextEpoch = nextIndex == 0 ? epoch + 1 : epoch;
            pendingEpoch = nextEpoch;
            pendingIndex = nextIndex;
            pending = prefetcher.submit(() -> gather(nextEpoch, nextIndex));
        }
        long[] dims = new long[outShape.length + 1];
        dims[0] = batchSize;
        System.arraycopy(outShape, 0, dims, 1, outShape.length);
        return upload.upload(manager, values, new Shape(dims));
    }

    /** The values of one batch: whole samples, or random crops of them. */
    float[] gather(int epoch, int index) {
        int[] idx = indices(epoch, index);
        int n = sampleSize();
        float[] out = new float[batchSize * n];
        if (crop == 0) {
            for (int i = 0; i < idx.length; i++) {
                dataset.copySample(idx[i], out, i * n);
            }
            return out;
        }
        long[] shape = dataset.sampleShape();
        int channels = (int) shape[0];
        int height = (int) shape[1];
        int width = (int) shape[2];
        float[] all = dataset.data();
        SplittableRandom rng = new SplittableRandom(cropSeed(seed, epoch, index));
        for (int i = 0; i < idx.length; i++) {
            int y0 = rng.nextInt(height - crop + 1);
            int x0 = rng.nextInt(width - crop + 1);
            long base = (long) idx[i] * dataset.sampleSize();
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < crop; y++) {
                    System.arraycopy(all, (int) (base + ((long) c * height + y0 + y) * width + x0), out,
                            i * n + (c * crop + y) * crop, crop);
                }
            }
        }
        return out;
    }

    /** Seed of the crop offsets of one batch: (seed, epoch, index) hashed in turn, so no two triples share a stream. */
    private static long cropSeed(long seed, int epoch, int index) {
        long x = finalise(seed + 0x632BE59BD9B4E019L);
        x = finalise(x + 0x8CB92BA72F3D8DD7L * (epoch + 1L));
        return finalise(x + 0xD6E8FEB86659FD93L * (index + 1L));
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long finalise(long x) {
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return x ^ (x >>> 33);
    }

    @Override
    public void close() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
        }
        if (prefetcher != null) {
            prefetcher.shutdownNow();
            prefetcher = null;
        }
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
