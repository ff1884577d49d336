package org.ebgan4j.semi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

class LadderNetworkTest {

    @Test
    void theCombinatorMatchesAHandComputedValue() {
        double[] a = {1, 2, 0, 0.5, 0.1, 2, 1, 0, 0, 0.3};
        // mu = sigmoid(0.4) + 0.5 * 0.2 + 0.1 = 0.7986877, v = 2 sigmoid(0.2) + 0.3 = 1.3996680,
        // z_hat = (0.7 - mu) v + mu = 0.6605577.
        assertThat(Combinator.apply(0.7, 0.2, a)).isCloseTo(0.6605577, within(1e-6));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] params = new NDArray[10];
            for (int k = 0; k < 10; k++) {
                params[k] = m.create(new float[] {(float) a[k], (float) a[k]});
            }
            NDArray zHat = Combinator.apply(m.create(new float[] {0.7f, -1.5f}, new Shape(1, 2)),
                    m.create(new float[] {0.2f, 3f}, new Shape(1, 2)), params);
            assertThat(zHat.getFloat(0, 0)).isCloseTo(0.6605577f, within(1e-6f));
            assertThat(zHat.getFloat(0, 1)).isCloseTo((float) Combinator.apply(-1.5, 3, a), within(1e-5f));
            // At its initial parameters the combinator answers 0 whatever it is given.
            for (int k = 0; k < 10; k++) {
                params[k] = m.create(new float[] {Combinator.INITIAL[k], Combinator.INITIAL[k]});
            }
            assertThat(Combinator.apply(m.create(new float[] {0.7f, -1.5f}, new Shape(1, 2)),
                    m.create(new float[] {0.2f, 3f}, new Shape(1, 2)), params).toFloatArray()).containsExactly(0f, 0f);
        }
    }

    @Test
    void theCostsAndTheBatchNormalisationMatchHandValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            // ||(1, 2) - (0, 0)||^2 / 2 = 2.5 and ||(0, 1) - (0, 3)||^2 / 2 = 2.
            NDArray cost = LadderNetwork.reconstructionCost(m.create(new float[] {1, 2, 0, 1}, new Shape(2, 2)),
                    m.create(new float[] {0, 0, 0, 3}, new Shape(2, 2)));
            assertThat(cost.toFloatArray()).containsExactly(2.5f, 2f);
            // Cross-entropy: -log softmax(1, 2, 0)[1] = 0.4076060; uniform logits give log 3.
            NDArray ce = LadderNetwork.crossEntropy(m.create(new float[] {1, 2, 0, 0, 0, 0}, new Shape(2, 3)),
                    m.create(new int[] {1, 2}));
            assertThat(ce.getFloat(0)).isCloseTo(0.4076060f, within(1e-6f));
            assertThat(ce.getFloat(1)).isCloseTo((float) Math.log(3), within(1e-6f));
            // Columns (1, 3) and (10, 10): (-1, 1) / sqrt(1 + eps) and (0, 0).
            NDArray bn = LadderNetwork.normalise(m.create(new float[] {1, 10, 3, 10}, new Shape(2, 2)));
            assertThat(bn.getFloat(0, 0)).isCloseTo(-1f, within(1e-4f));
            assertThat(bn.getFloat(1, 0)).isCloseTo(1f, within(1e-4f));
            assertThat(bn.getFloat(0, 1)).isEqualTo(0f);
        }
    }

    @Test
    void theSupervisedCostSeesOnlyTheLabelledRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray labels = m.create(new int[] {1, 2});
            NDArray logits = m.create(new float[] {1, 2, 0, 0, 0, 0, 9, -9, 3, 5, 5, 5}, new Shape(4, 3));
            NDArray other = m.create(new float[] {1, 2, 0, 0, 0, 0, -4, 4, 0, 7, 1, 1}, new Shape(4, 3));
            float cost = SemiSupervisedTraining.supervisedCost(logits, labels).getFloat();
            assertThat(cost).isCloseTo((float) ((0.4076060 + Math.log(3)) / 2), within(1e-6f));
            // Other logits on the unlabelled rows 2 and 3 leave it as it is.
            assertThat(SemiSupervisedTraining.supervisedCost(other, labels).getFloat()).isEqualTo(cost);
        }
    }

    @Test
    void theCleanPassHasNoNoiseAndTheCorruptedOneHas() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            LadderNetwork ladder = new LadderNetwork(new int[] {6, 5, 4, 3});
            ladder.initialize(m);
            NDArray x = m.randomUniform(0, 1, new Shape(8, 6));
            LadderNetwork.Pass a = ladder.encode(x, 0, false);
            LadderNetwork.Pass b = ladder.encode(x, 0, false);
            LadderNetwork.Pass noisy = ladder.encode(x, 0.3f, false);
            assertThat(a.z()[0].toFloatArray()).containsExactly(x.toFloatArray());
            for (int l = 0; l < 4; l++) {
                assertThat(a.z()[l].toFloatArray()).containsExactly(b.z()[l].toFloatArray());
                assertThat(noisy.z()[l].toFloatArray()).isNotEqualTo(a.z()[l].toFloatArray());
            }
            // Clean hidden layers are batch-normalised: each unit has mean 0 and variance 1 over the batch.
            float[] z1 = a.z()[1].mean(new int[] {0}).toFloatArray();
            for (float v : z1) {
                assertThat(v).isCloseTo(0f, within(1e-5f));
            }
            assertThat(a.z()[1].square().mean().getFloat()).isCloseTo(1f, within(1e-3f));
            // The decoder gives an estimate of every layer; at the combinator's initial parameters the input's is 0.
            NDArray[] zHat = ladder.decode(noisy, a);
            assertThat(zHat).hasSize(4);
            assertThat(zHat[0].abs().max().getFloat()).isEqualTo(0f);
            assertThat(zHat[2].getShape()).isEqualTo(new Shape(8, 4));
        }
    }

    @Test
    void theLabelledSubsetIsBalancedAndSeeded() {
        int[] labels = new int[1000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i * 7) % 10;
        }
        int[] a = LabelledSubset.balanced(labels, 10, 100, 1);
        int[] perClass = new int[10];
        for (int i : a) {
            perClass[labels[i]]++;
        }
        assertThat(perClass).containsOnly(10);
        assertThat(Arrays.stream(a).distinct().count()).isEqualTo(100);
        assertThat(LabelledSubset.balanced(labels, 10, 100, 1)).containsExactly(a);
        assertThat(LabelledSubset.balanced(labels, 10, 100, 2)).isNotEqualTo(a);
        int[] odd = LabelledSubset.balanced(labels, 10, 25, 1);
        int[] oddCount = new int[10];
        for (int i : odd) {
            oddCount[labels[i]]++;
        }
        assertThat(oddCount).containsExactly(3, 3, 3, 3, 3, 2, 2, 2, 2, 2);
        assertThatThrownBy(() -> LabelledSubset.balanced(labels, 10, 5, 1)).hasMessageContaining("at least one labelled row per class");
        assertThatThrownBy(() -> LabelledSubset.balanced(labels, 10, 2000, 1)).hasMessageContaining("fewer than the 200");
    }
}
