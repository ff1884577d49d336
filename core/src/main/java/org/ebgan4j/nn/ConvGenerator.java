package org.ebgan4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * A convolutional generator that reads its whole input from one flat noise vector: the first
 * {@code noise[0]} values are z, a 1x1 map, and each later layer i takes {@code noise[i]} further
 * planes of the layer's input side, concatenated with its input maps (EBGAN paper, section 4.4).
 * The output is the flattened image, as the rest of ebgan4j expects.
 */
final class ConvGenerator extends AbstractBlock {

    private static final byte VERSION = 1;

    private final List<ConvLayer> layers;
    private final List<Integer> noise;
    private final Block[] stages;

    @SuppressWarnings("this-escape")
    ConvGenerator(List<ConvLayer> layers, List<Integer> noise, Block[] stages) {
        super(VERSION);
        this.layers = List.copyOf(layers);
        this.noise = List.copyOf(noise);
        this.stages = stages;
        for (int i = 0; i < stages.length; i++) {
            addChildBlock("stage" + i, stages[i]);
        }
    }

    private int planes(int layer) {
        return layer < noise.size() ? noise.get(layer) : 0;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray z = inputs.singletonOrThrow();
        long n = z.getShape().get(0);
        long offset = noise.get(0);
        NDArray h = z.get(":, :" + offset).reshape(n, offset, 1, 1);
        long side = 1;
        for (int i = 0; i < stages.length; i++) {
            int p = planes(i);
            if (i > 0 && p > 0) {
                long size = p * side * side;
                NDArray extra = z.get(":, " + offset + ":" + (offset + size)).reshape(n, p, side, side);
                h = h.concat(extra, 1);
                offset += size;
            }
            h = stages[i].forward(parameterStore, new NDList(h), training, params).singletonOrThrow();
            side = layers.get(i).outputSide(side);
        }
        return new NDList(h.reshape(n, -1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long n = inputShapes[0].get(0);
        Shape in = new Shape(n, noise.get(0), 1, 1);
        for (int i = 0; i < stages.length; i++) {
            if (i > 0 && planes(i) > 0) {
                in = new Shape(n, in.get(1) + planes(i), in.get(2), in.get(3));
            }
            stages[i].initialize(manager, dataType, in);
            in = stages[i].getOutputShapes(new Shape[] {in})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long n = inputShapes[0].get(0);
        long side = 1;
        for (ConvLayer layer : layers) {
            side = layer.outputSide(side);
        }
        return new Shape[] {new Shape(n, layers.get(layers.size() - 1).filters() * side * side)};
    }
}
