package org.ebgan4j.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bars over named categories, several series overlapped and translucent: histograms drawn side by
 * side in one frame, such as the share of models per inception-score bin of two families.
 */
public final class BarChart {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private record Series(String name, double[] values) {}

    private final String title;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private int width = 640;
    private int height = 400;
    private Double yMax;

    private BarChart(String title, List<String> categories) {
        this.title = title == null ? "" : title;
        this.categories = List.copyOf(categories);
    }

    /** A chart over {@code categories} (the x axis, in order). */
    public static BarChart of(String title, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a bar chart needs at least one category");
        }
        return new BarChart(title, categories);
    }

    /** One value per category. */
    public BarChart add(String name, double[] values) {
        if (values.length != categories.size()) {
            throw new IllegalArgumentException(name + " has " + values.length + " values for " + categories.size() + " categories");
        }
        series.add(new Series(name, values.clone()));
        return this;
    }

    public BarChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public BarChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public BarChart optSize(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** The top of the y axis, shared by charts to be compared side by side. */
    public BarChart optYMax(double max) {
        this.yMax = max;
        return this;
    }

    public BufferedImage render() {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        var style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setOverlapped(true);
        style.setLegendPosition(Styler.LegendPosition.InsideNE);
        style.setXAxisLabelRotation(45);
        style.setYAxisMin(0.0);
        if (yMax != null) {
            style.setYAxisMax(yMax);
        }
        if (series.isEmpty()) {
            chart.addSeries("(no data)", categories, Arrays.stream(new double[categories.size()]).boxed().toList());
        }
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            var added = chart.addSeries(s.name, categories, Arrays.stream(s.values).boxed().toList());
            Color c = LineChart.PALETTE[k % LineChart.PALETTE.length];
            added.setFillColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 120));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    public void write(Path png) throws IOException {
        Png.write(render(), png);
    }
}
