package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class SplitsTest {

    /** Sample i is the single value i, labelled i % 10. */
    private static TensorDataset numbered(int n) {
        float[] x = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            labels[i] = i % 10;
        }
        return new TensorDataset("numbered", x, labels, new long[] {1}, 2, 0.5);
    }

    @Test
    void partsAreDisjointCoverEverythingAndKeepTheirLabels() {
        Splits.Split s = Splits.split(numbered(1000), 0.1, 7);
        assertThat(s.train().size()).isEqualTo(900);
        assertThat(s.test().size()).isEqualTo(100);
        Set<Float> seen = new HashSet<>();
        for (TensorDataset part : new TensorDataset[] {s.train(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                float v = part.data()[i];
                assertThat(seen.add(v)).isTrue();
                assertThat(part.labels()[i]).isEqualTo((int) v % 10);
            }
            assertThat(part.scale()).isEqualTo(2);
            assertThat(part.offset()).isEqualTo(0.5);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theSeedDecides() {
        TensorDataset d = numbered(200);
        assertThat(Splits.split(d, 0.25, 3).test().data()).containsExactly(Splits.split(d, 0.25, 3).test().data());
        assertThat(Splits.split(d, 0.25, 3).test().data()).isNotEqualTo(Splits.split(d, 0.25, 4).test().data());
    }

    @Test
    void rejectsFractionsOutsideTheOpenInterval() {
        assertThatThrownBy(() -> Splits.split(numbered(10), 0, 1)).hasMessageContaining("(0, 1), got 0.0");
        assertThatThrownBy(() -> Splits.split(numbered(10), 1, 1)).hasMessageContaining("(0, 1)");
    }
}
