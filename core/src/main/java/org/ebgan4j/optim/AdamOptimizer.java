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
 * Adam (Kingma and Ba 2015) over the trainable parameters of one network, with its moments kept
 * here rather than inside DJL's optimiser, so that a checkpoint can save and restore them and a
 * resumed run continues exactly. The update itself is the engine's fused native kernel.
 *
 * <p>Each network has its own instance: DJL's PyTorch engine neither zeroes gradients between
 * collectors nor scopes them per network, so {@link #step()} zeroes the gradients it consumed.
 */
public final class AdamOptimizer extends StatefulOptimizer {

    private static final float EPSILON = 1e-8f;

    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private final float beta1;
    private final float beta2;

    public AdamOptimizer(Block network, NDManager parent, float learningRate, float beta1, float beta2) {
        super(network, parent, learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        for (Parameter p : parameters) {
            means.add(manager.zeros(p.getArray().getShape()));
            variances.add(manager.zeros(p.getArray().getShape()));
        }
    }

    @Override
    public void step() {
        updates++;
        double correction1 = 1 - Math.pow(beta1, updates);
        double correction2 = 1 - Math.pow(beta2, updates);
        float stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            try (NDArray grad = weight.getGradient()) {
                // The native kernel zeroes the weight's gradient after the update.
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, grad, means.get(i), variances.get(i)),
                        new NDList(weight),
                        learningRate, stepSize, 0f, 1f, -1f, beta1, beta2, EPSILON, false, false);
            }
        }
    }

    @Override
    public void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            writeArray(out, means.get(i));
            writeArray(out, variances.get(i));
        }
    }

    @Override
    public void load(DataInputStream in) throws IOException {
        long savedUpdates = in.readLong();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("checkpoint has optimiser state for " + count + " parameters, the network has "
                    + parameters.size() + ": it was written for another architecture");
        }
        for (int i = 0; i < count; i++) {
            readInto(in, means.get(i), "optimiser state");
            readInto(in, variances.get(i), "optimiser state");
        }
        updates = savedUpdates;
    }
}
