package org.ebgan4j.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A first-order optimiser over the trainable parameters of one network, whose state a checkpoint
 * saves and restores. DJL's PyTorch engine neither zeroes gradients between collectors nor scopes
 * them per network: {@link #step()} zeroes the gradients it consumed, and {@link #freeze} keeps a
 * network out of another's backward pass.
 */
public interface Optimizer extends AutoCloseable {

    /** The parameters this optimiser updates. */
    List<Parameter> parameters();

    /** Applies one update from the accumulated gradients and zeroes them. */
    void step();

    /** Zeroes the accumulated gradients without an update (a step whose update rule leaves this network out). */
    void skip();

    /** Freezes (no gradient is recorded) or unfreezes the network's trainable parameters. */
    void freeze(boolean frozen);

    /** Sets the learning rate to the base rate times {@code factor}, but not below {@code floor}. */
    void scaleLearningRate(double factor, float floor);

    /** Replaces the base rate (a resumed run's new rate); the current rate becomes it until the next scaling. */
    void setBaseLearningRate(float rate);

    float learningRate();

    /** Updates applied so far. */
    long updates();

    void save(DataOutputStream out) throws IOException;

    /** Restores what {@link #save} wrote, for the same network. */
    void load(DataInputStream in) throws IOException;

    @Override
    void close();

    /** The parameters that take gradients (not batch-norm running statistics). */
    static List<Parameter> trainableParameters(Block network) {
        List<Parameter> list = new ArrayList<>();
        for (Parameter p : network.getParameters().values()) {
            if (p.requiresGradient()) {
                list.add(p);
            }
        }
        return list;
    }
}
