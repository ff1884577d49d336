package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TensorDatasetTest {

    private static TensorDataset images() {
        // Three 2-pixel images with labels 4, 5, 4.
        return TensorDataset.ofUnitImages("img", new float[] {0, 1, 0.5f, 0.25f, 1, 1}, new int[] {4, 5, 4}, new long[] {2});
    }

    @Test
    void unitImagesAreStoredInMinusOneToOneAndMapBack() {
        TensorDataset d = images();
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.sampleSize()).isEqualTo(2);
        assertThat(d.data()).containsExactly(-1f, 1f, 0f, -0.5f, 1f, 1f);
        assertThat(d.toRaw(d.data())).containsExactly(new float[] {0, 1, 0.5f, 0.25f, 1, 1}, within(1e-7f));
        assertThat(d.fromRaw(new float[] {0.75f})).containsExactly(0.5f);
    }

    @Test
    void subsetsKeepLabelsShapeAndScale() {
        TensorDataset d = images();
        TensorDataset s = d.subset(new int[] {2, 0});
        assertThat(s.data()).containsExactly(1f, 1f, -1f, 1f);
        assertThat(s.labels()).containsExactly(4, 4);
        assertThat(s.scale()).isEqualTo(0.5);
        assertThat(d.head(2).labels()).containsExactly(4, 5);
        assertThat(d.head(10).size()).isEqualTo(3);
        assertThat(d.withLabel(4).size()).isEqualTo(2);
        assertThat(d.shuffled(1).size()).isEqualTo(3);
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThatThrownBy(() -> new TensorDataset("x", new float[5], null, new long[] {2}, 1, 0))
                .hasMessageContaining("not a multiple of the sample size 2");
        assertThatThrownBy(() -> new TensorDataset("x", new float[4], new int[3], new long[] {2}, 1, 0))
                .hasMessageContaining("3 labels for 2 samples");
        TensorDataset unlabelled = new TensorDataset("x", new float[4], null, new long[] {2}, 1, 0);
        assertThatThrownBy(() -> unlabelled.withLabel(0)).hasMessageContaining("has no labels");
    }
}
