package org.ebgan4j.distributed;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Generated digit images in MNIST's IDX layout: a bar per class at a class-specific angle, with noise. */
final class Digits {

    private Digits() {}

    static Path writeIdx(Path dir, int perClassTrain, int perClassTest) throws IOException {
        Files.createDirectories(dir);
        write(dir, "train", perClassTrain, 1);
        write(dir, "t10k", perClassTest, 2);
        return dir;
    }

    private static void write(Path dir, String prefix, int perClass, long seed) throws IOException {
        int n = perClass * 10;
        byte[] images = new byte[n * 784];
        byte[] labels = new byte[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels[i] = (byte) c;
            double angle = Math.PI * c / 10;
            for (int t = -10; t <= 10; t++) {
                int x = (int) Math.round(14 + t * Math.cos(angle) + r.nextGaussian() * 0.5);
                int y = (int) Math.round(14 + t * Math.sin(angle) + r.nextGaussian() * 0.5);
                if (x >= 0 && x < 28 && y >= 0 && y < 28) {
                    images[i * 784 + y * 28 + x] = (byte) 255;
                }
            }
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")); DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x803);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            out.write(images);
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")); DataOutputStream out = new DataOutputStream(o)) {
            out.writeInt(0x801);
            out.writeInt(n);
            out.write(labels);
        }
    }
}
