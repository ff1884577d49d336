package org.ebgan4j.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Curves of chosen numeric fields of a {@code metrics.jsonl} file (one JSON object per line) against
 * its {@code "step"} field. Fields a file lacks are left out of the chart, and so are lines where a
 * field is not a finite number (Jackson writes NaN as the string "NaN").
 */
public final class MetricsCurves {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Curves with at least this many points are smoothed by default. */
    static final int SMOOTH_FROM = 200;
    /** The default smoothing window, as a fraction of the longest curve's points. */
    static final int SMOOTH_DIVISOR = 50;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private MetricsCurves() {}

    /**
     * A chart of the fields present, ready to write or to adjust ({@code optLogY}, {@code optSmoothing}).
     * Long curves are smoothed over 2% of their points, the raw values drawn faintly behind.
     */
    public static LineChart chart(Path metricsJsonl, String title, String... fields) throws IOException {
        List<JsonNode> lines = read(metricsJsonl);
        LineChart chart = LineChart.of(title).xLabel("step");
        int longest = 0;
        for (String field : fields) {
            double[][] xy = series(lines, field);
            if (xy[0].length > 0 && !chart.names().contains(field)) {
                chart.add(field, xy[0], xy[1]);
                longest = Math.max(longest, xy[0].length);
            }
        }
        if (longest >= SMOOTH_FROM) {
            chart.optSmoothing(longest / SMOOTH_DIVISOR);
        }
        return chart;
    }

    public static BufferedImage render(Path metricsJsonl, String title, String... fields) throws IOException {
        return chart(metricsJsonl, title, fields).render();
    }

    /** Writes the chart; if none of the fields has a value, the picture says so. */
    public static void write(Path metricsJsonl, Path png, String title, String... fields) throws IOException {
        chart(metricsJsonl, title, fields).write(png);
    }

    /** The objects of a metrics file; a line cut short by a crash mid-write is skipped. */
    public static List<JsonNode> read(Path metricsJsonl) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(metricsJsonl, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node.isObject()) {
                    lines.add(node);
                }
            } catch (JsonProcessingException e) {
                // Only the last line can be partial; the rest of the file is still worth plotting.
            }
        }
        return lines;
    }

    /**
     * {steps, values} of one field over the lines that have it as a finite number; a line without a
     * numeric "step" is placed at its index among the lines.
     */
    public static double[][] series(List<JsonNode> lines, String field) {
        double[] steps = new double[lines.size()];
        double[] values = new double[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            double v = number(lines.get(i).get(field));
            if (Double.isFinite(v)) {
                JsonNode step = lines.get(i).get("step");
                steps[n] = step != null && step.isNumber() ? step.asDouble() : i;
                values[n] = v;
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(steps, n), Arrays.copyOf(values, n)};
    }

    private static double number(JsonNode v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
