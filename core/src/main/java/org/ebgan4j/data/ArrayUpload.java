package org.ebgan4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies Java floats into engine-owned arrays through one reused direct buffer.
 *
 * <p>DJL's PyTorch engine wraps a new direct {@code ByteBuffer} for every array created from Java
 * data and lets the tensor point into it; that memory returns only when the garbage collector
 * finds the buffer, which with a large heap can take thousands of training steps (a 64-image batch
 * is 200 KB a step). Here the data passes through a single buffer and is then cloned into memory
 * the engine frees as soon as the array is closed, so a training loop's footprint stays flat.
 * Not thread-safe: one instance per loop.
 */
public final class ArrayUpload {

    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    /** An array of {@code shape} holding {@code values[offset .. offset + shape.size())}. */
    public NDArray upload(NDManager manager, float[] values, int offset, Shape shape) {
        int n = Math.toIntExact(shape.size());
        if (buffer.capacity() < n * 4) {
            buffer = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        buffer.asFloatBuffer().put(values, offset, n);
        buffer.limit(n * 4);
        try (NDArray view = manager.create(buffer.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32)) {
            return view.duplicate();
        }
    }

    public NDArray upload(NDManager manager, float[] values, Shape shape) {
        return upload(manager, values, 0, shape);
    }
}
