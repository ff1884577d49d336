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
}
