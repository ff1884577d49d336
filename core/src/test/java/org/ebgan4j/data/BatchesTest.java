package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

class BatchesTest {

    private static TensorDataset counting(int n) {
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
        }
        return new TensorDataset("count", x, null, new long[] {2}, 1, 0);
    }

    @Test
    void everySampleOncePerEpochInASeededOrder() {
        Batches b = new Batches(counting(10), 3, 42);
        assertThat(b.batchesPerEpoch()).isEqualTo(3);
        int[] seen = new int[10];
        for (int i = 0; i < 3; i++) {
            for (int idx : b.indices(0, i)) {
                seen[idx]++;
            }
        }
        // Nine drawn once each, the dropped remainder not at all.
        assertThat(Arrays.stream(seen).sum()).isEqualTo(9);
        assertThat(seen).containsOnly(0, 1);
        Batches again = new Batches(counting(10), 3, 42);
        assertThat(again.indices(1, 2)).containsExactly(b.indices(1, 2));
        assertThat(b.indices(0, 0)).isNotEqualTo(b.indices(1, 0));
    }

    @Test
    void everyEpochIsAPermutationReproducibleFromTheSeed() {
        Batches b = new Batches(counting(12), 4, 7);
        Batches same = new Batches(counting(12), 4, 7);
        Batches other = new Batches(counting(12), 4, 8);
        int[] previous = null;
        for (int epoch = 0; epoch < 5; epoch++) {
            int[] order = new int[12];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(b.indices(epoch, i), 0, order, 4 * i, 4);
                assertThat(same.indices(epoch, i)).containsExactly(b.indices(epoch, i));
            }
            assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(order).isNotEqualTo(previous);
            previous = order;
        }
        assertThat(other.indices(0, 0)).isNotEqualTo(b.indices(0, 0));
        assertThat(Batches.permutation(1000, 3)).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 1000).toArray());
    }

    @Test
    void batchArraysHoldTheIndexedSamples() {
        Batches b = new Batches(counting(10), 4, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = b.batch(m, 2, 1);
            assertThat(x.getShape().getShape()).containsExactly(4, 2);
            int[] idx = b.indices(2, 1);
            float[] v = x.toFloatArray();
            for (int i = 0; i < 4; i++) {
                assertThat(v[2 * i]).isEqualTo((float) idx[i]);
                assertThat(v[2 * i + 1]).isEqualTo((float) -idx[i]);
            }
        }
    }

    @Test
    void rejectsABatchLargerThanTheData() {
        assertThatThrownBy(() -> new Batches(counting(5), 6, 0)).hasMessageContaining("batch size 6");
    }

    /** Images of 2 channels, 6x5 pixels, whose values encode (image, channel, row, column). */
    private static TensorDataset coded(int n) {
        float[] x = new float[n * 2 * 6 * 5];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 6; y++) {
                    for (int z = 0; z < 5; z++) {
                        x[((i * 2 + c) * 6 + y) * 5 + z] = i * 1000 + c * 100 + y * 10 + z;
                    }
                }
            }
        }
        return new TensorDataset("coded", x, null, new long[] {2, 6, 5}, 1, 0);
    }

    @Test
    void randomCropsAreContiguousWindowsOfTheSameImageInEveryChannel() {
        Batches b = new Batches(coded(8), 4, 3, 3);
        assertThat(b.sampleSize()).isEqualTo(2 * 3 * 3);
        java.util.Set<Float> corners = new java.util.HashSet<>();
        for (int batch = 0; batch < 2; batch++) {
            float[] v = b.gather(0, batch);
            int[] idx = b.indices(0, batch);
            for (int i = 0; i < 4; i++) {
                float corner = v[i * 18];
                corners.add(corner % 1000);
                assertThat((int) corner / 1000).isEqualTo(idx[i]);
                for (int c = 0; c < 2; c++) {
                    for (int y = 0; y < 3; y++) {
                        for (int z = 0; z < 3; z++) {
                            assertThat(v[i * 18 + (c * 3 + y) * 3 + z]).isEqualTo(corner + c * 100 + y * 10 + z);
                        }
                    }
                }
            }
        }
        assertThat(corners).as("offsets vary").hasSizeGreaterThan(1);
        assertThat(new Batches(coded(8), 4, 3, 3).gather(1, 1)).containsExactly(b.gather(1, 1));
        assertThat(new Batches(coded(8), 4, 4, 3).gather(1, 1)).isNotEqualTo(b.gather(1, 1));
        assertThatThrownBy(() -> new Batches(coded(8), 4, 3, 6)).hasMessageContaining("random 6x6 crops need images of at least that side");
    }

    @Test
    void prefetchingGivesTheSameBatchesAsGatheringInLine() {
        try (NDManager m = NDManager.newBaseManager(); Batches plain = new Batches(coded(10), 3, 5, 4);
                Batches ahead = new Batches(coded(10), 3, 5, 4).prefetching()) {
            for (int epoch = 0; epoch < 2; epoch++) {
                for (int i = 0; i < plain.batchesPerEpoch(); i++) {
                    NDArray a = plain.batch(m, epoch, i);
                    NDArray c = ahead.batch(m, epoch, i);
                    assertThat(c.getShape()).isEqualTo(new ai.djl.ndarray.types.Shape(3, 2, 4, 4));
                    assertThat(c.toFloatArray()).containsExactly(a.toFloatArray());
                }
            }
            // Out of order (a resume): the prefetched batch is not used, the asked one is gathered.
            assertThat(ahead.batch(m, 0, 2).toFloatArray()).containsExactly(plain.batch(m, 0, 2).toFloatArray());
        }
    }
}
