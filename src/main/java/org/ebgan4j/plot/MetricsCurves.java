package org.ebgan4j.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Curves of chosen fields of a {@code metrics.jsonl} file against the step. */
public final class MetricsCurves {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsCurves() {}

    /** Plots the named fields; fields absent from the file and non-finite values are left out. */
    public static BufferedImage render(Path metricsJsonl, String title, String... fields) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(metricsJsonl, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        XYChart chart = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("step").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        int added = 0;
        for (String field : fields) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (JsonNode n : lines) {
                JsonNode v = n.get(field);
                if (v != null && v.isNumber() && Double.isFinite(v.asDouble())) {
                    xs.add(n.path("step").asDouble());
                    ys.add(v.asDouble());
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries(field, xs, ys);
                s.setMarker(SeriesMarkers.NONE);
                added++;
            }
        }
        if (added == 0) {
            throw new IllegalArgumentException(metricsJsonl + " has none of the fields " + String.join(", ", fields));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    public static void write(Path metricsJsonl, Path png, String title, String... fields) throws IOException {
        Png.write(render(metricsJsonl, title, fields), png);
    }
}
