package org.ebgan4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

class SampleWritersTest {

    /** A version 1.0 file as NumPy 2.4 writes it: magic, version, header length, then the padded dict. */
    private static byte[] npyFile(String dict, int padTo, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat(padTo - unpadded) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    @Test
    void npyFileIsByteForByteWhatNumpyWrites(@TempDir Path dir) throws Exception {
        // np.save("x.npy", np.array([[1, -2, 0.5], [0, 3, 4]], dtype="<f4")) gives a 118-byte dict
        // ending in 58 spaces and a newline, so that the data starts at byte 128.
        byte[] expectedHeader = new byte[128];
        byte[] head = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 0x01, 0x00, 0x76, 0x00};
        System.arraycopy(head, 0, expectedHeader, 0, 10);
        byte[] dict = ("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + " ".repeat(58) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(dict, 0, expectedHeader, 10, dict.length);
        assertThat(SampleWriters.npyHeader(new long[] {2, 3})).containsExactly(expectedHeader);

        Path npy = dir.resolve("x.npy");
        SampleWriters.writeNpy(npy, new float[] {1, -2, 0.5f, 0, 3, 4}, new long[] {2, 3});
        byte[] bytes = Files.readAllBytes(npy);
        assertThat(bytes).hasSize(128 + 24);
        assertThat(java.util.Arrays.copyOf(bytes, 128)).containsExactly(expectedHeader);
        // Little-endian IEEE 754: 1.0f = 0x3f800000, -2.0f = 0xc0000000.
        assertThat(java.util.Arrays.copyOfRange(bytes, 128, 136))
                .containsExactly(0x00, 0x00, (byte) 0x80, 0x3f, 0x00, 0x00, 0x00, (byte) 0xc0);
    }

    @Test
    void oneDimensionalShapesGetPythonsTrailingComma() {
        String h = new String(SampleWriters.npyHeader(new long[] {5}), StandardCharsets.US_ASCII);
        assertThat(h).contains("'shape': (5,), }");
        assertThat(SampleWriters.npyHeader(new long[] {100_000, 1, 28, 28}).length % 64).isZero();
    }

    @Test
    void npyAndCsvRoundTrip(@TempDir Path dir) throws Exception {
        float[] v = {1.5f, -2f, 0.25f, 3f, 4f, -0.125f};
        Path npy = dir.resolve("s.npy");
        SampleWriters.writeNpy(npy, v, new long[] {3, 2});
        SampleWriters.Samples back = SampleWriters.readNpy(npy);
        assertThat(back.shape()).containsExactly(3, 2);
        assertThat(back.values()).containsExactly(v);

        Path csv = dir.resolve("s.csv");
        SampleWriters.writeCsv(csv, v, 3, 2);
        assertThat(Files.readAllLines(csv)).containsExactly("1.5,-2.0", "0.25,3.0", "4.0,-0.125");
        assertThat(SampleWriters.readCsv(csv).values()).containsExactly(v);
    }

    @Test
    void largeArraysAreWrittenInChunks(@TempDir Path dir) throws Exception {
        float[] v = new float[200_003];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.5f;
        }
        Path npy = dir.resolve("big.npy");
        SampleWriters.writeNpy(npy, v, new long[] {v.length});
        // isEqualTo compares with Arrays.equals; containsExactly would take seconds on 200K values.
        assertThat(SampleWriters.readNpy(npy).values()).isEqualTo(v);
    }

