package org.ebgan4j.train;

import org.ebgan4j.io.SampleWriters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Generated samples in a file whose name says the format: a PNG picture, or raw values in the data's units as .npy or .csv. */
public final class SampleFiles {

    private SampleFiles() {}

    /** Refuses a file name whose extension is not .png, .npy or .csv. */
    public static void requireSupported(Path file) {
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
