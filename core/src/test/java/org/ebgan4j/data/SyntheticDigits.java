package org.ebgan4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Ten classes of 28x28 images that a small network can tell apart: class c is a vertical bar whose
 * column is 2 + 2.5c (2 pixels wide), shifted up or down by up to 3 rows, with speckle noise. For tests of classifiers and evaluation.
 */
public final class SyntheticDigits {

    public static final int SIDE = 28;

    private SyntheticDigits() {}

    /** {@code perClass} images of each class, in pixel values 0..255, and their labels. */
    static byte[][] draw(int perClass, long seed) {
        Random random = new Random(seed);
        int n = perClass * 10;
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            int column = (int) Math.round(2 + 2.5 * c);
            int top = 4 + random.nextInt(7) - 3;
            int base = i * SIDE * SIDE;
            for (int y = top; y < top + 20; y++) {
                for (int x = column; x < Math.min(SIDE, column + 2); x++) {
                    pixels[base + y * SIDE + Math.max(0, x)] = (byte) 230;
                }
            }
            for (int k = 0; k < 15; k++) {
                pixels[base + random.nextInt(SIDE * SIDE)] = (byte) (40 + random.nextInt(80));
            }
        }
        return new byte[][] {pixels, labels};
    }

    /** As a data set, normalised like the real loaders' ([-1, 1]). */
    public static TensorDataset dataset(int perClass, long seed) {
        byte[][] d = draw(perClass, seed);
        float[] unit = new float[d[0].length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = (d[0][i] & 0xff) / 255f;
        }
        int[] labels = new int[d[1].length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d[1][i];
        }
        return TensorDataset.ofUnitImages("synthetic-digits", unit, labels, new long[] {1, SIDE, SIDE});
    }

    /** MNIST-layout IDX files (raw) in {@code dir}: a training and a t10k split. */
    public static Path writeIdx(Path dir, int perClassTrain, int perClassTest, long seed) throws IOException {
        Files.createDirectories(dir);
        write(dir, "train", draw(perClassTrain, seed));
        write(dir, "t10k", draw(perClassTest, seed + 1));
        return dir;
    }

    private static void write(Path dir, String prefix, byte[][] d) throws IOException {
        int n = d[1].length;
        IdxFiles.write(dir.resolve(prefix + "-images-idx3-ubyte"), IdxFiles.images(IdxReader.IMAGES_MAGIC, n, SIDE, SIDE, d[0]), false);
        IdxFiles.write(dir.resolve(prefix + "-labels-idx1-ubyte"), IdxFiles.labels(n, d[1]), false);
    }
}