    @Test
    void readsFloat64AndBigEndianFloat32(@TempDir Path dir) throws Exception {
        ByteBuffer f8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-7);
        Path a = dir.resolve("f8.npy");
        Files.write(a, npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 128, f8.array()));
        SampleWriters.Samples s = SampleWriters.readNpy(a);
        assertThat(s.shape()).containsExactly(2);
        assertThat(s.values()).containsExactly(0.1f, -7f);

        ByteBuffer be = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(2.5f).putFloat(-1f);
        Path b = dir.resolve("be.npy");
        Files.write(b, npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (1, 2), }", 128, be.array()));
        assertThat(SampleWriters.readNpy(b).values()).containsExactly(2.5f, -1f);
    }

    @Test
    void badNpyFilesGetClearErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "not numpy");
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("not a NumPy .npy file");

        Files.write(f, npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", 128, new byte[16]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("Fortran order");

        Files.write(f, npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", 128, new byte[8]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("holds '<i4' values");

        Files.write(f, npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 128, new byte[8]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("truncated: 3 values declared, 2 present");

        byte[] whole = npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 128, new byte[12]);
        Files.write(f, java.util.Arrays.copyOf(whole, 40));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("header declares 118 bytes, 30 follow");

        assertThatThrownBy(() -> SampleWriters.writeNpy(f, new float[3], new long[] {2, 2})).hasMessageContaining("does not hold 3");
    }

    @Test
    void badCsvFilesGetClearErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("line 3 has 1 values");
        Files.writeString(csv, "x,y\n1,2\n3,oops\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("holds 'oops' on line 3, column 2, not a number");
        assertThatThrownBy(() -> SampleWriters.writeCsv(csv, new float[5], 2, 2)).hasMessageContaining("does not hold 5");
    }

    @Test
    void csvHeaderIsALineWithoutNumbersOnly(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("h.csv");
        Files.writeString(csv, "\uFEFFx,y\n\n1,2\n3,4\n");
        SampleWriters.Samples s = SampleWriters.readCsv(csv);
        assertThat(s.shape()).containsExactly(2, 2);
        assertThat(s.lines()).containsExactly(3, 4);
        assertThat(s.where(3)).isEqualTo("on line 4, column 2");
        // A first line with a number in it is data, and its typo an error, not a header skipped in silence.
        Files.writeString(csv, "0.1,O.2\n0.3,0.4\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("holds 'O.2' on line 1, column 2");
        Files.writeString(csv, "1,2,\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("an empty value on line 1, column 3");
        Files.writeString(csv, "x,y\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("has a header but no rows");
        Files.writeString(csv, "\n\n");
        assertThatThrownBy(() -> SampleWriters.readCsv(csv)).hasMessageContaining("is empty");
    }

    @Test
    void nonFiniteValuesAreRefusedWhereTheyAre(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("n.csv");
        Files.writeString(csv, "1,2\n3,NaN\n");
        assertThatThrownBy(() -> SampleWriters.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(csv + " holds NaN on line 2, column 2; only finite numbers can be read: remove or replace it");
        Files.writeString(csv, "1,-inf\n");
        assertThatThrownBy(() -> SampleWriters.read(csv)).hasMessageContaining("-inf on line 1, column 2");
        Files.writeString(csv, "1e39,0\n");
        assertThatThrownBy(() -> SampleWriters.read(csv)).hasMessageContaining("1e39 on line 1, column 1, beyond the float range");

        Path npy = dir.resolve("n.npy");
        float[] v = new float[12];
        v[7] = Float.POSITIVE_INFINITY;
        SampleWriters.writeNpy(npy, v, new long[] {6, 2});
        assertThatThrownBy(() -> SampleWriters.read(npy)).hasMessageContaining("holds Infinity at row 3, column 1 (counting from 0)");
        v[7] = 0;
        v[5] = Float.NaN;
        SampleWriters.writeNpy(npy, v, new long[] {1, 1, 3, 4});
        assertThatThrownBy(() -> SampleWriters.read(npy)).hasMessageContaining("NaN at row 0, column 5 (counting from 0; numpy index [0, 0, 1, 1])");
        ByteBuffer f8 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(-1e300);
        Files.write(npy, npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 128, f8.array()));
        assertThatThrownBy(() -> SampleWriters.read(npy)).hasMessageContaining("-1.0E300, beyond the float range");
    }

    @Test
    void structuralProblemsOfNpyFilesAreNamed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.npy");
        Files.write(f, npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 128, new byte[12]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("has 4 bytes after the 2 values of its shape (2,)");
        Files.write(f, npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 2), }", 128, new byte[0]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("empty array of shape (0, 2)");
        Files.write(f, npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 2), }", 128, new byte[0]));
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("shape (-3, 2), with a negative dimension");
        Files.write(f, new byte[0]);
        assertThatThrownBy(() -> SampleWriters.readNpy(f)).hasMessageContaining("is empty (0 bytes)");
        assertThatThrownBy(() -> SampleWriters.read(dir.resolve("absent.npy"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absent.npy does not exist");
        Path folder = Files.createDirectories(dir.resolve("folder.csv"));
        assertThatThrownBy(() -> SampleWriters.read(folder)).hasMessageContaining("folder.csv is a folder");
        assertThatThrownBy(() -> SampleWriters.read(dir.resolve("x.txt"))).hasMessageContaining("must be a .npy or .csv file");
        assertThat(SampleWriters.tuple(new long[] {5})).isEqualTo("(5,)");
        assertThat(SampleWriters.tuple(new long[] {3, 2})).isEqualTo("(3, 2)");
    }
}
