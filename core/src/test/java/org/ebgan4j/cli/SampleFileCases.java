package org.ebgan4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Catalogue section: files of samples given to {@code energy --data} and {@code eval --samples}, and
 * the values of {@code energy}, {@code eval} and {@code sample} that go with them. The 2D run takes
 * (N, 2) points; the image run and the classifier take 1x28x28 images in [0, 1].
 */
final class SampleFileCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "sample files";

    private final List<BadInput> cases = new ArrayList<>();
    private CatalogueFixtures f;

    @Override
    public List<BadInput> cases(CatalogueFixtures fixtures) throws IOException {
        f = fixtures;
        pointFiles();
        imageFiles();
        npyStructure();
        csvStructure();
        evalSamples();
        commandValues();
        return cases;
    }

    /** Files scored by the 2D run: the shape must be (N, 2), every value finite. */
    private void pointFiles() throws IOException {
        energy2d("a (100, 10) array for a 2D model", "(100, 10)", npy("<f4", "(100, 10)", floats(1000, 0.1f)));
        energy2d("a (100, 3) array for a 2D model", "(100, 3)", npy("<f4", "(100, 3)", floats(300, 0.1f)));
        energy2d("a 1-D array of 200 values", "(200,)", npy("<f4", "(200,)", floats(200, 0.1f)));
        energy2d("a (10, 2, 1) array", "(10, 2, 1)", npy("<f4", "(10, 2, 1)", floats(20, 0.1f)));
        energy2d("a (5, 1, 2) array", "(5, 1, 2)", npy("<f4", "(5, 1, 2)", floats(10, 0.1f)));
        energy2d("a CSV of 3 columns", "4 rows of 3 values", csv("1,2,3\n4,5,6\n7,8,9\n1,1,1\n"));
        energy2d("a CSV of 1 column", "3 rows of 1 value", csv("1\n2\n3\n"));
        float[] nan = floats(20, 0.5f);
        nan[7] = Float.NaN;
        energy2d("NaN in a .npy", "NaN at row 3, column 1", npy("<f4", "(10, 2)", nan));
        float[] inf = floats(20, 0.5f);
        inf[4] = Float.POSITIVE_INFINITY;
        energy2d("+inf in a .npy", "Infinity at row 2, column 0", npy("<f4", "(10, 2)", inf));
        float[] negInf = floats(20, 0.5f);
        negInf[19] = Float.NEGATIVE_INFINITY;
        energy2d("-inf in a .npy", "-Infinity at row 9, column 1", npy("<f4", "(10, 2)", negInf));
        energy2d("a float64 beyond the float range", "beyond the float range",
                npy("<f8", "(2, 2)", doubles(1, 2, 1e39, 4)));
        energy2d("NaN in a CSV", "NaN on line 4, column 2", csv("x,y\n1,2\n3,4\n5,NaN\n"));
        energy2d("inf in a CSV", "inf on line 2, column 1", csv("1,2\ninf,4\n"));
        energy2d("-Infinity in a CSV", "-Infinity on line 1, column 2", csv("1,-Infinity\n3,4\n"));
        energy2d("a CSV value beyond the float range", "1e39 on line 2, column 2", csv("1,2\n3,1e39\n"));
    }

    /** Files scored by the image run: (N, 784), (N, 28, 28) or (N, 1, 28, 28), values in [0, 1] (or clearly 0..255 or [-1, 1]). */
    private void imageFiles() throws IOException {
        energyImage("images transposed, (784, 10)", "(784, 10)", npy("<f4", "(784, 10)", floats(7840, 0.001f)));
        energyImage("channels last, (10, 28, 28, 1)", "(10, 28, 28, 1)", npy("<f4", "(10, 28, 28, 1)", floats(7840, 0.001f)));
        energyImage("3 channels for a grey model", "(2, 3, 28, 28)", npy("<f4", "(2, 3, 28, 28)", floats(2 * 3 * 784, 0.0001f)));
        energyImage("32x32 images for a 28x28 model", "(3, 32, 32)", npy("<f4", "(3, 32, 32)", floats(3 * 1024, 0.0001f)));
        energyImage("rows of 783 values", "2 rows of 783 values", csv(row(783, "0.5") + row(783, "0.5")));
        energyImage("2D points for an image model", "(50, 2)", npy("<f4", "(50, 2)", floats(100, 0.01f)));
        energyImage("values up to 1.5", "values from 0 to 1.5", npy("<f4", "(2, 784)", ramp(1568, 0, 1.5f)));
        energyImage("values in [-3, 3]", "values from -3 to 3", npy("<f4", "(2, 784)", ramp(1568, -3, 3)));
        energyImage("pixels up to 300", "values from 0 to 300", npy("<f4", "(2, 784)", ramp(1568, 0, 300)));
        energyImage("values from -0.2 to 1", "values from -0.2", npy("<f4", "(2, 784)", ramp(1568, -0.2f, 1)));
        energyImage("values from -1 to 2", "values from -1 to 2", npy("<f4", "(2, 784)", ramp(1568, -1, 2)));
        float[] nan = floats(1568, 0.0005f);
        nan[784 + 100] = Float.NaN;
        energyImage("NaN in an image", "NaN at row 1, column 100", npy("<f4", "(2, 784)", nan));
        float[] nan4 = floats(1568, 0.0005f);
        nan4[784 + 28 * 5 + 7] = Float.NaN;
        energyImage("NaN in a 4-D image array", "numpy index [1, 0, 5, 7]", npy("<f4", "(2, 1, 28, 28)", nan4));
    }

    /** Malformed .npy files. */
    private void npyStructure() throws IOException {
        energy2d("an empty .npy (0 bytes)", "0 bytes", f.bytes(".npy", new byte[0]));
        energy2d("a text file named .npy", "bad magic", f.text(".npy", "x,y\n1,2\n"));
        energy2d("a .npy cut inside its header", "truncated inside its .npy header",
                f.bytes(".npy", Arrays.copyOf(npyBytes("<f4", "(2, 2)", floats(4, 1)), 7)));
        energy2d("a .npy whose header is cut", "header declares 118 bytes",
                f.bytes(".npy", Arrays.copyOf(npyBytes("<f4", "(2, 2)", floats(4, 1)), 40)));
        byte[] v4 = npyBytes("<f4", "(2, 2)", floats(4, 1));
        v4[6] = 4;
        energy2d("a .npy of format version 4", "format version 4", f.bytes(".npy", v4));
        energy2d("int32 values", "'<i4'", f.bytes(".npy", npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }",
                new byte[16])));
        energy2d("uint8 values", "'|u1'", f.bytes(".npy", npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 2), }",
                new byte[4])));
        energy2d("float16 values", "'<f2'", f.bytes(".npy", npyFile("{'descr': '<f2', 'fortran_order': False, 'shape': (2, 2), }",
                new byte[8])));
        energy2d("an object array", "unreadable .npy header",
                f.bytes(".npy", npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }", new byte[32])));
        energy2d("a structured dtype", "unreadable .npy header",
                f.bytes(".npy", npyFile("{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (2,), }",
                        new byte[16])));
        energy2d("Fortran order", "Fortran order",
                f.bytes(".npy", npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", bytes(floats(4, 1)))));
        energy2d("fewer values than the shape", "truncated: 20 values declared, 12 present",
                f.bytes(".npy", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 2), }", bytes(floats(12, 1)))));
        energy2d("more values than the shape", "8 bytes after the 20 values",
                f.bytes(".npy", npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (10, 2), }", bytes(floats(22, 1)))));
        energy2d("an empty array, shape (0, 2)", "empty array of shape (0, 2)", npy("<f4", "(0, 2)", new float[0]));
        energy2d("an unreadable shape", "unreadable shape", npy("<f4", "('a', 2)", floats(4, 1)));
        energy2d("a negative dimension", "negative dimension", npy("<f4", "(-1, 2)", floats(4, 1)));
        energy2d("a shape too large for memory", "too large for one float array",
                npy("<f4", "(100000, 100000)", floats(4, 1)));
        energy2d("a missing .npy", "does not exist", f.fresh(".npy"));
        Path folder = Files.createDirectories(f.fresh(".npy"));
        energy2d("a folder named .npy", "is a folder", folder);
    }

    /** Malformed CSV files. */
    private void csvStructure() throws IOException {
        energy2d("ragged rows", "line 3 has 3 values", csv("1,2\n3,4\n5,6,7\n"));
        energy2d("a word among numbers", "'abc' on line 2, column 1", csv("1,2\nabc,4\n"));
        energy2d("an empty cell", "an empty value on line 2, column 2", csv("1,2\n3,\n"));
        energy2d("semicolons between values", "separate values by commas", csv("1;2\n3;4\n5;6\n"));
        energy2d("a typo in the first row", "'O.2' on line 1, column 2", csv("0.1,O.2\n0.3,0.4\n"));
        energy2d("a header and no rows", "has a header but no rows", csv("x,y\n"));
        energy2d("an empty CSV", "is empty", csv(""));
        energy2d("a CSV of blank lines", "is empty", csv("\n  \n\n"));
        energy2d("a number with a Java suffix", "'1.5f' on line 1, column 1", csv("1.5f,2\n"));
        energy2d("a missing .csv", "does not exist", f.fresh(".csv"));
    }

    /** Files given to {@code eval --samples}, read by the classifier (28x28 grey images). */
    private void evalSamples() throws IOException {
        eval("points given to the classifier", "(10, 2)", npy("<f4", "(10, 2)", floats(20, 0.01f)));
        eval("one image only", "holds 1 image", npy("<f4", "(1, 784)", floats(784, 0.001f)));
        eval("32x32 images for the classifier", "(4, 1, 32, 32)", npy("<f4", "(4, 1, 32, 32)", floats(4096, 0.0001f)));
        float[] nan = floats(3 * 784, 0.0003f);
        nan[2 * 784 + 3] = Float.NaN;
        eval("NaN in a sample image", "NaN at row 2, column 3", npy("<f4", "(3, 784)", nan));
        eval("values up to 1000", "values from 0 to 1000", npy("<f4", "(3, 784)", ramp(3 * 784, 0, 1000)));
        eval("a CSV of ragged image rows", "line 2 has 700 values", csv(row(784, "0.1") + row(700, "0.1")));
        eval("a missing samples file", "does not exist", f.fresh(".npy"));
        cases.add(BadInput.of(GROUP, "eval: samples as .txt", "must be a .npy or .csv file", "eval", "--samples",
                f.text(".txt", "0.5\n").toString(), "--classifier", f.classifier.toString()));
        Path ok = npy("<f4", "(3, 784)", floats(3 * 784, 0.0003f));
        for (String[] flag : new String[][] {{"--n", "500"}, {"--seed", "3"}, {"--rank-size", "10"}, {"--probe-seeds", "2"}}) {
            cases.add(BadInput.of(GROUP, "eval: " + flag[0] + " with --samples", flag[0] + " " + flag[1] + " applies to --run",
                    "eval", "--samples", ok.toString(), "--classifier", f.classifier.toString(), flag[0], flag[1]));
        }
        cases.add(BadInput.of(GROUP, "eval: --dataset with --run", "--dataset picks the classifier of --samples", "eval", "--run",
                f.runImage.toString(), "--dataset", "mnist", "--out", f.out("-eval")));
        Path badReport = Files.createDirectories(f.fresh("-evaluated"));
        Files.writeString(badReport.resolve("eval.json"), "{\"source\": \"x\", \"fid\": \"high\"}");
        cases.add(BadInput.of(GROUP, "compare: a malformed eval.json", "eval.json is not an evaluation report", "compare",
                badReport.toString()));
    }

    /** Values of energy, eval and sample that are out of range or do nothing. */
    private void commandValues() throws IOException {
        Path points = npy("<f4", "(4, 2)", floats(8, 0.5f));
        String run2d = f.run2d.toString();
        cases.add(BadInput.of(GROUP, "energy: --test with a file", "--test applies to a data set", "energy", "--run", run2d,
                "--data", points.toString(), "--test"));
        cases.add(BadInput.of(GROUP, "energy: --data-dir with a file", "--data-dir applies to a data set", "energy", "--run", run2d,
                "--data", points.toString(), "--data-dir", f.idx.toString()));
        cases.add(BadInput.of(GROUP, "energy: --max-samples -5", "--max-samples must be 0 (all) or more, got -5", "energy", "--run",
                run2d, "--data", points.toString(), "--max-samples", "-5"));
        cases.add(BadInput.of(GROUP, "energy: --out not a CSV", "does not end in .csv", "energy", "--run", run2d, "--data",
                points.toString(), "--out", f.out(".npy")));
        cases.add(BadInput.of(GROUP, "energy: --out a folder", "is a folder", "energy", "--run", run2d, "--data", points.toString(),
                "--out", Files.createDirectories(f.fresh(".csv")).toString()));
        String runImage = f.runImage.toString();
        String[][] evalValues = {
            {"--n", "0", "--n must lie in 2..200,000, got 0"},
            {"--n", "-10", "got -10"},
            {"--n", "2147483647", "got 2147483647"},
            {"--rank-size", "1", "--rank-size must lie in 2..200,000, got 1"},
            {"--rank-size", "2147483647", "--rank-size must lie in 2..200,000"},
            {"--probe-seeds", "0", "--probe-seeds must lie in 1..1,000, got 0"},
            {"--probe-seeds", "2147483647", "--probe-seeds must lie in 1..1,000"},
        };
        for (String[] v : evalValues) {
            cases.add(BadInput.of(GROUP, "eval: " + v[0] + " " + v[1], v[2], "eval", "--run", runImage, "--classifier",
                    f.classifier.toString(), v[0], v[1], "--out", f.out("-eval")));
        }
        cases.add(BadInput.of(GROUP, "sample: --n 2147483647", "--n 2,147,483,647 is more than the 1,000,000 samples", "sample",
                "--run", run2d, "--n", "2147483647", "--out", f.out(".npy")));
        cases.add(BadInput.of(GROUP, "sample: --n 0", "--n must be at least 1, got 0", "sample", "--run", run2d, "--n", "0",
                "--out", f.out(".npy")));
        cases.add(BadInput.of(GROUP, "sample: --n -3", "got -3", "sample", "--run", run2d, "--n", "-3", "--out", f.out(".csv")));
        cases.add(BadInput.of(GROUP, "sample: --n 5000000", "5,000,000", "sample", "--run", runImage, "--n", "5000000",
                "--out", f.out(".npy")));
        cases.add(BadInput.of(GROUP, "sample: a PNG grid of 20,000 images", "too many for one PNG grid", "sample", "--run", runImage,
                "--n", "20000", "--out", f.out(".png")));
        cases.add(BadInput.of(GROUP, "sample: --out a folder", "is a folder", "sample", "--run", run2d, "--out",
                Files.createDirectories(f.fresh(".png")).toString()));
        cases.add(BadInput.of(GROUP, "sample: --out .txt", "must end in .png, .npy or .csv", "sample", "--run", run2d, "--out",
                f.out(".txt")));
    }

    private void energy2d(String name, String mentions, Path file) {
        cases.add(BadInput.of(GROUP, "energy, 2D run: " + name, mentions, "energy", "--run", f.run2d.toString(), "--data",
                file.toString(), "--out", f.out(".csv")));
    }

    private void energyImage(String name, String mentions, Path file) {
        cases.add(BadInput.of(GROUP, "energy, image run: " + name, mentions, "energy", "--run", f.runImage.toString(), "--data",
                file.toString(), "--out", f.out(".csv")));
    }

    private void eval(String name, String mentions, Path file) {
        cases.add(BadInput.of(GROUP, "eval --samples: " + name, mentions, "eval", "--samples", file.toString(), "--classifier",
                f.classifier.toString(), "--out", f.out("-eval")));
    }

    private Path npy(String descr, String shape, float[] values) throws IOException {
        return f.bytes(".npy", npyBytes(descr, shape, values));
    }

    static byte[] npyBytes(String descr, String shape, float[] values) {
        return npyFile("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", bytes(values));
    }

    private Path npy(String descr, String shape, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return f.bytes(".npy", npyFile("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }", b.array()));
    }

    private Path csv(String text) throws IOException {
        return f.text(".csv", text);
    }

    /** A version 1.0 .npy file: magic, version, header length, the dict padded to 64 bytes, then {@code data}. */
    static byte[] npyFile(String dict, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), (byte) (header.length() >> 8)});
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] bytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** {@code n} values {@code 0, step, 2 step, ...}. */
    static float[] floats(int n, float step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * step;
        }
        return v;
    }

    private static double[] doubles(double... v) {
        return v;
    }

    /** {@code n} values evenly from {@code lo} to {@code hi}, both included. */
    static float[] ramp(int n, float lo, float hi) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * i / (n - 1);
        }
        v[n - 1] = hi;
        return v;
    }

    private static String row(int n, String value) {
        return String.join(",", java.util.Collections.nCopies(n, value)) + "\n";
    }
}
