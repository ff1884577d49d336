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
public final class SgdOptimizer extends StatefulOptimizer {

    private final List<NDArray> velocities = new ArrayList<>();
    private final float momentum;

    public SgdOptimizer(Block network, NDManager parent, float learningRate, float momentum) {
        super(network, parent, learningRate);
        this.momentum = momentum;
        if (momentum > 0) {
            for (Parameter p : parameters) {
                velocities.add(manager.zeros(p.getArray().getShape()));
            }
        }
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
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeInt(velocities.size());
        for (NDArray v : velocities) {
            writeArray(out, v);
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
            readInto(in, v, "SGD state");
        }
        updates = savedUpdates;
    }
}
