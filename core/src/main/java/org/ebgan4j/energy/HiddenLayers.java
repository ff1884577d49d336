package org.ebgan4j.energy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

import java.util.List;

/** Reads a network's last hidden layer by running all of its layers but the output one. */
final class HiddenLayers {

    private HiddenLayers() {}

    static NDArray lastHidden(Block network, ParameterStore parameters, NDArray x, boolean training) {
        if (!(network instanceof SequentialBlock sequential)) {
            throw new UnsupportedOperationException("features need a sequential network, got " + network.getClass().getSimpleName());
        }
        List<Block> layers = sequential.getChildren().values();
        NDList out = new NDList(x);
        for (int i = 0; i < layers.size() - 1; i++) {
            out = layers.get(i).forward(parameters, out, training);
        }
        return out.singletonOrThrow();
    }
}
