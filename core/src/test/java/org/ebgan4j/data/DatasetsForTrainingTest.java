package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

class DatasetsForTrainingTest {

    @Test
    void labelAndHoldOutSelectOneClassAndKeepTheSameImagesOutForEverySeed(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticDigits.writeIdx(tmp, 30, 5, 3);
        Splits.Split a = Datasets.forTraining("mnist", dir, 0, 7, 10, 1);
        Splits.Split b = Datasets.forTraining("mnist", dir, 0, 7, 10, 99);
        assertThat(a.train().size()).isEqualTo(20);
        assertThat(a.test().size()).isEqualTo(10);
        assertThat(a.train().labels()).containsOnly(7);
        assertThat(a.test().labels()).containsOnly(7);
        assertThat(a.test().data()).containsExactly(b.test().data());
        // No held-out image is also a training image.
        for (int i = 0; i < a.test().size(); i++) {
            float[] held = Arrays.copyOfRange(a.test().data(), i * 784, (i + 1) * 784);
            for (int j = 0; j < a.train().size(); j++) {
                assertThat(Arrays.equals(held, Arrays.copyOfRange(a.train().data(), j * 784, (j + 1) * 784))).isFalse();
            }
        }
    }

    @Test
    void withoutHoldOutTheTestSplitIsHeldOut(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticDigits.writeIdx(tmp, 3, 2, 3);
        Splits.Split all = Datasets.forTraining("mnist", dir, 0, null, 0, 0);
        assertThat(all.train().size()).isEqualTo(30);
        assertThat(all.test().size()).isEqualTo(20);
        assertThat(Datasets.forTraining("mnist", dir, 0, 4, 0, 0).test().labels()).containsExactly(4, 4);
    }

    @Test
    void badRequestsNameTheProblem(@TempDir Path tmp) throws IOException {
        Path dir = SyntheticDigits.writeIdx(tmp, 3, 2, 3);
        assertThatThrownBy(() -> Datasets.forTraining("mnist", dir, 0, 2, 3, 0))
                .isInstanceOf(DatasetException.class).hasMessageContaining("leaves nothing to train on");
        assertThatThrownBy(() -> Datasets.forTraining("mnist", dir, 0, 11, 0, 0))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no samples of class 11");
        assertThatThrownBy(() -> Datasets.forTraining("gaussians4", null, 100, 1, 0, 0))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no labels");
        assertThatThrownBy(() -> Datasets.requireImages("spirals")).hasMessageContaining("2D mixture");
    }

    @Test
    void holdOutSplitsByCount() {
        TensorDataset d = SyntheticDigits.dataset(2, 1);
        Splits.Split s = Splits.holdOut(d, 5, 0);
        assertThat(s.train().size()).isEqualTo(15);
        assertThat(s.test().size()).isEqualTo(5);
        assertThatThrownBy(() -> Splits.holdOut(d, 20, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
