package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class IdxDatasetsTest {

    @Test
    void findsTheSplitsByTheirStandardNames(@TempDir Path dir) throws Exception {
        IdxFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 2, 1, 2, new byte[] {0, 1, 2, 3}), true);
        IdxFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxFiles.labels(2, new byte[] {4, 5}), true);
        IdxFiles.write(dir.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 1, 1, 2, new byte[] {9, 9}), false);
        IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labels(1, new byte[] {6}), false);
        TensorDataset train = IdxDatasets.load(dir, IdxDatasets.Split.TRAIN, "x");
        assertThat(train.labels()).containsExactly(4, 5);
        assertThat(train.sampleShape()).containsExactly(2L);
        assertThat(IdxDatasets.load(dir, IdxDatasets.Split.TEST, "x").labels()).containsExactly(6);
    }

    @Test
    void missingFolderAndFilesSayWhereAndHow(@TempDir Path dir) {
        assertThatThrownBy(() -> IdxDatasets.load(dir.resolve("absent"), IdxDatasets.Split.TRAIN, "x", "install it"))
                .hasMessageContaining("absent does not exist; install it");
        assertThatThrownBy(() -> IdxDatasets.load(dir, IdxDatasets.Split.TEST, "x"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no t10k-images-idx3-ubyte[.gz] in " + dir)
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("`dataDir`");
        assertThat(IdxDatasets.FASHION_MNIST_DIR).isEqualTo(Path.of("/usr/share/datasets/fashion-mnist"));
    }
}
