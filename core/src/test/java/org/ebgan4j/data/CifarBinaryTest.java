package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

class CifarBinaryTest {

    /** Byte {@code i} of the pixels of record {@code r} in batch {@code b} (i = channel * 1024 + y * 32 + x). */
    static int pixel(int b, int r, int i) {
        return (b * 57 + r * 31 + i) % 256;
    }

    /** A batch file of records with the given labels and the pixels of {@link #pixel}. */
    static Path writeBatch(Path file, int b, int... labels) throws IOException {
        byte[] bytes = new byte[labels.length * CifarBinary.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int at = r * CifarBinary.RECORD_BYTES;
            bytes[at] = (byte) labels[r];
            for (int i = 0; i < CifarBinary.PIXELS; i++) {
                bytes[at + 1 + i] = (byte) pixel(b, r, i);
            }
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Training batches 1..5 with 2, 1, 1, 1, 1 records (labels 0..5) and a test batch with labels 7, 8, 9. */
    static void writeAll(Path dir) throws IOException {
        writeBatch(dir.resolve("data_batch_1.bin"), 1, 0, 1);
        for (int b = 2; b <= 5; b++) {
            writeBatch(dir.resolve("data_batch_" + b + ".bin"), b, b);
        }
        writeBatch(dir.resolve("test_batch.bin"), 6, 7, 8, 9);
    }

    static float normalised(int v) {
        return v / 255f * 2f - 1f;
    }

    @Test
    void readsTheFiveTrainingBatchesChannelFirstInMinusOneToOne(@TempDir Path dir) throws Exception {
        writeAll(dir);
        TensorDataset train = CifarBinary.loadTrain(dir, 0);
        assertThat(train.size()).isEqualTo(6);
        assertThat(train.sampleShape()).containsExactly(3L, 32L, 32L);
        assertThat(train.labels()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(train.scale()).isEqualTo(0.5);
        assertThat(train.offset()).isEqualTo(0.5);
        float[] d = train.data();
        int s = CifarBinary.PIXELS;
        // Sample 1 is record 1 of batch 1; its pixel (y=5, x=7) in red, green and blue.
        int yx = 5 * 32 + 7;
        assertThat(d[s + yx]).isEqualTo(normalised(pixel(1, 1, yx)));
        assertThat(d[s + 1024 + yx]).isEqualTo(normalised(pixel(1, 1, 1024 + yx)));
        assertThat(d[s + 2048 + yx]).isEqualTo(normalised(pixel(1, 1, 2048 + yx)));
        // Hand-computed: (57 + 31 + 1024 + 167) % 256 = 255, the brightest green, is 1.
        assertThat(pixel(1, 1, 1024 + yx)).isEqualTo(255);
        assertThat(d[s + 1024 + yx]).isEqualTo(1f);
        // Sample 5 is the only record of batch 5: its last blue pixel (y=31, x=31).
        assertThat(d[5 * s + 3071]).isEqualTo(normalised(pixel(5, 0, 3071)));
        assertThat(d[5 * s + 3071]).isEqualTo(normalised((5 * 57 + 3071) % 256));
        for (float v : d) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void maxSamplesKeepsTheFirstRecordsInFileOrder(@TempDir Path dir) throws Exception {
        writeAll(dir);
        TensorDataset all = CifarBinary.loadTrain(dir, 0);
        TensorDataset three = CifarBinary.loadTrain(dir, 3);
        assertThat(three.labels()).containsExactly(0, 1, 2);
        assertThat(three.data()).containsExactly(Arrays.copyOf(all.data(), 3 * CifarBinary.PIXELS));
        assertThat(CifarBinary.loadTrain(dir, 100).size()).isEqualTo(6);
        assertThatThrownBy(() -> CifarBinary.loadTrain(dir, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheTestBatch(@TempDir Path dir) throws Exception {
        writeAll(dir);
        TensorDataset test = CifarBinary.loadTest(dir, 0);
        assertThat(test.name()).isEqualTo("cifar10-test");
        assertThat(test.labels()).containsExactly(7, 8, 9);
        assertThat(test.data()[2 * CifarBinary.PIXELS + 1024]).isEqualTo(normalised(pixel(6, 2, 1024)));
        assertThat(CifarBinary.loadTest(dir, 2).labels()).containsExactly(7, 8);
        assertThat(CifarBinary.CLASS_NAMES.get(7)).isEqualTo("horse");
    }

    @Test
    void acceptsTheFolderThatHoldsTheUnpackedArchive(@TempDir Path dir) throws Exception {
        writeAll(dir.resolve("cifar-10-batches-bin"));
        assertThat(CifarBinary.loadTest(dir, 0).labels()).containsExactly(7, 8, 9);
        assertThat(CifarBinary.loadTrain(dir, 0).size()).isEqualTo(6);
    }

    @Test
    void cifar100BatchesAreNamedAsSuch(@TempDir Path dir) throws Exception {
        writeAll(dir);
        Files.write(dir.resolve("test_batch.bin"), new byte[3 * 3074]); // three records of CIFAR-100's size
        assertThatThrownBy(() -> CifarBinary.loadTest(dir, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("3074-byte records, as CIFAR-100's binary batches do")
                .hasMessageNotContaining("\n");
    }

    @Test
    void truncatedFileSaysSoInOneLine(@TempDir Path dir) throws Exception {
        writeAll(dir);
        Files.write(dir.resolve("data_batch_3.bin"), new byte[100], StandardOpenOption.APPEND);
        assertThatThrownBy(() -> CifarBinary.loadTrain(dir, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("data_batch_3.bin is truncated: 3173 bytes is not a whole number of 3073-byte records")
                .hasMessageContaining("cifar-10-binary.tar.gz")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFolderOrBatchSaysWhereItLookedAndHowToGetIt(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("absent");
        assertThatThrownBy(() -> CifarBinary.loadTrain(absent, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("CIFAR-10 folder " + absent + " does not exist")
                .hasMessageContaining("cifar-10-binary.tar.gz")
                .hasMessageContaining("cifar-10-batches-bin")
                .hasMessageNotContaining("\n");
        writeAll(dir);
        Files.delete(dir.resolve("data_batch_4.bin"));
        Files.delete(dir.resolve("data_batch_5.bin"));
        assertThatThrownBy(() -> CifarBinary.loadTrain(dir, 1))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no data_batch_4.bin, data_batch_5.bin in " + dir)
                .hasMessageContaining("cifar-10-binary.tar.gz")
                .hasMessageNotContaining("\n");
        Files.delete(dir.resolve("test_batch.bin"));
        assertThatThrownBy(() -> CifarBinary.loadTest(dir, 0)).hasMessageContaining("no test_batch.bin in " + dir);
    }

    @Test
    void eachSplitIsReadFromTheFolderThatHoldsAllItsFiles(@TempDir Path dir) throws Exception {
        writeAll(dir.resolve("cifar-10-batches-bin"));
        writeBatch(dir.resolve("test_batch.bin"), 1, 4, 5); // a stray test batch beside the unpacked folder
        assertThat(CifarBinary.loadTrain(dir, 0).size()).isEqualTo(6);
        assertThat(CifarBinary.loadTest(dir, 0).labels()).containsExactly(4, 5);
    }

    @Test
    void labelAboveNineIsRejected(@TempDir Path dir) throws Exception {
        writeAll(dir);
        writeBatch(dir.resolve("test_batch.bin"), 6, 3, 10);
        assertThatThrownBy(() -> CifarBinary.loadTest(dir, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("test_batch.bin record 1 has label 10, but CIFAR-10 labels are 0..9")
                .hasMessageNotContaining("\n");
    }
}
