package org.ebgan4j.semi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import java.util.Arrays;

/**
 * The ladder network of Rasmus et al. (2015) for permutation-invariant data: a fully connected encoder
 * with batch normalisation (784-1000-500-250-250-250-10 on MNIST), run twice per batch, clean and
 * corrupted by Gaussian noise on every layer (section 2, eqs. 9-13), and a decoder that denoises
 * every layer top-down with the {@link Combinator} (eqs. 14-17). Hidden layers are {@code ReLU(z + beta)},
 * the top {@code softmax(gamma (z + beta))}. Inputs are pixels in [0, 1].
 *
 * <p>The costs: the cross-entropy of the corrupted pass's output on labelled rows, and per layer
 * {@code lambda_l / width_l * ||z_l - z_hat_l,BN||^2} (eq. 3 with the clean pass's batch statistics
 * normalising the estimate); the "bottom-layer cost" model keeps only layer 0, the input.
 */
public final class LadderNetwork extends AbstractBlock {

    /** The encoder of the paper's permutation-invariant MNIST model. */
    public static final int[] MNIST_SIZES = {784, 1000, 500, 250, 250, 250, 10};
    static final float EPS = 1e-5f;
    /** Weight of the running statistics' past at each step. */
    static final float RUNNING_DECAY = 0.99f;

    private final int[] sizes;
    private final int layers;
    private final Parameter[] w;
    private final Parameter[] beta;
    private final Parameter gamma;
    private final Parameter[] v;
    private final Parameter[][] a;
    private final Parameter[] runningMean;
    private final Parameter[] runningVar;

    /** One encoder pass: per layer the normalised pre-activation z (z[0] the input), batch statistics, and the output. */
    public record Pass(NDArray[] z, NDArray[] mean, NDArray[] std, NDArray logits, NDArray probabilities) {}

