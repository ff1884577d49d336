package org.ebgan4j.train;

import org.ebgan4j.io.SampleWriters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Generated samples in a file whose name says the format: a PNG picture, or raw values in the data's units as .npy or .csv. */
public final class SampleFiles {

    /** At most this many samples in one file. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** At most this many images in one PNG grid. */
    public static final int MAX_GRID_IMAGES = 10_000;

    private SampleFiles() {}

    /**
     * Refuses a count of samples that is not positive, that is more than {@value #MAX_SAMPLES} (or
     * {@value #MAX_GRID_IMAGES} images in a PNG grid), or that would not fit in one array of
     * {@code dim}-value samples.
     */
    public static void requireCount(int n, int dim, Path file) {
        if (n < 1) {
            throw new IllegalArgumentException("`n` must be at least 1, got " + n);
        }
        if (n > MAX_SAMPLES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "`n` %,d is more than the %,d samples one file takes; "
                    + "draw several files with different `seed` values", n, MAX_SAMPLES));
        }
        if ((long) n * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "`n` %,d samples of %,d values do not fit in one array; "
                    + "at most %,d", n, dim, (Integer.MAX_VALUE - 8) / dim));
        }
        // The samples, their copy in the data's units and the writer's buffer: about three arrays of them.
        long bytes = 12L * n * dim;
        long heap = Runtime.getRuntime().maxMemory();
        if (dim > 1 && bytes > heap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "`n` %,d samples of %,d values need about %.1f GB; this JVM "
                    + "may use %.1f GB (raise it with -Xmx, or draw fewer)", n, dim, bytes / 1e9, heap / 1e9));
        }
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        if (png && dim > 2 && n > MAX_GRID_IMAGES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "`n` %,d images are too many for one PNG grid (at most %,d); "
                    + "write .npy or .csv for more", n, MAX_GRID_IMAGES));
        }
    }

    /** Refuses a file name whose extension is not .png, .npy or .csv. */
    public static void requireSupported(Path file) {
        if (file.getFileName() == null || Files.isDirectory(file)) {
            throw new IllegalArgumentException("`out` " + file + " is a folder; give a file name ending in .png, .npy or .csv");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".npy") && !name.endsWith(".csv")) {
            throw new IllegalArgumentException("`out` must end in .png, .npy or .csv, got " + file);
        }
    }

    /** Writes {@code n} samples of {@code model} (its normalised values) to {@code file}. */
    public static void write(EnergyGan model, float[] samples, int n, Path file) throws IOException {
        requireSupported(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dim = model.config().networks().dataDim();
        if (name.endsWith(".png")) {
            RunPictures.writeSamples(model, samples, n, file);
        } else if (name.endsWith(".npy")) {
            SampleWriters.writeNpy(file, model.toRaw(samples), new long[] {n, dim});
        } else {
            SampleWriters.writeCsv(file, model.toRaw(samples), n, dim);
        }
    }
}
