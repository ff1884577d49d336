package org.ebgan4j.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Named curves against a common x (usually the training step), e.g. real and fake energy, or the
 * losses. Non-finite points are left out (and, on a log axis, values &le; 0). With smoothing each
 * curve is a centred moving average drawn over its raw values in a faint shade of the same colour.
 *
 * <pre>{@code
 * LineChart.of("losses").add("loss_d", steps, lossD).add("loss_g", steps, lossG).optSmoothing(25).write(png);
 * }</pre>
 */
public final class LineChart {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Series colours in order (the "tab10" palette), distinguishable for most colour-blind viewers. */
    static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)
    };
    private static final int RAW_ALPHA = 60;

    private record Series(String name, double[] x, double[] y) {}

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "step";
    private String yLabel = "";
    private int window = 1;
    private boolean logY;
    private int width = 800;
    private int height = 450;

    private LineChart(String title) {
        this.title = title == null ? "" : title;
    }

    public static LineChart of(String title) {
        return new LineChart(title);
    }

    public LineChart xLabel(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    public LineChart yLabel(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /** Adds a curve through (x[i], y[i]) in the order given; names must differ. */
    public LineChart add(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
        }
        if (series.stream().anyMatch(s -> s.name.equals(name))) {
            throw new IllegalArgumentException("two curves named " + name);
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Moving average over {@code window} points (1 = none). */
    public LineChart optSmoothing(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("smoothing window must be at least 1, got " + window);
        }
        this.window = window;
        return this;
    }

    public LineChart optLogY(boolean logY) {
        this.logY = logY;
        return this;
    }

    public LineChart optSize(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Names of the curves added so far. */
    public List<String> names() {
        return series.stream().map(Series::name).toList();
    }

    /** The chart; without a single plottable point, a blank picture saying so. */
    public BufferedImage render() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        var style = chart.getStyler();
        style.setChartBackgroundColor(Color.WHITE);
        style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        style.setLegendPosition(Styler.LegendPosition.OutsideE);
        style.setYAxisLogarithmic(logY);
        // Steps run into the thousands: without the grouping separator, tick labels do not collide.
        style.setXAxisDecimalPattern("#.##########");
        style.setXAxisTickMarkSpacingHint(110);
        int drawn = 0;
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            double[][] xy = plottable(s.x, s.y, logY);
            if (xy[0].length == 0) {
                continue;
            }
            Color colour = PALETTE[k % PALETTE.length];
            if (window > 1) {
                XYSeries raw = chart.addSeries(s.name + " (raw)", xy[0], xy[1]);
                raw.setMarker(SeriesMarkers.NONE);
                raw.setLineColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), RAW_ALPHA));
                raw.setLineWidth(1f);
                raw.setShowInLegend(false);
                xy[1] = movingAverage(xy[1], window);
            }
            XYSeries line = chart.addSeries(s.name, xy[0], xy[1]);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colour);
            line.setLineWidth(window > 1 ? 2f : 1.5f);
            drawn++;
        }
        return drawn > 0 ? BitmapEncoder.getBufferedImage(chart) : blank();
    }

    public void write(Path png) throws IOException {
        Png.write(render(), png);
    }

    /**
     * Centred moving average: point i is the mean of the points within {@code window / 2} of it on
     * either side (fewer at the ends), so a smoothed curve stays aligned with its raw values.
     */
    static double[] movingAverage(double[] y, int window) {
        int n = y.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + y[i];
        }
        int before = window / 2;
        int after = window - 1 - before;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int lo = Math.max(0, i - before);
            int hi = Math.min(n, i + after + 1);
            out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return out;
    }

    private static double[][] plottable(double[] x, double[] y, boolean logY) {
        double[] px = new double[x.length];
        double[] py = new double[y.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                px[n] = x[i];
                py[n] = y[i];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(px, n), Arrays.copyOf(py, n)};
    }

    private BufferedImage blank() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        String what = series.isEmpty() ? "no curves" : "no finite values in " + String.join(", ", names());
        g.drawString(what + (logY ? " (above 0, for the log axis)" : ""), 20, height / 2);
        g.dispose();
        return img;
    }
}
