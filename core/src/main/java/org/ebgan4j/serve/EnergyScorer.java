package org.ebgan4j.serve;

import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.RunFolder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained run's energy as a scoring function for applications: rows in the data's units (pixels
 * in [0, 1], 2D coordinates) in, one energy per row out, in order; low means data-like. Inputs are
 * checked as the CLI checks a file of samples (each row the model's size, finite values, images in
 * [0, 1]), but nothing is rescaled: a service must not guess the units of each request. Safe for
 * concurrent use: the engine is called by one thread at a time.
 */
public final class EnergyScorer implements AutoCloseable {

    /** Slack around [0, 1] for rounding in other tools, as the CLI allows. */
    static final float SLACK = 1e-4f;

    private final EnergyGan model;
    private final Path run;
    private final int dim;
    private final boolean images;

    private EnergyScorer(EnergyGan model, Path run) {
        this.model = model;
        this.run = run;
        this.dim = model.config().networks().dataDim();
        // As the CLI reads samples: 2D (up to 3-value) points as they are, everything else as images.
        this.images = dim > 3;
    }

    /** The scorer of the run in {@code runDir} (its last checkpoint). */
    public static EnergyScorer load(Path runDir) throws IOException {
        return new EnergyScorer(EnergyGan.load(new RunFolder(runDir)), runDir);
    }

    /** Values per row. */
    public int dimension() {
        return dim;
    }

    /** Whether rows are images, pixels in [0, 1] (else points, in the data's own units). */
    public boolean images() {
        return images;
    }

    public String model() {
        return model.config().game().model();
    }

    public Path run() {
        return run;
    }

    /**
     * One energy per row.
     *
     * @throws IllegalArgumentException naming the first bad row and value, with nothing scored
     */
    public float[] score(float[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("no rows to score; give at least one row of " + dim + " values");
        }
        float[] flat = new float[Math.multiplyExact(rows.length, dim)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != dim) {
                throw new IllegalArgumentException("row " + i + " has " + (rows[i] == null ? "no" : String.valueOf(rows[i].length))
                        + " values; this model takes " + dim + (images ? " (its images, flattened)" : ""));
            }
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return scoreFlat(flat, rows.length);
    }

    /** One energy per row of {@code n} rows of {@link #dimension()} values, row-major. */
    public float[] scoreFlat(float[] x, int n) {
        validate(x, n);
        return scoreValid(x, n);
    }

    /**
     * Checks {@code n} rows, row-major, as {@link #score} does, without scoring them.
     *
     * @throws IllegalArgumentException naming the first bad row and value
     */
    public void validate(float[] x, int n) {
        if (n < 1 || x.length != (long) n * dim) {
            throw new IllegalArgumentException("expected " + n + " rows of " + dim + " values, got " + x.length + " values");
        }
        for (int i = 0; i < x.length; i++) {
            float v = x[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("row " + i / dim + ", value " + i % dim + " is " + v + "; every value must be finite");
            }
            if (images && (v < -SLACK || v > 1 + SLACK)) {
                throw new IllegalArgumentException("row " + i / dim + ", value " + i % dim + " is " + v
                        + "; images are pixels in [0, 1] (divide 0..255 pixels by 255, map [-1, 1] by (x + 1) / 2)");
            }
        }
    }

    /** Energies of rows already {@linkplain #validate validated}. */
    float[] scoreValid(float[] x, int n) {
        float[] normalised = model.fromRaw(x);
        synchronized (model) {
            return model.energies(normalised, n);
        }
    }

    /** The run's model; callers lock on it around every use of the engine. */
    EnergyGan gan() {
        return model;
    }

    @Override
    public void close() {
        synchronized (model) {
            model.close();
        }
    }
}
