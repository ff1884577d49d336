package org.ebgan4j.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Generated 2D points drawn over the data's points. */
public final class ScatterPlot {

    private ScatterPlot() {}

    /**
     * @param data x, y pairs of the data
     * @param samples x, y pairs of generated points
     * @param range {xMin, xMax, yMin, yMax}
     */
    public static BufferedImage render(String title, float[] data, float[] samples, double[] range) {
        XYChart chart = new XYChartBuilder().width(560).height(560).title(title).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]).setYAxisMin(range[2]).setYAxisMax(range[3]);
        addSeries(chart, "data", data, new Color(60, 60, 220, 70));
        addSeries(chart, "generated", samples, new Color(230, 50, 40, 120));
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void addSeries(XYChart chart, String name, float[] xy, Color color) {
        int n = xy.length / 2;
        if (n == 0) {
            return;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }

    public static void write(Path png, String title, float[] data, float[] samples, double[] range) throws IOException {
        Png.write(render(title, data, samples, range), png);
    }
}
