package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.SyntheticDigits;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.nn.ClassifierNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

class DigitClassifierTest {

    private static final DataSpec SOURCE = new DataSpec("synthetic", null, 0, 0.5, 0.5);

    @Test
    void learnsTenSeparableClassesAndReloadsToTheSamePredictions(@TempDir Path tmp) throws IOException {
        TensorDataset train = SyntheticDigits.dataset(40, 1);
        TensorDataset test = SyntheticDigits.dataset(10, 2);
        DigitClassifier.Settings settings = new DigitClassifier.Settings(3, 32, 2e-3f, 0, 0.3f, 5);
        float[] before;
        try (DigitClassifier c = DigitClassifier.train(train, test, settings, SOURCE, false)) {
            assertThat(c.info().heldOutAccuracy()).isGreaterThan(0.9);
            assertThat(c.accuracy(test)).isEqualTo(c.info().heldOutAccuracy());
            before = c.probabilities(test.data(), test.size());
            for (int i = 0; i < test.size(); i++) {
                double sum = 0;
                for (int k = 0; k < 10; k++) {
                    sum += before[i * 10 + k];
                }
                assertThat(sum).isCloseTo(1.0, within(1e-4));
            }
            assertThat(c.features(test.data(), test.size())).hasSize(test.size() * ClassifierNetwork.FEATURES);
            c.save(tmp.resolve("cls"));
        }
        try (DigitClassifier loaded = DigitClassifier.load(tmp.resolve("cls"))) {
            assertThat(loaded.info().trainSamples()).isEqualTo(400);
            assertThat(loaded.probabilities(test.data(), test.size())).containsExactly(before, within(1e-6f));
        }
    }

    @Test
    void untrainedPredictionsAreNearChanceAndBadInputIsRejected(@TempDir Path tmp) {
        TensorDataset test = SyntheticDigits.dataset(10, 2);
        // One step at a tiny rate leaves the network untrained: accuracy stays near 1/10.
        DigitClassifier.Settings settings = new DigitClassifier.Settings(1, 400, 1e-7f, 0, 0f, 5);
        try (DigitClassifier c = DigitClassifier.train(SyntheticDigits.dataset(40, 1), test, settings, SOURCE, false)) {
            assertThat(c.info().heldOutAccuracy()).isLessThan(0.4);
            assertThatThrownBy(() -> c.probabilities(new float[100], 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("28x28");
        }
        assertThatThrownBy(() -> DigitClassifier.load(tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("ebgan classifier train");
    }

    @Test
    void aCorruptParameterFileIsReportedNotCrashed(@TempDir Path tmp) throws IOException {
        TensorDataset data = SyntheticDigits.dataset(4, 1);
        try (DigitClassifier c = DigitClassifier.train(data, data, new DigitClassifier.Settings(1, 20, 1e-3f, 1, 0f, 0), SOURCE, false)) {
            c.save(tmp);
        }
        byte[] params = Files.readAllBytes(tmp.resolve(DigitClassifier.PARAMS));
        Files.write(tmp.resolve(DigitClassifier.PARAMS), Arrays.copyOf(params, params.length / 2));
        assertThatThrownBy(() -> DigitClassifier.load(tmp))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read the classifier");
    }
}
