package org.ebgan4j.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** MNIST-layout folders of IDX files: {@code train-images-idx3-ubyte[.gz]} and the rest. */
public final class IdxDatasets {

    /** Where Debian's {@code dataset-fashion-mnist} package installs Fashion-MNIST. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** How to get IDX files, for the errors about missing ones. */
    public static final String HOW_TO_GET = "install Fashion-MNIST with 'apt-get install dataset-fashion-mnist' (it goes to "
            + FASHION_MNIST_DIR + "), or pass `dataDir` with the IDX files (train-images-idx3-ubyte[.gz] and the rest)";

    /** Which half of the files. */
    public enum Split {
        TRAIN("train"),
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    private IdxDatasets() {}

    /** Loads one split from a folder; errors about missing files say how to get them. */
    public static TensorDataset load(Path dir, Split split, String name) {
        return load(dir, split, name, HOW_TO_GET);
    }

    /**
     * Loads one split from a folder.
     *
     * @param howToGet appended to the error when the folder or its files are missing
     */
    public static TensorDataset load(Path dir, Split split, String name, String howToGet) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("data folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist")
                    + "; " + howToGet);
        }
        Path images = find(dir, split.prefix + "-images-idx3-ubyte", howToGet);
        Path labels = find(dir, split.prefix + "-labels-idx1-ubyte", howToGet);
        return IdxReader.read(images, labels, name);
    }

    private static Path find(Path dir, String base, String howToGet) {
        for (String candidate : new String[] {base, base + ".gz", base.replace("-idx", ".idx"), base.replace("-idx", ".idx") + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DatasetException("no " + base + "[.gz] in " + dir + "; " + howToGet);
    }
}
