package org.ebgan4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

import java.util.List;

/**
 * Builds the networks of a {@link ConvArchitecture}, joining the layers as its {@link LayerStyle}
 * says (DCGAN's unless a preset says otherwise, which the EBGAN and calibrated papers follow: batch
 * normalisation after every layer but the first of a discriminator and the last of a generator or
 * decoder; ReLU in the generator and the decoder, leaky ReLU (0.2) in the encoder and the critic);
 * Tanh on images. Every network reads and writes flat vectors, so the
 * objectives and the training loop are those of the fully connected models.
 */
public final class ConvNetworks {

    /** Slope of the discriminators' leaky ReLU. */
    public static final float LEAKY_SLOPE = LayerStyle.Nonlinearity.LEAKY_SLOPE;

    private ConvNetworks() {}

    /** Noise vector ({@link ConvArchitecture#noiseSize()}) to flat image. */
    public static SequentialBlock generator(ConvArchitecture a, boolean batchNorm) {
        List<ConvLayer> layers = ConvLayer.parseList(a.generator());
        Block[] stages = new Block[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            boolean last = i == layers.size() - 1;
            SequentialBlock stage = new SequentialBlock().add(layer(layers.get(i)));
            if (a.style().normalisesUp(i, layers.size(), batchNorm)) {
                stage.add(BatchNorm.builder().build());
            }
            if (last) {
                stage.add(Activation.tanhBlock());
            } else if (a.style().activatesUp(i, layers.size())) {
                stage.add(a.style().up().block());
            }
            stages[i] = stage;
        }
        return new SequentialBlock().add(new ConvGenerator(layers, a.noise(), stages));
    }

    /** Flat image to the code maps (not flattened: the decoder reads them). */
    public static SequentialBlock encoder(ConvArchitecture a, boolean batchNorm) {
        SequentialBlock e = new SequentialBlock().add(toImage(a));
        addDiscriminatorLayers(e, ConvLayer.parseList(a.encoder()), a.style(), batchNorm);
        return e;
    }

    /** Code maps to flat image. */
    public static SequentialBlock decoder(ConvArchitecture a, boolean batchNorm) {
        SequentialBlock d = new SequentialBlock();
        List<ConvLayer> layers = ConvLayer.parseList(a.decoder());
        for (int i = 0; i < layers.size(); i++) {
            d.add(layer(layers.get(i)));
            if (a.style().normalisesUp(i, layers.size(), batchNorm)) {
                d.add(BatchNorm.builder().build());
            }
            if (a.style().activatesUp(i, layers.size())) {
                d.add(a.style().up().block());
            }
        }
        d.add(Activation.tanhBlock());
        d.add(Blocks.batchFlattenBlock());
        return d;
    }

    /** Flat image to one value: the critic's layers, flattened, then a linear output. */
    public static SequentialBlock critic(ConvArchitecture a, boolean batchNorm) {
        SequentialBlock c = new SequentialBlock().add(toImage(a));
        addDiscriminatorLayers(c, ConvLayer.parseList(a.critic()), a.style(), batchNorm);
        c.add(Blocks.batchFlattenBlock());
        c.add(Linear.builder().setUnits(1).build());
        return c;
    }

    /** The inference network q(z|x) of EGAN-Ent-VI: the critic's layers, then the mean and log-deviation of every noise value. */
    public static SequentialBlock inference(ConvArchitecture a, boolean batchNorm) {
        SequentialBlock q = new SequentialBlock().add(toImage(a));
        addDiscriminatorLayers(q, ConvLayer.parseList(a.critic()), a.style(), batchNorm);
        q.add(Blocks.batchFlattenBlock());
        q.add(Linear.builder().setUnits(2L * a.noiseSize()).build());
        return q;
    }

    private static void addDiscriminatorLayers(SequentialBlock block, List<ConvLayer> layers, LayerStyle style, boolean batchNorm) {
        for (int i = 0; i < layers.size(); i++) {
            block.add(layer(layers.get(i)));
            if (style.normalisesDown(i, layers.size(), batchNorm)) {
                block.add(BatchNorm.builder().build());
            }
            if (style.activatesDown(i, layers.size())) {
                block.add(style.down().block());
            }
        }
    }

    private static Block toImage(ConvArchitecture a) {
        long c = a.channels();
        long s = a.side();
        return new LambdaBlock(in -> new NDList(in.singletonOrThrow().reshape(-1, c, s, s)), "to-image");
    }

    /** The block of one layer of the notation. */
    public static Block layer(ConvLayer l) {
        Shape k = new Shape(l.kernel(), l.kernel());
        return switch (l.kind()) {
            case CONV -> Conv2d.builder().setKernelShape(k).optStride(new Shape(l.stride(), l.stride()))
                    .optPadding(new Shape(l.padding(), l.padding())).setFilters(l.filters()).build();
            case TRANSPOSED -> new TransposedConv2d(l.filters(), l.kernel(), l.stride(), l.padding(), 0, true);
            case UPSAMPLE -> new SequentialBlock()
                    .add(new LambdaBlock(in -> new NDList(nearest(in.singletonOrThrow(), l.stride())), "upsample-x" + l.stride()))
                    .add(Conv2d.builder().setKernelShape(k).optPadding(new Shape(l.padding(), l.padding())).setFilters(l.filters()).build());
        };
    }

    private static NDArray nearest(NDArray x, int factor) {
        return factor == 1 ? x : x.repeat(2, factor).repeat(3, factor);
    }
}
