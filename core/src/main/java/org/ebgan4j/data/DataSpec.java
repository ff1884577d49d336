package org.ebgan4j.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which data, from where, and how much of it; {@code raw = value * scale + offset} maps the
 * networks' values back to the data's units (pixel intensities, 2D coordinates).
 *
 * @param dataset a name that {@link Datasets} knows, or a mixture {@code .json} file
 * @param dataDir folder of the data set's files, or {@code null} for its default place
 * @param maxSamples at most this many samples (0: all; a mixture's 100K)
 * @param label train on this class only ({@code null}: all classes)
 * @param holdOut samples held out of training for evaluation (0: the data set's own test split, if any);
 *     see {@link Datasets#forTraining}
 * @param imageSize side that folder images are resized and centre-cropped to (0: the loader's default)
 * @param randomCrop side of the random patch cut from every training image each time it is used
 *     (0: none; the EBGAN paper's LSUN setting is images of 96 and patches of 64)
 * @param sha256 for a data set read from one small file (a mixture {@code .json}), the SHA-256 of its
 *     content when the run began, so that a resume refuses a file that changed ({@code null}: none)
 */
public record DataSpec(String dataset, String dataDir, int maxSamples, double scale, double offset,
        Integer label, int holdOut, int imageSize, int randomCrop, @JsonInclude(JsonInclude.Include.NON_NULL) String sha256) {

    public DataSpec {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("`dataset` is required");
        }
        if (maxSamples < 0) {
            throw new IllegalArgumentException("`maxSamples` must be 0 (all) or more, got " + maxSamples);
        }
        if (holdOut < 0) {
            throw new IllegalArgumentException("`holdOut` must be 0 or more, got " + holdOut);
        }
        if (imageSize < 0 || randomCrop < 0 || (randomCrop > 0 && imageSize > 0 && randomCrop > imageSize)) {
            throw new IllegalArgumentException("`imageSize` and `randomCrop` must be positive, the crop at most the image size; got "
                    + imageSize + " and " + randomCrop);
        }
        if (!(scale != 0) || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("the data's scale must be finite and non-zero, its offset finite; got "
                    + scale + " and " + offset);
        }
    }

    /** A data set, at most {@code maxSamples} of it, all classes, no hold-out. */
    public DataSpec(String dataset, String dataDir, int maxSamples, double scale, double offset) {
        this(dataset, dataDir, maxSamples, scale, offset, null, 0, 0, 0, null);
    }

    public DataSpec(String dataset, String dataDir, int maxSamples, double scale, double offset, Integer label, int holdOut) {
        this(dataset, dataDir, maxSamples, scale, offset, label, holdOut, 0, 0, null);
    }

    public DataSpec(String dataset, String dataDir, int maxSamples, double scale, double offset, Integer label, int holdOut,
            int imageSize, int randomCrop) {
        this(dataset, dataDir, maxSamples, scale, offset, label, holdOut, imageSize, randomCrop, null);
    }

    public DataSpec withScale(double newScale, double newOffset) {
        return new DataSpec(dataset, dataDir, maxSamples, newScale, newOffset, label, holdOut, imageSize, randomCrop, sha256);
    }

    /** This spec with the SHA-256 of its data file recorded, when the data set is one ({@link #dataFile}). */
    public DataSpec withFileHash() {
        Path file = dataFile();
        return file == null ? this : new DataSpec(dataset, dataDir, maxSamples, scale, offset, label, holdOut, imageSize, randomCrop,
                sha256(file));
    }

    /** The one file the data set is read from (a mixture {@code .json}), or {@code null} when it is a name or a folder. */
    public Path dataFile() {
        if (!dataset.endsWith(".json")) {
            return null;
        }
        Path file = Path.of(dataset);
        return Files.isRegularFile(file) ? file : null;
    }

    /** The SHA-256 of a file's content, in hex. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data folder, or {@code null}. */
    public Path dataPath() {
        return dataDir == null ? null : Path.of(dataDir);
    }

    /**
     * The training split and the held-out part of this data ({@link Datasets#forTraining}); a
     * synthetic mixture is drawn from {@code seed}, so a run sees the same points every time.
     */
    public Splits.Split load(long seed) {
        return Datasets.forTraining(dataset, dataPath(), maxSamples, label, holdOut, seed, imageSize);
    }
}
