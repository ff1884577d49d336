package org.ebgan4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

class SampleWritersTest {

    @Test
    void npyHeaderIsByteForByteTheNumpyFormat() {
        byte[] h = SampleWriters.npyHeader(new long[] {2, 3});
        assertThat(h.length % 64).isZero();
        assertThat(Arrays.copyOf(h, 8)).containsExactly((byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int len = (h[8] & 0xff) | (h[9] & 0xff) << 8;
        assertThat(len).isEqualTo(h.length - 10);
        String dict = new String(h, 10, len, StandardCharsets.US_ASCII);
        assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }").endsWith(" \n");
        assertThat(new String(SampleWriters.npyHeader(new long[] {5}), StandardCharsets.US_ASCII)).contains("'shape': (5,)");
    }

    @Test
    void npyAndCsvRoundTrip(@TempDir Path dir) throws Exception {
        float[] v = {1.5f, -2f, 0.25f, 3f, 4f, -0.125f};
        Path npy = dir.resolve("s.npy");
        SampleWriters.writeNpy(npy, v, new long[] {3, 2});
        // A 10-byte preamble and a 61-character dictionary, padded to 128 bytes; then 6 floats.
        assertThat(Files.size(npy)).isEqualTo(128 + 24);
        SampleWriters.Samples back = SampleWriters.readNpy(npy);
        assertThat(back.shape()).containsExactly(3, 2);
        assertThat(back.values()).containsExactly(v);

        Path csv = dir.resolve("s.csv");
        SampleWriters.writeCsv(csv, v, 3, 2);
        assertThat(Files.readAllLines(csv)).containsExactly("1.5,-2.0", "0.25,3.0", "4.0,-0.125");
        assertThat(SampleWriters.readCsv(csv).values()).containsExactly(v);
    }

    @Test
    void badFilesGetClearErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "not numpy");
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("not a NumPy .npy file");
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("line 3 has 1 values");
        assertThatThrownBy(() -> SampleWriters.writeNpy(f, new float[3], new long[] {2, 2})).hasMessageContaining("does not hold 3");
    }
}