    public LadderNetwork(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a ladder needs an input and an output size, got " + Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.layers = sizes.length - 1;
        w = new Parameter[layers + 1];
        beta = new Parameter[layers + 1];
        v = new Parameter[layers + 1];
        a = new Parameter[layers + 1][10];
        runningMean = new Parameter[layers + 1];
        runningVar = new Parameter[layers + 1];
        for (int l = 1; l <= layers; l++) {
            w[l] = addParameter(Parameter.builder().setName("w" + l).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(sizes[l - 1], sizes[l])).optInitializer(new NormalInitializer((float) (1 / Math.sqrt(sizes[l - 1]))))
                    .build());
            beta[l] = addParameter(Parameter.builder().setName("beta" + l).setType(Parameter.Type.BETA)
                    .optShape(new Shape(sizes[l])).optInitializer(new ConstantInitializer(0)).build());
            v[l] = addParameter(Parameter.builder().setName("v" + l).setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(sizes[l], sizes[l - 1])).optInitializer(new NormalInitializer((float) (1 / Math.sqrt(sizes[l]))))
                    .build());
            runningMean[l] = addParameter(Parameter.builder().setName("mean" + l).setType(Parameter.Type.RUNNING_MEAN)
                    .optShape(new Shape(sizes[l])).optRequiresGrad(false).optInitializer(new ConstantInitializer(0)).build());
            runningVar[l] = addParameter(Parameter.builder().setName("var" + l).setType(Parameter.Type.RUNNING_VAR)
                    .optShape(new Shape(sizes[l])).optRequiresGrad(false).optInitializer(new ConstantInitializer(1)).build());
        }
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(sizes[layers])).optInitializer(new ConstantInitializer(1)).build());
        for (int l = 0; l <= layers; l++) {
            for (int k = 0; k < 10; k++) {
                a[l][k] = addParameter(Parameter.builder().setName("a" + (k + 1) + "_" + l).setType(Parameter.Type.OTHER)
                        .optShape(new Shape(sizes[l])).optInitializer(new ConstantInitializer(Combinator.INITIAL[k])).build());
            }
        }
    }

    public int[] sizes() {
        return sizes.clone();
    }

    /** Initialises every parameter (the engine's random seed fixes the weights). */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, sizes[0]));
    }

    /**
     * The encoder. With {@code noiseStd > 0} the corrupted pass (noise added to the input and to every
     * normalised pre-activation); with {@code running} the batch statistics are replaced by the running
     * ones (inference).
     */
    public Pass encode(NDArray x, float noiseStd, boolean running) {
        NDManager m = x.getManager();
        NDArray[] z = new NDArray[layers + 1];
        NDArray[] mean = new NDArray[layers + 1];
        NDArray[] std = new NDArray[layers + 1];
        NDArray h = noiseStd > 0 ? x.add(gaussian(m, x.getShape(), noiseStd)) : x;
        z[0] = h;
        NDArray logits = null;
        NDArray probabilities = null;
        for (int l = 1; l <= layers; l++) {
            NDArray pre = h.matMul(w[l].getArray());
            if (running) {
                mean[l] = runningMean[l].getArray();
                // Made on the batch's manager, not the parameter's, so that it is freed with the batch.
                NDArray var = runningVar[l].getArray().add(EPS);
                var.attach(m);
                std[l] = var.sqrt();
            } else {
                mean[l] = pre.mean(new int[] {0});
                std[l] = pre.sub(mean[l]).square().mean(new int[] {0}).add(EPS).sqrt();
            }
            NDArray zl = pre.sub(mean[l]).div(std[l]);
            if (noiseStd > 0) {
                zl = zl.add(gaussian(m, zl.getShape(), noiseStd));
            }
            z[l] = zl;
            if (l < layers) {
                h = zl.add(beta[l].getArray()).getNDArrayInternal().relu();
            } else {
                logits = zl.add(beta[l].getArray()).mul(gamma.getArray());
                probabilities = logits.softmax(1);
                h = probabilities;
            }
        }
        return new Pass(z, mean, std, logits, probabilities);
    }

    /** Gaussian noise of {@code std}, made as uniform draws and a Box-Muller transform. */
    static NDArray gaussian(NDManager m, Shape shape, float std) {
        // Written when randomNormal seemed to hold memory; the growth was jemalloc's (io.ProcessMemory), and with
        // its present setting randomNormal stays as flat (EBGAN-LN: 756, 791, 848 MiB after epochs 1 to 3). Kept
        // because the README's 200- and 1,000-label EBGAN-LN figures were measured with these draws.
        NDArray u1 = m.randomUniform(1e-7f, 1f, shape);
        NDArray u2 = m.randomUniform(0f, (float) (2 * Math.PI), shape);
        return u1.log().mul(-2).sqrt().mul(u2.cos()).mul(std);
    }

    /** Moves the running statistics toward a clean pass's batch statistics. */
    public void updateRunningStatistics(Pass clean) {
        for (int l = 1; l <= layers; l++) {
            NDArray mean = clean.mean()[l].stopGradient();
            NDArray var = clean.std()[l].stopGradient().square().sub(EPS);
            runningMean[l].getArray().muli(RUNNING_DECAY).addi(mean.mul(1 - RUNNING_DECAY));
            runningVar[l].getArray().muli(RUNNING_DECAY).addi(var.mul(1 - RUNNING_DECAY));
        }
    }

    /**
     * The decoder (eqs. 14-17): from the top, {@code u_L = BN(h_tilde_L)} and {@code u_l = BN(z_hat_{l+1}
     * V_{l+1})}, {@code z_hat_l = g(z_tilde_l, u_l)}; returns every layer's estimate normalised by the
     * clean pass's statistics ({@code z_hat_0} as it is: the input is not normalised).
     */
    public NDArray[] decode(Pass corrupted, Pass clean) {
        NDArray[] zHatBn = new NDArray[layers + 1];
        NDArray zHat = null;
        for (int l = layers; l >= 0; l--) {
            NDArray u = l == layers ? corrupted.probabilities() : zHat.matMul(v[l + 1].getArray());
            u = normalise(u);
            NDArray[] al = new NDArray[10];
            for (int k = 0; k < 10; k++) {
                al[k] = a[l][k].getArray();
            }
            zHat = Combinator.apply(corrupted.z()[l], u, al);
            zHatBn[l] = l == 0 ? zHat : zHat.sub(clean.mean()[l]).div(clean.std()[l]);
        }
        return zHatBn;
    }

    /** Batch normalisation without learned scale or shift. */
    static NDArray normalise(NDArray u) {
        NDArray mean = u.mean(new int[] {0});
        NDArray centred = u.sub(mean);
        return centred.div(centred.square().mean(new int[] {0}).add(EPS).sqrt());
    }

    /** Per row, {@code ||target - estimate||^2 / width}: one layer's reconstruction cost before its weight. */
    public static NDArray reconstructionCost(NDArray target, NDArray estimate) {
        return target.sub(estimate).square().mean(new int[] {1});
    }

    /** Per row, the cross-entropy of {@code logits} against integer labels. */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray oneHot = labels.oneHot((int) logits.getShape().get(1)).toType(DataType.FLOAT32, false);
        return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    }

    /** Class predictions of the clean pass with running statistics. */
    public NDArray predict(NDArray x) {
        return encode(x, 0, true).logits().argMax(1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(encode(inputs.singletonOrThrow(), 0, !training).logits());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), sizes[layers])};
    }
}
