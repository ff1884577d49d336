package org.ebgan4j.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import org.ebgan4j.eval.SampleInputs;
import org.ebgan4j.io.SampleWriters;

import java.io.IOException;

/**
 * The rows of a scoring request, read from its body: JSON, either {@code {"rows": [[...], ...]}} or
 * the bare array of rows, or a NumPy {@code .npy} array shaped as the CLI reads samples ({@code (N,
 * dim)}, or images as {@code (N, H, W)} / {@code (N, C, H, W)}). JSON's {@code NaN} and
 * {@code Infinity} literals (which Python's {@code json} writes) are read, so that they are refused by
 * the scorer's validation with the row and value named rather than as a syntax error.
 *
 * @param values row-major, {@code n * dim}
 */
record RequestRows(float[] values, int n) {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * Parses a JSON body of rows of {@code dim} values, at most {@code maxRows} of them.
     *
     * @throws IllegalArgumentException naming what is wrong, for a 400 answer
     */
    static RequestRows ofJson(byte[] body, int dim, int maxRows) {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("the body is empty; send {\"rows\": [[...], ...]} with " + dim + " values a row");
            }
            if (t == JsonToken.START_OBJECT) {
                RequestRows rows = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("rows")) {
                        rows = rows(p, dim, maxRows);
                    } else {
                        throw new IllegalArgumentException("unknown field \"" + field + "\"; the body is {\"rows\": [[...], ...]}");
                    }
                }
                if (rows == null) {
                    throw new IllegalArgumentException("no \"rows\" field; send {\"rows\": [[...], ...]} with " + dim + " values a row");
                }
                requireEnd(p);
                return rows;
            }
            RequestRows rows = rows(p, dim, maxRows);
            requireEnd(p);
            return rows;
        } catch (JsonParseException e) {
            String what = e.getOriginalMessage().lines().findFirst().orElse("");
            int source = what.indexOf(" (start marker");
            what = source > 0 ? what.substring(0, source) : what.replaceAll("\\s*\\(.*\\[Source:.*$", "");
            throw new IllegalArgumentException("the body is not valid JSON: " + what + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read as JSON: " + e.getMessage());
        }
    }

    /** Parses a {@code .npy} body; its shape must fit {@code reader}. */
    static RequestRows ofNpy(byte[] body, SampleInputs.Reader reader, int maxRows) {
        SampleWriters.Samples s = SampleWriters.readNpy(body, "the request body");
        SampleInputs.requireShape("the request body", s, reader);
        long n = s.shape()[0];
        if (n > maxRows) {
            throw new TooLarge("the request holds " + n + " rows; at most " + maxRows + " are scored per request: split it");
        }
        return new RequestRows(s.values(), (int) n);
    }

    /** More rows than a request may hold (HTTP 413). */
    static final class TooLarge extends IllegalArgumentException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static RequestRows rows(JsonParser p, int dim, int maxRows) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("\"rows\" must be an array of rows, each an array of " + dim + " numbers");
        }
        float[] values = new float[Math.min(maxRows, 64) * dim];
        int n = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("row " + n + " is not an array; each row is an array of " + dim + " numbers");
            }
            if (n == maxRows) {
                throw new TooLarge("the request holds more than " + maxRows + " rows, the most scored per request: split it");
            }
            if ((n + 1) * dim > values.length) {
                values = java.util.Arrays.copyOf(values, Math.min(maxRows, 2 * (n + 1)) * dim);
            }
            int k = 0;
            for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw new IllegalArgumentException("row " + n + ", value " + k + " is " + (v == JsonToken.VALUE_NULL ? "null"
                            : v == JsonToken.VALUE_STRING ? "the string \"" + p.getText() + "\"" : "not a number")
                            + "; every value must be a number");
                }
                if (k < dim) {
                    values[n * dim + k] = p.getFloatValue();
                }
                k++;
            }
            if (k != dim) {
                throw new IllegalArgumentException("row " + n + " has " + k + " values; this model takes " + dim);
            }
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no rows to score; give at least one row of " + dim + " values");
        }
        return new RequestRows(n * dim == values.length ? values : java.util.Arrays.copyOf(values, n * dim), n);
    }

    private static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new IllegalArgumentException("the body has more after its JSON value; send one {\"rows\": ...} object");
        }
    }
}
