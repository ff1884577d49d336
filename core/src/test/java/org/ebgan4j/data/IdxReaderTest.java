package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Arrays;

class IdxReaderTest {

    /** Three 2x2 images: pixel values 0, 255 and 51 (= 0.2 * 255) everywhere, labels 7, 0, 9. */
    private static byte[] pixels() {
        byte[] p = new byte[12];
        Arrays.fill(p, 4, 8, (byte) 255);
        Arrays.fill(p, 8, 12, (byte) 51);
        return p;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsRawAndGzippedFilesWhateverTheirNames(boolean gzip, @TempDir Path dir) throws Exception {
        // The gzipped copy is deliberately named without .gz: the reader looks at the bytes.
        Path images = IdxFiles.write(dir.resolve("imgs"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels()), gzip);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), gzip);
        TensorDataset ds = IdxReader.read(images, labels, "tiny");
        assertThat(ds.size()).isEqualTo(3);
        assertThat(ds.sampleShape()).containsExactly(4L);
        assertThat(ds.labels()).containsExactly(7, 0, 9);
        float[] x = ds.data();
        assertThat(x[0]).isEqualTo(-1f);
        assertThat(x[4]).isEqualTo(1f);
        assertThat(x[8]).isCloseTo(0.2f * 2 - 1, within(1e-6f));
        assertThat(ds.toRaw(new float[] {x[8]})[0]).isCloseTo(0.2f, within(1e-6f));
        assertThat(IdxReader.imageSize(images)).containsExactly(2, 2);
    }

    @Test
    void wrongMagicNumberIsNamed(@TempDir Path dir) throws Exception {
        Path images = IdxFiles.write(dir.resolve("imgs"), IdxFiles.images(0x00000801, 3, 2, 2, pixels()), false);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), false);
        assertThatThrownBy(() -> IdxReader.read(images, labels, "tiny"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("magic number 0x00000801, expected 0x00000803");
    }

    @Test
    void truncatedDataIsReportedWithCounts(@TempDir Path dir) throws Exception {
        byte[] full = IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels());
        Path images = IdxFiles.write(dir.resolve("imgs.gz"), Arrays.copyOf(full, full.length - 5), true);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), false);
        assertThatThrownBy(() -> IdxReader.read(images, labels, "tiny"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated: expected 12 bytes of data after the header, found 7");
    }

    @Test
    void truncatedHeaderIsReported(@TempDir Path dir) throws Exception {
        Path images = IdxFiles.write(dir.resolve("imgs"), Arrays.copyOf(IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels()), 6), false);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), false);
        assertThatThrownBy(() -> IdxReader.read(images, labels, "tiny")).hasMessageContaining("truncated inside its header");
    }

    @Test
    void imageAndLabelCountsMustAgree(@TempDir Path dir) throws Exception {
        Path images = IdxFiles.write(dir.resolve("imgs"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels()), false);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(2, new byte[] {7, 0}), false);
        assertThatThrownBy(() -> IdxReader.read(images, labels, "tiny"))
                .hasMessageContaining("holds 3 images but").hasMessageContaining("holds 2 labels");
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("nope"), dir.resolve("nope2"), "tiny"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("nope does not exist");
    }

    @Test
    void labelsAboveNineAreRefusedWithTheFirstIndex(@TempDir Path dir) throws Exception {
        Path images = IdxFiles.write(dir.resolve("imgs"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels()), false);
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 10, 11}), false);
        assertThatThrownBy(() -> IdxReader.read(images, labels, "mnist"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(labels + " has label 10 at index 1 (counting from 0); mnist labels are 0 to 9");
        // Another data set may have more classes.
        assertThat(IdxReader.read(images, labels, "letters", 12).labels()).containsExactly(7, 10, 11);
    }

    @Test
    void emptyAndOverlongFilesAreRefused(@TempDir Path dir) throws Exception {
        Path labels0 = IdxFiles.write(dir.resolve("labs0"), IdxFiles.labels(0, new byte[0]), false);
        Path images0 = IdxFiles.write(dir.resolve("imgs0"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 0, 2, 2, new byte[0]), false);
        assertThatThrownBy(() -> IdxReader.read(images0, labels0, "tiny")).hasMessageContaining("imgs0 holds no images");
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), false);
        Path flat = IdxFiles.write(dir.resolve("flat"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 0, 2, new byte[0]), false);
        assertThatThrownBy(() -> IdxReader.read(flat, labels, "tiny")).hasMessageContaining("images of 0x2 pixels");
        Path longer = IdxFiles.write(dir.resolve("long"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, Arrays.copyOf(pixels(), 13)),
                true);
        assertThatThrownBy(() -> IdxReader.read(longer, labels, "tiny"))
                .hasMessageContaining("long has more data than the 12 bytes its header declares (3 x 2 x 2)");
        Path huge = IdxFiles.write(dir.resolve("huge"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 1 << 30, 1 << 30, 4, new byte[0]), false);
        assertThatThrownBy(() -> IdxReader.read(huge, labels, "tiny")).hasMessageContaining("than one array can hold");
    }

    @Test
    void corruptAndTruncatedGzipAreNamed(@TempDir Path dir) throws Exception {
        Path labels = IdxFiles.write(dir.resolve("labs"), IdxFiles.labels(3, new byte[] {7, 0, 9}), false);
        Path gz = IdxFiles.write(dir.resolve("imgs.gz"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels()), true);
        byte[] bytes = java.nio.file.Files.readAllBytes(gz);

        byte[] crc = bytes.clone();
        crc[crc.length - 8] ^= 1;
        java.nio.file.Files.write(gz, crc);
        assertThatThrownBy(() -> IdxReader.read(gz, labels, "tiny")).isInstanceOf(DatasetException.class)
                .hasMessageContaining("imgs.gz is a corrupt gzip file (Corrupt GZIP trailer)");

        byte[] method = bytes.clone();
        method[2] = 7;
        java.nio.file.Files.write(gz, method);
        assertThatThrownBy(() -> IdxReader.read(gz, labels, "tiny")).hasMessageContaining("is a corrupt gzip file");

        java.nio.file.Files.write(gz, Arrays.copyOf(bytes, bytes.length - 4));
        assertThatThrownBy(() -> IdxReader.read(gz, labels, "tiny")).hasMessageContaining("imgs.gz is truncated");
    }
}
