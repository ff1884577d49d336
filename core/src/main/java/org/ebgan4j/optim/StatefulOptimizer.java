package org.ebgan4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * What the optimisers share: the network's trainable parameters, the base and current learning
 * rates, the count of updates, and the arrays of their state (moments, velocities) under a manager
 * of their own, written to and read from a checkpoint as counts and floats.
 */
abstract class StatefulOptimizer implements Optimizer {

    protected final List<Parameter> parameters;
    protected final NDManager manager;
    protected float learningRate;
    protected long updates;
    private float baseLearningRate;

    StatefulOptimizer(Block network, NDManager parent, float learningRate) {
        this.parameters = Optimizer.trainableParameters(network);
        this.manager = parent.newSubManager();
        this.baseLearningRate = learningRate;
        this.learningRate = learningRate;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Freezes (no gradient is recorded) or unfreezes the network's trainable parameters. */
    @Override
    public void skip() {
        for (Parameter p : parameters) {
            try (NDArray grad = p.getArray().getGradient()) {
                grad.subi(grad);
            }
        }
    }

    @Override
    public void freeze(boolean frozen) {
        for (Parameter p : parameters) {
            p.freeze(frozen);
        }
    }

    /** Sets the learning rate to the base rate times {@code factor}, but not below {@code floor}. */
    @Override
    public void scaleLearningRate(double factor, float floor) {
        learningRate = (float) Math.max(floor, baseLearningRate * factor);
    }

    @Override
    public void setBaseLearningRate(float rate) {
        baseLearningRate = rate;
        learningRate = rate;
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public long updates() {
        return updates;
    }

    /** One state array: its size, then its values. */
    static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        float[] values = array.toFloatArray();
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /** Reads what {@link #writeArray} wrote into {@code target}, refusing another size ({@code what} names the state). */
    static void readInto(DataInputStream in, NDArray target, String what) throws IOException {
        int n = in.readInt();
        if (n != target.size()) {
            throw new IOException(what + " of size " + n + " does not fit a parameter of size " + target.size());
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        target.set(values);
    }

    @Override
    public void close() {
        manager.close();
    }
}
