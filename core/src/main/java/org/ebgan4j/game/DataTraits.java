package org.ebgan4j.game;

import java.util.Locale;

/**
 * What a game's defaults depend on: the data set's name and the size of one sample. Papers pick
 * different settings for 2D points (at most 3 values a sample) and for images.
 */
public record DataTraits(String dataset, int sampleSize) {

    public DataTraits {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("a sample has at least 1 value, got " + sampleSize);
        }
        dataset = dataset == null ? "" : dataset;
    }

    /** Low-dimensional points (the 2D mixtures), not images. */
    public boolean points() {
        return sampleSize <= 3;
    }

    /** Whether the data set's name contains {@code part}, ignoring case. */
    public boolean named(String part) {
        return dataset.toLowerCase(Locale.ROOT).contains(part);
    }
}
