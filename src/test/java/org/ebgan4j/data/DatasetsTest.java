package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class DatasetsTest {

    @Test
    void mixturesAreGeneratedWithTheRequestedSize() {
        TensorDataset ds = Datasets.load("spirals", null, 500, 1);
        assertThat(ds.size()).isEqualTo(500);
        assertThat(ds.sampleShape()).containsExactly(2L);
        assertThat(Datasets.load("gaussians4", null, 0, 1).size()).isEqualTo(Datasets.MIXTURE_SAMPLES);
    }

    @Test
    void unknownNamesAndMissingFoldersGetOneLineHelp(@TempDir Path dir) {
        assertThatThrownBy(() -> Datasets.load("cifar", null, 0, 0))
                .isInstanceOf(DatasetException.class).hasMessageContaining("unknown data set 'cifar'").hasMessageContaining("fashion-mnist");
        assertThatThrownBy(() -> Datasets.load("mnist", null, 0, 0)).hasMessageContaining("needs --data-dir");
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", dir.resolve("x"), 0, 0))
                .hasMessageContaining("apt-get install dataset-fashion-mnist");
        assertThatThrownBy(() -> Datasets.load("mnist-json", dir, 0, 0)).hasMessageContaining("has no 0.json");
    }

    @Test
    void digitsAreShuffledSoThatAPrefixHoldsEveryClass(@TempDir Path dir) throws Exception {
        DigitsJsonTest.writeDigits(dir);
        TensorDataset ds = Datasets.load("mnist-json", dir, 30, 0);
        assertThat(ds.size()).isEqualTo(30);
        assertThat(java.util.Arrays.stream(ds.labels()).distinct().count()).isGreaterThan(5);
    }
}
