package org.ebgan4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

class SgdOptimizerTest {

    /** One linear unit without bias, weights w = (1, 2); the loss sum(x . w) has gradient x. */
    private static Linear unit(NDManager m) {
        Linear l = Linear.builder().setUnits(1).optBias(false).build();
        l.setInitializer(new ConstantInitializer(1f), Parameter.Type.WEIGHT);
        l.initialize(m, DataType.FLOAT32, new Shape(1, 2));
        l.getParameters().get("weight").getArray().set(new float[] {1, 2});
        return l;
    }

    private static void backward(NDManager m, Linear l, float[] x) {
        try (NDManager sub = m.newSubManager(); GradientCollector c = Engine.getInstance().newGradientCollector()) {
            NDArray out = l.forward(new ParameterStore(sub, false), new NDList(sub.create(x, new Shape(1, 2))), true).singletonOrThrow();
            c.backward(out.sum());
        }
    }

    private static float[] weights(Linear l) {
        return l.getParameters().get("weight").getArray().toFloatArray();
    }

    @Test
    void momentumAccumulatesTheScaledGradientAsHandComputed() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear l = unit(m);
            try (SgdOptimizer sgd = new SgdOptimizer(l, m, 0.1f, 0.5f)) {
                float[] x = {3, -1};
                backward(m, l, x);
                sgd.step();
                // v1 = 0.1 x = (0.3, -0.1); w1 = (0.7, 2.1)
                assertThat(weights(l)).containsExactly(new float[] {0.7f, 2.1f}, within(1e-6f));
                backward(m, l, x);
                sgd.step();
                // v2 = 0.5 v1 + 0.1 x = (0.45, -0.15); w2 = (0.25, 2.25)
                assertThat(weights(l)).containsExactly(new float[] {0.25f, 2.25f}, within(1e-6f));
                assertThat(l.getParameters().get("weight").getArray().getGradient().abs().sum().getFloat()).isZero();

                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                sgd.save(new DataOutputStream(saved));
                Linear copy = unit(m);
                try (SgdOptimizer restored = new SgdOptimizer(copy, m, 0.1f, 0.5f)) {
                    restored.load(new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
                    assertThat(restored.updates()).isEqualTo(2);
                    // The same third step from the same weights and velocity gives the same weights.
                    copy.getParameters().get("weight").getArray().set(weights(l));
                    backward(m, l, x);
                    sgd.step();
                    backward(m, copy, x);
                    restored.step();
                    assertThat(weights(copy)).containsExactly(weights(l));
                }
            }
        }
    }

    @Test
    void withoutMomentumItIsPlainGradientDescent() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear l = unit(m);
            try (SgdOptimizer sgd = new SgdOptimizer(l, m, 0.01f, 0f)) {
                backward(m, l, new float[] {10, 20});
                sgd.step();
                assertThat(weights(l)).containsExactly(new float[] {0.9f, 1.8f}, within(1e-6f));
                sgd.scaleLearningRate(0.5, 0f);
                assertThat(sgd.learningRate()).isEqualTo(0.005f);
            }
        }
    }
}
