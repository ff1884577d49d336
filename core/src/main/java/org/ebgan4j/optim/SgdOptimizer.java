package org.ebgan4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum, by the engine's fused kernel:
 * {@code v <- momentum v + lr g; w <- w - v} (with a constant rate this is PyTorch's SGD without
 * dampening; without momentum, {@code w <- w - lr g}). The velocities are kept here so that a
 * checkpoint restores them.
 */
public final class SgdOptimizer implements Optimizer {

    private final List<Parameter> parameters;
    private final List<NDArray> velocities = new ArrayList<>();
    private float baseLearningRate;
    private float learningRate;
    private final float momentum;
    private final NDManager manager;
    private long updates;

    public SgdOptimizer(Block network, NDManager parent, float learningRate, float momentum) {
        this.parameters = Optimizer.trainableParameters(network);
        this.baseLearningRate = learningRate;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.manager = parent.newSubManager();
        if (momentum > 0) {
            for (Parameter p : parameters) {
                velocities.add(manager.zeros(p.getArray().getShape()));
            }
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public void step() {
        updates++;
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            try (NDArray grad = weight.getGradient()) {
                NDList inputs = momentum > 0 ? new NDList(weight, grad, velocities.get(i)) : new NDList(weight, grad);
                // The native kernel zeroes the weight's gradient after the update.
                weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), learningRate, 0f, 1f, -1f, momentum, false);
            }
        }
    }

    @Override
    public void freeze(boolean frozen) {
        for (Parameter p : parameters) {
            p.freeze(frozen);
        }
    }

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

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeInt(velocities.size());
        for (NDArray v : velocities) {
            float[] values = v.toFloatArray();
            out.writeInt(values.length);
            for (float x : values) {
                out.writeFloat(x);
            }
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        long savedUpdates = in.readLong();
        int count = in.readInt();
        if (count != velocities.size()) {
            throw new IOException("checkpoint has SGD state for " + count + " parameters, this optimiser keeps " + velocities.size()
                    + ": it was written for another network or momentum");
        }
        for (NDArray v : velocities) {
            int n = in.readInt();
            if (n != v.size()) {
                throw new IOException("SGD state of size " + n + " does not fit a parameter of size " + v.size());
            }
            float[] values = new float[n];
            for (int j = 0; j < n; j++) {
                values[j] = in.readFloat();
            }
            v.set(values);
        }
        updates = savedUpdates;
    }

    @Override
    public void close() {
        manager.close();
    }
}
