package org.ebgan4j.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * A 2-D transposed ("fractionally-strided") convolution, with PyTorch's semantics: weight
 * {@code (in, out, k, k)}, output side {@code (H - 1) s - 2p + k + outputPadding}. DJL's
 * {@code Conv2dTranspose} is not implemented by the PyTorch engine, so this block computes the same
 * map from operations the engine has, by the sub-pixel decomposition: the output pixels of each of
 * the {@code s x s} phases {@code (Y mod s, X mod s)} are a stride-1 convolution of the input with the
 * kernel taps {@code a = (phase + p) mod s + s t}, flipped, their in and out axes swapped; the
 * {@code s^2} outputs interleave into the result. That does exactly the multiply-adds of the
 * transposed convolution, where dilating the input with zeros ({@link #applyByDilation}, kept as a
 * second, simpler reference) does {@code s^2} times as many. Autograd differentiates through both.
 */
public final class TransposedConv2d extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int filters;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int outputPadding;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param filters output channels
     * @param kernel square kernel side k
     * @param stride s (at least 1)
     * @param padding p, at most k - 1
     * @param outputPadding extra rows and columns at the far edges, below s
     * @param includeBias whether to add one bias per output channel
     */
    @SuppressWarnings("this-escape")
    public TransposedConv2d(int filters, int kernel, int stride, int padding, int outputPadding, boolean includeBias) {
        super(VERSION);
        if (filters < 1 || kernel < 1 || stride < 1 || padding < 0 || padding > kernel - 1
                || outputPadding < 0 || outputPadding >= stride) {
            throw new IllegalArgumentException("transposed convolution needs filters, kernel, stride >= 1, 0 <= padding <= kernel - 1 "
                    + "and 0 <= outputPadding < stride; got " + filters + ", " + kernel + ", " + stride + ", " + padding + ", " + outputPadding);
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        bias = includeBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build()) : null;
    }

    /** Output side for an input side. */
    public long outputSide(long side) {
        return (side - 1) * stride - 2L * padding + kernel + outputPadding;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = bias == null ? null : parameterStore.getValue(bias, x.getDevice(), training);
        return new NDList(apply(x, w, b, stride, padding, outputPadding));
    }

    /**
     * The transposed convolution of {@code x (N, in, H, W)} with {@code w (in, out, k, k)} and an
     * optional bias {@code (out)}, by the sub-pixel decomposition.
     */
    public static NDArray apply(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long wd = s.get(3);
        int k = (int) w.getShape().get(2);
        long outH = (h - 1) * stride - 2L * padding + k + outputPadding;
        long outW = (wd - 1) * stride - 2L * padding + k + outputPadding;
        if (h == 1 && wd == 1) {
            return fromSinglePixel(x, w, b, padding, outputPadding);
        }
        long rows = (outH + stride - 1) / stride;
        long cols = (outW + stride - 1) / stride;
        if (stride > 1 && k % stride == 0) {
            long spread = offsetSpread(stride, padding, k);
            if ((rows + spread) * (cols + spread) <= ONE_CONVOLUTION_OVERHEAD * rows * cols) {
                return interleave(allPhases(x, w, b, stride, padding, k, h, wd, rows, cols), n, w.getShape().get(1), stride, rows,
                        cols, outH, outW);
            }
        }
        return byPhases(x, w, b, stride, padding, outputPadding, rows, cols, outH, outW);
    }

    /**
     * The same map by the sub-pixel decomposition with one convolution per phase; {@link #apply}
     * computes every phase in one convolution when the phases have the same number of taps (k a
     * multiple of s) and the input is large enough for the few extra positions that costs not to
     * matter, and this way otherwise. Public as a reference for the tests and the bench.
     */
    public static NDArray applyByPhases(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding) {
        Shape s = x.getShape();
        int k = (int) w.getShape().get(2);
        long outH = (s.get(2) - 1) * stride - 2L * padding + k + outputPadding;
        long outW = (s.get(3) - 1) * stride - 2L * padding + k + outputPadding;
        if (s.get(2) == 1 && s.get(3) == 1) {
            return fromSinglePixel(x, w, b, padding, outputPadding);
        }
        return byPhases(x, w, b, stride, padding, outputPadding, (outH + stride - 1) / stride, (outW + stride - 1) / stride, outH,
                outW);
    }

    private static NDArray byPhases(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding, long rows,
            long cols, long outH, long outW) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long wd = s.get(3);
        int k = (int) w.getShape().get(2);
        NDArray[][] kernels = k % stride == 0 ? phaseKernels(w, stride, padding, x) : null;
        NDArray[][] phases = new NDArray[stride][stride];
        for (int ry = 0; ry < stride; ry++) {
            for (int rx = 0; rx < stride; rx++) {
                phases[ry][rx] = phase(x, w, kernels == null ? null : kernels[ry][rx], b, stride, padding, k, ry, rx, h, wd, rows,
                        cols);
            }
        }
        return stride == 1 ? phases[0][0] : interleave(phases, n, w.getShape().get(1), stride, rows, cols, outH, outW);
    }

    /** The s x s phase outputs {@code (N, out, rows, cols)} interleaved into {@code (N, out, outH, outW)}. */
    private static NDArray interleave(NDArray[][] phases, long n, long out, int stride, long rows, long cols, long outH, long outW) {
        NDArray[] byRow = new NDArray[stride];
        for (int ry = 0; ry < stride; ry++) {
            byRow[ry] = NDArrays.stack(new NDList(phases[ry]), 4); // (N, out, rows, cols, s)
        }
        NDArray interleaved = NDArrays.stack(new NDList(byRow), 3).reshape(n, out, rows * stride, cols * stride);
        return rows * stride == outH && cols * stride == outW ? interleaved : interleaved.get(":, :, :" + outH + ", :" + outW);
    }

    /**
     * The most extra positions, as a fraction, for which one convolution of every phase beats one per
     * phase: measured with {@code ebgan bench --transposed-conv} on the dcgan64 layers, one convolution
     * took 0.38 of the time on 32x32 inputs with 3 output maps (1.06 times the positions), the same on
     * 16x16 (1.13) and 1.2 times as long on 8x8 (1.27) and 4x4 (1.56).
     */
    private static final double ONE_CONVOLUTION_OVERHEAD = 1.15;

    /** For k a multiple of s: the input rows before each phase's first output row, T - 1 - carry, by phase. */
    private static int[] offsets(int s, int p, int k) {
        int[] offset = new int[s];
        for (int r = 0; r < s; r++) {
            offset[r] = k / s - 1 - (r + p) / s;
        }
        return offset;
    }

    /** How far apart, in input rows, the phases' first taps are ({@link #allPhases}'s d). */
    private static int offsetSpread(int s, int p, int k) {
        int[] offset = offsets(s, p, k);
        return Arrays.stream(offset).max().getAsInt() - Arrays.stream(offset).min().getAsInt();
    }

    /**
     * Every phase in one stride-1 convolution: each phase has T = k / s taps per axis and reads the
     * input from its own offset, so the kernels of all s^2 phases stack into one of {@code s^2 out}
     * maps over the input padded for the earliest offset, and each phase is the window of its maps at
     * its offset. The convolution computes (rows + d)(cols + d) positions where each phase needs
     * rows x cols (d the spread of the offsets, 1 for 4t2s): a few percent more multiply-adds on large
     * inputs, in one call where the phases took s^2, which is much faster when the layer has few output
     * maps (an image's 3).
     */
    private static NDArray[][] allPhases(NDArray x, NDArray w, NDArray b, int s, int p, int k, long h, long wd, long rows, long cols) {
        int taps = k / s;
        int[] offset = offsets(s, p, k);
        int earliest = Arrays.stream(offset).max().getAsInt();
        int spread = offsetSpread(s, p, k);
        // (s^2 out, in, T, T), phase-major.
        NDArray kernel;
        if (p % s == 0) {
            kernel = tapMajorKernels(w, s, x); // phase (ry, rx) takes taps (ry, rx)
        } else {
            NDArray[][] byPhase = phaseKernels(w, s, p, x);
            NDArray[] ordered = new NDArray[s * s];
            for (int ry = 0; ry < s; ry++) {
                System.arraycopy(byPhase[ry], 0, ordered, ry * s, s);
            }
            kernel = NDArrays.concat(new NDList(ordered), 0);
        }
        NDArray bias = b == null ? null : local(b.tile(s * s), x);
        long bottom = rows + spread + taps - 1 - h - earliest;
        long right = cols + spread + taps - 1 - wd - earliest;
        NDArray padded = x.pad(new Shape(earliest, right, earliest, bottom), 0);
        Shape one = new Shape(1, 1);
        NDArray all = Conv2d.conv2d(padded, kernel, bias, one, new Shape(0, 0), one, 1).singletonOrThrow();
        // Split by phase (its gradient is one concatenation), then each phase's window.
        NDList maps = all.split(s * s, 1);
        NDArray[][] phases = new NDArray[s][s];
        for (int ry = 0; ry < s; ry++) {
            for (int rx = 0; rx < s; rx++) {
                long top = earliest - offset[ry];
                long left = earliest - offset[rx];
                NDArray m = maps.get(ry * s + rx);
                phases[ry][rx] = spread == 0 ? m : m.get(":, :, " + top + ":" + (top + rows) + ", " + left + ":" + (left + cols));
            }
        }
        return phases;
    }

    /**
     * A 1x1 input (a generator's first layer) spreads each input vector over a k x k patch: one matrix
     * product, where a convolution over the padded input would multiply k^2 times as many zeros.
     */
    private static NDArray fromSinglePixel(NDArray x, NDArray w, NDArray b, int padding, int outputPadding) {
        long n = x.getShape().get(0);
        long in = w.getShape().get(0);
        long out = w.getShape().get(1);
        long k = w.getShape().get(2);
        NDArray y = x.reshape(n, in).matMul(local(w.reshape(in, out * k * k), x)).reshape(n, out, k, k);
        if (padding > 0 || outputPadding > 0) {
            // Negative padding crops: p from the near edges, p - outputPadding from the far ones.
            long near = -padding;
            long far = outputPadding - padding;
            y = y.pad(new Shape(near, far, near, far), 0);
        }
        return b == null ? y : y.add(local(b.reshape(1, out, 1, 1), x));
    }

    /**
     * {@code derived}, an array computed from a parameter, moved into the input's manager. An op's
     * result belongs to its first operand's manager, and a parameter's is the model's: without this,
     * every forward pass would leave its reshaped and flipped weights there until the model closes.
     */
    private static NDArray local(NDArray derived, NDArray x) {
        derived.attach(x.getManager());
        return derived;
    }

    /**
     * For k a multiple of s, the flipped kernels {@code (out, in, T, T)} of taps {@code (cy + s t, cx + s u)}
     * for every (cy, cx), in that order, as one array {@code (s^2 out, in, T, T)}: a reshape and a
     * transpose of w, whose gradient is one transpose back, where slicing w once per phase would give
     * each phase's gradient an array of w's size to scatter into.
     */
    private static NDArray tapMajorKernels(NDArray w, int s, NDArray x) {
        Shape ws = w.getShape();
        long in = ws.get(0);
        long out = ws.get(1);
        long t = ws.get(2) / s;
        // Tap a = s j + c: (in, out, T, s, T, s) -> (cy, cx, out, in, T, T), flipped along the taps.
        return local(w.reshape(in, out, t, s, t, s), x).transpose(3, 5, 1, 0, 2, 4).flip(4, 5).reshape(s * s * out, in, t, t);
    }

    /** The flipped kernel {@code (out, in, T, T)} of each phase (ry, rx) for k a multiple of s, split from {@link #tapMajorKernels}. */
    private static NDArray[][] phaseKernels(NDArray w, int s, int p, NDArray x) {
        NDList parts = tapMajorKernels(w, s, x).split(s * s, 0);
        NDArray[][] kernels = new NDArray[s][s];
        for (int ry = 0; ry < s; ry++) {
            for (int rx = 0; rx < s; rx++) {
                kernels[ry][rx] = parts.get(((ry + p) % s) * s + (rx + p) % s);
            }
        }
        return kernels;
    }

    /**
     * Output pixels (Y, X) with Y mod s = ry and X mod s = rx, on a rows x cols grid; {@code kernel} is
     * the phase's flipped taps when already cut out ({@link #phaseKernels}), else null.
     */
    private static NDArray phase(NDArray x, NDArray w, NDArray kernel, NDArray b, int s, int p, int k, int ry, int rx, long h,
            long wd, long rows, long cols) {
        int cy = (ry + p) % s;
        int cx = (rx + p) % s;
        int carryY = (ry + p) / s;
        int carryX = (rx + p) / s;
        int ty = (k - cy + s - 1) / s; // taps cy, cy + s, ... below k
        int tx = (k - cx + s - 1) / s;
        long maps = w.getShape().get(1);
        if (ty <= 0 || tx <= 0) {
            NDArray zeros = x.getManager().zeros(new Shape(x.getShape().get(0), maps, rows, cols), x.getDataType());
            return b == null ? zeros : zeros.add(local(b.reshape(1, maps, 1, 1), x));
        }
        // Ops on an array that x's manager owns leave their results there too.
        NDArray taps = kernel != null ? kernel
                : local(w.get(":, :, " + cy + "::" + s + ", " + cx + "::" + s), x).flip(2, 3).transpose(1, 0, 2, 3);
        // Output row q reads input rows q + carry - (T - 1) .. q + carry: pad (or crop, if negative) to fit.
        long top = ty - 1 - carryY;
        long left = tx - 1 - carryX;
        long bottom = rows + ty - 1 - h - top;
        long right = cols + tx - 1 - wd - left;
        NDArray padded = x.pad(new Shape(left, right, top, bottom), 0);
        Shape one = new Shape(1, 1);
        Shape none = new Shape(0, 0);
        return (b == null ? Conv2d.conv2d(padded, taps, null, one, none, one, 1) : Conv2d.conv2d(padded, taps, b, one, none, one, 1))
                .singletonOrThrow();
    }

    /**
     * The same map by zero insertion: the input dilated with {@code s - 1} zeros between pixels, then a
     * stride-1 convolution with the flipped kernel and padding {@code k - 1 - p}. Simpler and slower.
     */
    public static NDArray applyByDilation(NDArray x, NDArray w, NDArray b, int stride, int padding, int outputPadding) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long wd = s.get(3);
        int k = (int) w.getShape().get(2);
        NDArray dilated = x;
        if (stride > 1 || outputPadding > 0) {
            // (N, C, H, 1, W, 1) padded to (N, C, H, s, W, s): each pixel followed by s - 1 zeros per axis.
            NDArray spread = x.reshape(n, c, h, 1, wd, 1)
                    .pad(new Shape(0, stride - 1, 0, 0, 0, stride - 1), 0)
                    .reshape(n, c, h * stride, wd * stride);
            long rows = (h - 1) * stride + 1 + outputPadding;
            long cols = (wd - 1) * stride + 1 + outputPadding;
            dilated = spread.get(":, :, :" + rows + ", :" + cols);
        }
        NDArray kernelT = local(w.flip(2, 3), x).transpose(1, 0, 2, 3);
        int pad = k - 1 - padding;
        Shape one = new Shape(1, 1);
        return b == null
                ? Conv2d.conv2d(dilated, kernelT, null, one, new Shape(pad, pad), one, 1).singletonOrThrow()
                : Conv2d.conv2d(dilated, kernelT, b, one, new Shape(pad, pad), one, 1).singletonOrThrow();
    }

    @Override
    protected void prepare(Shape[] inputs) {
        weight.setShape(new Shape(inputs[0].get(1), filters, kernel, kernel));
        if (bias != null) {
            bias.setShape(new Shape(filters));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {new Shape(in.get(0), filters, outputSide(in.get(2)), outputSide(in.get(3)))};
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported TransposedConv2d version " + loadVersion);
        }
        readInputShapes(is);
    }

    @Override
    public String toString() {
        return "TransposedConv2d(" + filters + ", " + kernel + "x" + kernel + ", stride " + stride + ", padding " + padding + ")";
    }
}
