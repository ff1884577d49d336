package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.function.Function;

/** Checks an autograd gradient against central finite differences, in double precision. */
final class FiniteDifferences {

    private FiniteDifferences() {}

    static void assertGradientMatches(NDManager manager, double[] point, Shape shape, Function<NDArray, NDArray> f) {
        double[] analytic;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(point, shape);
            x.setRequiresGradient(true);
            try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                c.backward(f.apply(x));
            }
            analytic = x.getGradient().toDoubleArray();
        }
        double h = 1e-6;
        for (int i = 0; i < point.length; i++) {
            double up = evaluate(manager, point, shape, f, i, h);
            double down = evaluate(manager, point, shape, f, i, -h);
            double numeric = (up - down) / (2 * h);
            assertThat(analytic[i]).as("d/dx[%d]", i).isCloseTo(numeric, within(1e-6 + 1e-5 * Math.abs(numeric)));
        }
    }

    private static double evaluate(NDManager manager, double[] point, Shape shape, Function<NDArray, NDArray> f, int i, double h) {
        double[] p = point.clone();
        p[i] += h;
        try (NDManager m = manager.newSubManager()) {
            return f.apply(m.create(p, shape)).toDoubleArray()[0];
        }
    }
}
