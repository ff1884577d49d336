package org.ebgan4j.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar constants for the training graph, in memory the engine owns.
 *
 * <p>DJL's {@code x.mul(0.5f)} (and {@code div}, {@code maximum}, ... with a number) wraps the number
 * in a temporary array whose data is a Java direct buffer, and closes that array as soon as the
 * operation returns. Autograd keeps the operand of {@code mul}, {@code div} and {@code maximum} for
 * the backward pass; once the garbage collector frees the buffer, backward reads freed memory, and a
 * run given the same seed stops repeating itself at a random step (seen: 2 of 32 processes training
 * EBGAN-PT with one seed, one from step 48). A constant made here is allocated by libtorch and lives
 * as long as autograd needs it. {@code add} and {@code sub} keep no operand and may take numbers.
 */
public final class Scalars {

    private Scalars() {}

    /** {@code value} as a 0-d array of {@code like}'s type, under {@code like}'s manager. */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
