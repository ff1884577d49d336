package org.ebgan4j.nn;

/** Distribution of the generator's input: uniform in [-1, 1] (EBGAN code) or standard normal (calibrated-EBGAN code). */
public enum NoiseKind {
    UNIFORM,
    NORMAL
}
