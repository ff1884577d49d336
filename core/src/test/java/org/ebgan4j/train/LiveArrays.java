package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Counts the open arrays under a manager, to show that a training step leaves none behind. */
public final class LiveArrays {

    private LiveArrays() {}

    /** Distinct open arrays under {@code manager} and its sub-managers (an array two managers hold counts once). */
    public static long count(NDManager manager) {
        return manager.getManagedArrays().stream().filter(x -> !x.isReleased()).map(NDArray::getUid).distinct().count();
    }
}
