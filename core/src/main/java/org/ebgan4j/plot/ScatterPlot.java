package org.ebgan4j.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Generated 2D points drawn over the data's points, both as small semi-transparent dots so that
 * density shows where they pile up.
 *
 * <pre>{@code
 * ScatterPlot.of(data, generated).title("step 1000").optRange(new double[] {-2, 2, -2, 2}).write(png);
 * }</pre>
 */
public final class ScatterPlot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final Color DATA_COLOR = new Color(60, 60, 220, 70);
    public static final Color SAMPLE_COLOR = new Color(230, 50, 40, 120);

    private final float[] data;
    private final float[] samples;
    private String title = "";
    private double[] range;
    private int width = 520;
    private int height = 560;
    private String dataLabel = "data";
    private String sampleLabel = "generated";

    private ScatterPlot(float[] data, float[] samples) {
        this.data = data == null ? new float[0] : data;
        this.samples = samples == null ? new float[0] : samples;
    }

    /** x, y pairs of the data and of generated points; either may be empty or {@code null}. */
    public static ScatterPlot of(float[] data, float[] samples) {
        return new ScatterPlot(data, samples);
    }

    public ScatterPlot title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** {xMin, xMax, yMin, yMax}; without it the axes fit the points. */
    public ScatterPlot optRange(double[] range) {
        if (range != null && (range.length != 4 || !(range[1] > range[0]) || !(range[3] > range[2]))) {
            throw new IllegalArgumentException("range must be {xMin, xMax, yMin, yMax} with min < max, got "
                    + Arrays.toString(range));
        }
        this.range = range == null ? null : range.clone();
        return this;
    }

    /** The picture's size in pixels; the default leaves a roughly square plot above the legend. */
    public ScatterPlot optSize(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    public ScatterPlot optLabels(String data, String samples) {
        this.dataLabel = data;
        this.sampleLabel = samples;
        return this;
    }

    public BufferedImage render() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle("x").yAxisTitle("y")
                .build();
        var style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        style.setMarkerSize(4);
        style.setChartBackgroundColor(Color.WHITE);
        // Below the plot, the legend takes height rather than width, so the plot stays near square.
        style.setLegendPosition(Styler.LegendPosition.OutsideS);
        style.setLegendLayout(Styler.LegendLayout.Horizontal);
        if (range != null) {
            style.setXAxisMin(range[0]).setXAxisMax(range[1]).setYAxisMin(range[2]).setYAxisMax(range[3]);
        }
        boolean any = addSeries(chart, dataLabel, data, DATA_COLOR);
        any |= addSeries(chart, sampleLabel, samples, SAMPLE_COLOR);
        if (!any) {
            // XChart cannot lay out axes without a series; an invisible point gives it one.
            XYSeries s = chart.addSeries("(no points)", new double[] {range == null ? 0 : range[0]},
                    new double[] {range == null ? 0 : range[2]});
            s.setMarkerColor(new Color(0, 0, 0, 0));
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    public void write(Path png) throws IOException {
        Png.write(render(), png);
    }

    /** Shorthand for {@code of(data, samples).title(title).optRange(range).render()}. */
    public static BufferedImage render(String title, float[] data, float[] samples, double[] range) {
        return of(data, samples).title(title).optRange(range).render();
    }

    /** Shorthand for {@code of(data, samples).title(title).optRange(range).write(png)}. */
    public static void write(Path png, String title, float[] data, float[] samples, double[] range) throws IOException {
        of(data, samples).title(title).optRange(range).write(png);
    }

    private static boolean addSeries(XYChart chart, String name, float[] xy, Color color) {
        int n = 0;
        double[] x = new double[xy.length / 2];
        double[] y = new double[xy.length / 2];
        for (int i = 0; i + 1 < xy.length; i += 2) {
            // XChart's axis bounds go wrong with a single infinite value; a diverged sample is dropped.
            if (Float.isFinite(xy[i]) && Float.isFinite(xy[i + 1])) {
                x[n] = xy[i];
                y[n] = xy[i + 1];
                n++;
            }
        }
        if (n == 0) {
            return false;
        }
        XYSeries s = chart.addSeries(name, Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return true;
    }
}
