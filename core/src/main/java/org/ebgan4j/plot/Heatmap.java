package org.ebgan4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A scalar field on a regular 2D grid (a true or a learned energy) drawn in {@link Colormap#viridis}
 * with a colour bar and a title, optionally with points over it. Low values are dark, high bright.
 *
 * <pre>{@code
 * Heatmap.of(values, nx, ny, new double[] {-2, 2, -2, 2}).title("learned energy").optPoints(xy).write(png);
 * }</pre>
 */
public final class Heatmap {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The plot area's longer side aims at this many pixels (whole pixels per cell, at least one). */
    public static final int TARGET_SIDE = 400;
    /** By default the colour scale ends at this quantile of the finite values; see {@link #optClip}. */
    public static final double DEFAULT_CLIP = 0.98;
    public static final Color POINT_COLOR = new Color(255, 60, 60, 110);

    private static final int PAD = 10;
    private static final int TITLE_H = 30;
    private static final int BAR_GAP = 14;
    private static final int BAR_W = 16;
    private static final int TICK = 4;
    private static final int BAR_TICKS = 5;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private final double[] values;
    private final int nx;
    private final int ny;
    private final double[] range;
    private String title = "";
    private float[] points;
    private double clip = DEFAULT_CLIP;
    private double fixedLo = Double.NaN;
    private double fixedHi = Double.NaN;

    private Heatmap(double[] values, int nx, int ny, double[] range) {
        if (nx < 1 || ny < 1 || values.length < (long) nx * ny) {
            throw new IllegalArgumentException("a " + nx + "x" + ny + " grid needs " + (long) nx * ny
                    + " values, got " + values.length);
        }
        if (range.length != 4 || !Arrays.stream(range).allMatch(Double::isFinite)
                || !(range[1] > range[0]) || !(range[3] > range[2])) {
            throw new IllegalArgumentException("range must be {xMin, xMax, yMin, yMax} with min < max, got "
                    + Arrays.toString(range));
        }
        this.values = values;
        this.nx = nx;
        this.ny = ny;
        this.range = range.clone();
    }

    /**
     * @param values row-major, {@code values[iy * nx + ix]} is the cell centred at
     *     x = xMin + (ix + 0.5) (xMax - xMin) / nx, y = yMin + (iy + 0.5) (yMax - yMin) / ny
     * @param range {xMin, xMax, yMin, yMax}
     */
    public static Heatmap of(double[] values, int nx, int ny, double[] range) {
        return new Heatmap(values, nx, ny, range);
    }

    public Heatmap title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** x, y pairs (data units) drawn over the field; those outside the range are left out. */
    public Heatmap optPoints(float[] xy) {
        this.points = xy;
        return this;
    }

    /**
     * The quantile of the finite values at which the colour scale ends; higher values take the top
     * colour and the bar's label reads "&ge;". A learned energy grows without bound away from the
     * data, and a few extreme cells would otherwise flatten the rest into one colour. 1 clips nothing.
     */
    public Heatmap optClip(double quantile) {
        if (!(quantile > 0 && quantile <= 1)) {
            throw new IllegalArgumentException("clip quantile must be in (0, 1], got " + quantile);
        }
        this.clip = quantile;
        return this;
    }

    /** A fixed colour scale, e.g. to compare pictures of several steps; values outside are clamped. */
    public Heatmap optValueRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException("value range needs finite lo < hi, got " + lo + ", " + hi);
        }
        this.fixedLo = lo;
        this.fixedHi = hi;
        return this;
    }

    public BufferedImage render() {
        Scale scale = colourScale();
        Layout at = layout(scale);
        BufferedImage img = new BufferedImage(at.width, at.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, at.width, at.height);
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                g.setColor(new Color(Colormap.viridisRgb((values[iy * nx + ix] - scale.lo) / (scale.hi - scale.lo))));
                // y grows upwards in the data, downwards in the image.
                g.fillRect(at.left + ix * at.cell, TITLE_H + (ny - 1 - iy) * at.cell, at.cell, at.cell);
            }
        }
        for (int y = 0; y < at.h; y++) {
            g.setColor(Colormap.viridis(1 - y / (double) Math.max(1, at.h - 1)));
            g.fillRect(at.barX, TITLE_H + y, BAR_W, 1);
        }

        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (points != null) {
            g.setColor(POINT_COLOR);
            for (int i = 0; i + 1 < points.length; i += 2) {
                double px = at.left + (points[i] - range[0]) / (range[1] - range[0]) * at.w;
                double py = TITLE_H + at.h - (points[i + 1] - range[2]) / (range[3] - range[2]) * at.h;
                if (px >= at.left && px < at.left + at.w && py >= TITLE_H && py < TITLE_H + at.h) {
                    g.fillOval((int) px - 1, (int) py - 1, 3, 3);
                }
            }
        }

        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(at.left - 1, TITLE_H - 1, at.w + 1, at.h + 1);
        g.drawRect(at.barX - 1, TITLE_H - 1, BAR_W + 1, at.h + 1);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int ascent = fm.getAscent();
        for (int k = 0; k < BAR_TICKS; k++) {
            int y = TITLE_H + (int) Math.round((at.h - 1) * k / (double) (BAR_TICKS - 1));
            g.drawLine(at.barX + BAR_W, y, at.barX + BAR_W + TICK, y);
            g.drawString(scale.labels[k], at.barX + BAR_W + TICK + 3, y + ascent / 2 - 1);
        }
        String[] xLabels = axisLabels(range[0], range[1]);
        String[] yLabels = axisLabels(range[2], range[3]);
        for (int k = 0; k < 3; k++) {
            int x = at.left + (int) Math.round((at.w - 1) * k / 2.0);
            int y = TITLE_H + at.h - 1 - (int) Math.round((at.h - 1) * k / 2.0);
            g.drawLine(x, TITLE_H + at.h, x, TITLE_H + at.h + TICK);
            g.drawLine(at.left - 1 - TICK, y, at.left - 1, y);
            int xw = fm.stringWidth(xLabels[k]);
            // End labels stay within the plot's width rather than spilling towards the colour bar.
            int xl = k == 0 ? x : k == 2 ? x - xw + 1 : x - xw / 2;
            g.drawString(xLabels[k], xl, TITLE_H + at.h + TICK + ascent);
            g.drawString(yLabels[k], at.left - TICK - 3 - fm.stringWidth(yLabels[k]), y + ascent / 2 - 1);
        }
        g.setFont(TITLE_FONT);
        g.drawString(title, at.left, TITLE_H - 10);
        g.dispose();
        return img;
    }

    public void write(Path png) throws IOException {
        Png.write(render(), png);
    }

    /** Shorthand for {@code of(values, nx, ny, range).title(title).optPoints(points).render()}. */
    public static BufferedImage render(String title, double[] values, int nx, int ny, double[] range, float[] points) {
        return of(values, nx, ny, range).title(title).optPoints(points).render();
    }

    /** Shorthand for {@code of(values, nx, ny, range).title(title).optPoints(points).write(png)}. */
    public static void write(Path png, String title, double[] values, int nx, int ny, double[] range, float[] points)
            throws IOException {
        of(values, nx, ny, range).title(title).optPoints(points).write(png);
    }

    /** The pixel at the centre of cell (ix, iy) in {@link #render()}'s picture; for tests. */
    java.awt.Point cellCentre(int ix, int iy) {
        Layout at = layout(colourScale());
        return new java.awt.Point(at.left + ix * at.cell + at.cell / 2, TITLE_H + (ny - 1 - iy) * at.cell + at.cell / 2);
    }

    /** Colours run from lo to hi; the labels are the colour bar's, top first. */
    private record Scale(double lo, double hi, String[] labels) {}

    /** Pixel sizes and positions; the plot area's top is {@link #TITLE_H}. */
    private record Layout(int cell, int w, int h, int left, int barX, int width, int height) {}

    private Scale colourScale() {
        double[] finite = Arrays.stream(values, 0, nx * ny).filter(Double::isFinite).sorted().toArray();
        double min = finite.length > 0 ? finite[0] : 0;
        double max = finite.length > 0 ? finite[finite.length - 1] : 1;
        double lo;
        double hi;
        if (!Double.isNaN(fixedLo)) {
            lo = fixedLo;
            hi = fixedHi;
        } else {
            lo = min;
            hi = finite.length > 0 ? finite[(int) Math.floor(clip * (finite.length - 1))] : 1;
            if (!(hi > lo)) {
                // A flat field: every cell takes the bottom colour.
                hi = lo + 1;
            }
        }
        String[] labels = new String[BAR_TICKS];
        for (int k = 0; k < BAR_TICKS; k++) {
            labels[k] = format(hi - (hi - lo) * k / (BAR_TICKS - 1));
        }
        if (max > hi) {
            labels[0] = "\u2265 " + labels[0];
        }
        if (min < lo) {
            labels[BAR_TICKS - 1] = "\u2264 " + labels[BAR_TICKS - 1];
        }
        return new Scale(lo, hi, labels);
    }

    private Layout layout(Scale scale) {
        int cell = Math.max(1, TARGET_SIDE / Math.max(nx, ny));
        int w = nx * cell;
        int h = ny * cell;
        FontMetrics fm = metrics(LABEL_FONT);
        int left = PAD + widest(fm, axisLabels(range[2], range[3])) + TICK + 3;
        int barX = left + w + BAR_GAP;
        int width = Math.max(barX + BAR_W + TICK + 3 + widest(fm, scale.labels) + PAD,
                left + metrics(TITLE_FONT).stringWidth(title) + PAD);
        int height = TITLE_H + h + TICK + fm.getHeight() + PAD;
        return new Layout(cell, w, h, left, barX, width, height);
    }

    private static String[] axisLabels(double min, double max) {
        return new String[] {format(min), format((min + max) / 2), format(max)};
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    private static int widest(FontMetrics fm, String[] labels) {
        int widest = 0;
        for (String s : labels) {
            widest = Math.max(widest, fm.stringWidth(s));
        }
        return widest;
    }

    private static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        // Three significant digits without "%g"'s trailing zeros and exponents in the usual range.
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
