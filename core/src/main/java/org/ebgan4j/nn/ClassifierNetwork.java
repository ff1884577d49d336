package org.ebgan4j.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * The small convolutional network behind the evaluation classifier (digits and Fashion-MNIST):
 * {@code (32)3c1s-BN-ReLU-pool-(64)3c1s-BN-ReLU-pool-FC(256)-ReLU} as the body, whose 256 outputs are
 * the penultimate features of the Frechet distance, then dropout and one logit per class.
 */
public final class ClassifierNetwork {

    /** Width of the penultimate layer. */
    public static final int FEATURES = 256;

    private ClassifierNetwork() {}

    /** Flat grey images of {@code side x side} pixels in, {@link #FEATURES} features out. */
    public static SequentialBlock body(int side) {
        if (side % 4 != 0) {
            throw new IllegalArgumentException("the classifier needs images whose side is a multiple of 4, got " + side);
        }
        SequentialBlock body = new SequentialBlock();
        body.add(new LambdaBlock(in -> new NDList(in.singletonOrThrow().reshape(-1, 1, side, side)), "to-image"));
        for (int filters : new int[] {32, 64}) {
            body.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build());
            body.add(BatchNorm.builder().build());
            body.add(Activation.reluBlock());
            body.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        body.add(Blocks.batchFlattenBlock());
        body.add(Linear.builder().setUnits(FEATURES).build());
        body.add(Activation.reluBlock());
        return body;
    }

    /** Features in, one logit per class out. */
    public static SequentialBlock head(int classes, float dropout) {
        SequentialBlock head = new SequentialBlock();
        if (dropout > 0) {
            head.add(Dropout.builder().optRate(dropout).build());
        }
        head.add(Linear.builder().setUnits(classes).build());
        return head;
    }
}
