package org.ebgan4j.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.TransposedConv2d;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * Times {@link TransposedConv2d} (forward and backward; as it computes it, one convolution per phase, and zero
 * insertion) against the plain {@code Conv2d} it is the
 * transpose of: a stride-s convolution from the transposed layer's output back to its input shape
 * does the same multiply-adds, so the ratio is the price of building the layer from other operations.
 */
public final class TransposedConvBenchmark {

    /** Milliseconds per forward+backward pass, median over the timed repetitions. */
    public record Result(String layer, double transposedMs, double byPhasesMs, double dilatedMs, double convMs) {}

    private TransposedConvBenchmark() {}

    /** Waits for the backward pass that wrote {@code input}'s gradient (a GPU runs it asynchronously; on the CPU it has finished). */
    private static void finish(NDArray input) {
        try (NDArray g = input.getGradient()) {
            g.getFloat(0, 0, 0, 0);
        }
    }

    /**
     * @param batch images per pass
     * @param in input maps of the transposed layer (output maps of the conv)
     * @param out output maps of the transposed layer
     * @param side input side of the transposed layer
     */
    public static Result run(int batch, int in, int out, int side, int kernel, int stride, int padding, int reps, PrintStream log) {
        try (NDManager m = NDManager.newBaseManager(ComputeDevice.current())) {
            NDArray x = m.randomNormal(new Shape(batch, in, side, side));
            NDArray w = m.randomNormal(0, 0.02f, new Shape(in, out, kernel, kernel), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray b = m.zeros(new Shape(out));
            long outSide = (side - 1) * stride - 2L * padding + kernel;
            NDArray y = m.randomNormal(new Shape(batch, out, outSide, outSide));
            NDArray wc = m.randomNormal(0, 0.02f, new Shape(in, out, kernel, kernel), ai.djl.ndarray.types.DataType.FLOAT32);
            NDArray bc = m.zeros(new Shape(in));
            for (NDArray a : new NDArray[] {x, w, b, y, wc, bc}) {
                a.setRequiresGradient(true);
            }
            double[] t = new double[reps];
            double[] ph = new double[reps];
            double[] d = new double[reps];
            double[] c = new double[reps];
            for (int r = -2; r < reps; r++) {
                long t0 = System.nanoTime();
                try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray o = TransposedConv2d.apply(x, w, b, stride, padding, 0);
                    gc.backward(o.sum());
                }
                finish(x);
                long t1 = System.nanoTime();
                try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray o = TransposedConv2d.applyByPhases(x, w, b, stride, padding, 0);
                    gc.backward(o.sum());
                }
                finish(x);
                long t1a = System.nanoTime();
                try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray o = TransposedConv2d.applyByDilation(x, w, b, stride, padding, 0);
                    gc.backward(o.sum());
                }
                finish(x);
                long t1b = System.nanoTime();
                try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray o = Conv2d.conv2d(y, wc, bc, new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), 1)
                            .singletonOrThrow();
                    gc.backward(o.sum());
                }
                finish(y);
                long t2 = System.nanoTime();
                if (r >= 0) {
                    t[r] = (t1 - t0) / 1e6;
                    ph[r] = (t1a - t1) / 1e6;
                    d[r] = (t1b - t1a) / 1e6;
                    c[r] = (t2 - t1b) / 1e6;
                }
            }
            String layer = String.format("(%d)%dt%ds on %dx%dx%d, batch %d", out, kernel, stride, in, side, side, batch);
            Result result = new Result(layer, median(t), median(ph), median(d), median(c));
            if (log != null) {
                log.printf("%-36s TransposedConv2d %7.2f ms (x%.2f); one conv per phase %7.2f ms (x%.2f); zero insertion %7.2f ms "
                        + "(x%.2f); plain conv %7.2f ms%n", layer, result.transposedMs(), result.transposedMs() / result.convMs(),
                        result.byPhasesMs(), result.byPhasesMs() / result.convMs(), result.dilatedMs(),
                        result.dilatedMs() / result.convMs(), result.convMs());
            }
            return result;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
