package org.ebgan4j.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

import java.util.List;

class StepMetricsTest {

    @Test
    void deferredValuesAreReadBackTogetherInTheOrderTheyWerePut() {
        try (NDManager m = NDManager.newBaseManager()) {
            StepMetrics metrics = new StepMetrics()
                    .defer("a", m.create(new float[] {1.5f, 2.5f}).mean())
                    .put("margin", 10)
                    .defer("b", m.create(-0.25f))
                    .defer("c", m.create(new float[] {3f}, new Shape(1, 1)));
            // Read once, all at the first read, with the values a host read of each would give.
            assertThat(metrics.get("b")).isEqualTo(-0.25);
            assertThat(metrics.asMap()).containsExactly(java.util.Map.entry("a", 2.0), java.util.Map.entry("margin", 10.0),
                    java.util.Map.entry("b", -0.25), java.util.Map.entry("c", 3.0));
            assertThat(List.copyOf(metrics.asMap().keySet())).containsExactly("a", "margin", "b", "c");
        }
    }

    @Test
    void aDeferredNanIsSeenByTheDivergenceCheckAndOnlyScalarsAreTaken() {
        try (NDManager m = NDManager.newBaseManager()) {
            StepMetrics metrics = new StepMetrics().defer("loss_d", m.create(1f)).defer("loss_g", m.create(Float.NaN));
            assertThat(metrics.firstNonFinite()).isEqualTo("loss_g");
            assertThatThrownBy(() -> metrics.defer("energy", m.create(new float[] {1, 2})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value").hasMessageContaining("(2)");
        }
    }
}
