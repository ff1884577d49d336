package org.ebgan4j.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary version of CIFAR-10: a folder {@code cifar-10-batches-bin} of {@code data_batch_1.bin} ..
 * {@code data_batch_5.bin} (50,000 training images) and {@code test_batch.bin} (10,000). Each record is
 * one label byte (0..9) and 3072 pixel bytes: the 1024 red, then 1024 green, then 1024 blue values of a
 * 32x32 image, row-major. That is already channel-first, so samples keep the shape {@code {3, 32, 32}}.
 */
public final class CifarBinary {

    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int PIXELS = CHANNELS * SIDE * SIDE;
    /** One label byte, then the pixels. */
    public static final int RECORD_BYTES = 1 + PIXELS;
    public static final int CLASSES = 10;
    /** The class names, in label order (from {@code batches.meta.txt}). */
    public static final List<String> CLASS_NAMES = List.of(
            "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");

    /** The folder the archive unpacks to; accepted inside the folder given, too. */
    public static final String BATCHES_DIR = "cifar-10-batches-bin";
    public static final List<String> TRAIN_FILES = List.of(
            "data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    public static final List<String> TEST_FILES = List.of("test_batch.bin");

    static final String HOW_TO_GET = "download the binary version, cifar-10-binary.tar.gz, from "
            + "https://www.cs.toronto.edu/~kriz/cifar.html and unpack it with 'tar xzf cifar-10-binary.tar.gz' to get "
            + BATCHES_DIR;

    private CifarBinary() {}

    /** The training batches; {@code maxSamples} 0 reads all 50,000, otherwise the first ones in file order. */
    public static TensorDataset loadTrain(Path dir, int maxSamples) {
        return load(dir, TRAIN_FILES, maxSamples, "cifar10-train");
    }

    /** The test batch; {@code maxSamples} 0 reads all 10,000, otherwise the first ones. */
    public static TensorDataset loadTest(Path dir, int maxSamples) {
        return load(dir, TEST_FILES, maxSamples, "cifar10-test");
    }

    /** {@code dir} itself when it holds all of {@code names}, else its {@code cifar-10-batches-bin} when that does. */
    static Path batchesDir(Path dir, List<String> names) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("CIFAR-10 folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist")
                    + "; " + HOW_TO_GET);
        }
        Path inner = dir.resolve(BATCHES_DIR);
        boolean here = names.stream().allMatch(n -> Files.isRegularFile(dir.resolve(n)));
        boolean there = names.stream().allMatch(n -> Files.isRegularFile(inner.resolve(n)));
        return !here && there ? inner : dir;
    }

    private static TensorDataset load(Path dir, List<String> names, int maxSamples, String name) {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must be 0 (all) or positive, not " + maxSamples);
        }
        Path batches = batchesDir(dir, names);
        // All files are checked before any is read, so that a partial download fails at once and whole,
        // instead of silently training on fewer images.
        List<String> missing = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String file : names) {
            Path p = batches.resolve(file);
            if (!Files.isRegularFile(p)) {
                missing.add(file);
            }
            files.add(p);
        }
        if (!missing.isEmpty()) {
            String also = Files.isDirectory(dir.resolve(BATCHES_DIR)) ? " (nor all of them in " + dir.resolve(BATCHES_DIR) + ")"
                    : "";
            throw new DatasetException("no " + String.join(", ", missing) + " in " + batches + also + "; " + HOW_TO_GET);
        }
        long[] records = new long[files.size()];
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            records[f] = recordCount(files.get(f));
            total += records[f];
        }
        long wanted = maxSamples == 0 ? total : Math.min(maxSamples, total);
        if (wanted * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DatasetException(wanted + " CIFAR-10 images are more than one array can hold; pass a smaller maxSamples");
        }
        int n = (int) wanted;
        float[] pixels = new float[n * PIXELS];
        int[] labels = new int[n];
        int at = 0;
        for (int f = 0; f < files.size() && at < n; f++) {
            int take = (int) Math.min(records[f], n - at);
            readRecords(files.get(f), take, pixels, labels, at);
            at += take;
        }
        return TensorDataset.ofUnitImages(name, pixels, labels, new long[] {CHANNELS, SIDE, SIDE});
    }

    private static long recordCount(Path file) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes % RECORD_BYTES != 0) {
            if (bytes % (RECORD_BYTES + 1) == 0) {
                throw new DatasetException(file + " holds " + (RECORD_BYTES + 1) + "-byte records, as CIFAR-100's binary "
                        + "batches do; ebgan4j reads CIFAR-10 (1 label byte + 3072 pixels per record)");
            }
            throw new DatasetException(file + " is truncated: " + bytes + " bytes is not a whole number of "
                    + RECORD_BYTES + "-byte records; " + HOW_TO_GET + " again");
        }
        if (bytes == 0) {
            throw new DatasetException(file + " is empty; " + HOW_TO_GET + " again");
        }
        return bytes / RECORD_BYTES;
    }

    /** Reads the first {@code count} records of {@code file} into sample slots {@code at ..}. */
    private static void readRecords(Path file, int count, float[] pixels, int[] labels, int at) {
        byte[] record = new byte[RECORD_BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int r = 0; r < count; r++) {
                if (in.readNBytes(record, 0, RECORD_BYTES) != RECORD_BYTES) {
                    throw new DatasetException(file + " is truncated: it ended inside record " + r + "; " + HOW_TO_GET + " again");
                }
                int label = record[0] & 0xff;
                if (label >= CLASSES) {
                    throw new DatasetException(file + " record " + r + " has label " + label
                            + ", but CIFAR-10 labels are 0..9; is it a CIFAR-10 binary batch (CIFAR-100's has two label bytes)?");
                }
                labels[at + r] = label;
                int base = (at + r) * PIXELS;
                for (int i = 0; i < PIXELS; i++) {
                    pixels[base + i] = (record[1 + i] & 0xff) / 255f;
                }
            }
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
