package org.ebgan4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A scalar field on a regular 2D grid (an energy, a density) as a colour image with a colour bar,
 * optionally with points drawn over it. Low values are dark, high values bright.
 */
public final class Heatmap {

    private static final int CELL = 4;
    private static final int MARGIN = 40;
    private static final int BAR = 16;

    private Heatmap() {}

    /**
     * @param values row-major, {@code values[iy * nx + ix]} at x = x0 + (ix + 0.5) dx, y = y0 + (iy + 0.5) dy
     * @param range {xMin, xMax, yMin, yMax}
     * @param points x, y pairs to draw over the field, or {@code null}
     */
    public static BufferedImage render(String title, double[] values, int nx, int ny, double[] range, float[] points) {
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double lo = finite.length > 0 ? finite[0] : 0;
        // The colour scale stops at the 98th percentile: a learned energy far from the data grows
        // without bound, and a few extreme cells would otherwise flatten the rest into one colour.
        double hi = finite.length > 0 ? finite[(int) Math.floor(0.98 * (finite.length - 1))] : 1;
        boolean clipped = finite.length > 0 && finite[finite.length - 1] > hi;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        int w = nx * CELL;
        int h = ny * CELL;
        BufferedImage img = new BufferedImage(w + 2 * MARGIN + BAR + 50, h + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                g.setColor(Colormap.viridis((values[iy * nx + ix] - lo) / (hi - lo)));
                // y grows upwards in the data, downwards in the image.
                g.fillRect(MARGIN + ix * CELL, MARGIN + (ny - 1 - iy) * CELL, CELL, CELL);
            }
        }
        if (points != null) {
            g.setColor(new Color(255, 60, 60, 110));
            for (int i = 0; i + 1 < points.length; i += 2) {
                double px = MARGIN + (points[i] - range[0]) / (range[1] - range[0]) * w;
                double py = MARGIN + h - (points[i + 1] - range[2]) / (range[3] - range[2]) * h;
                if (px >= MARGIN && px < MARGIN + w && py >= MARGIN && py < MARGIN + h) {
                    g.fillOval((int) px - 1, (int) py - 1, 3, 3);
                }
            }
        }
        int barX = MARGIN + w + 12;
        for (int y = 0; y < h; y++) {
            g.setColor(Colormap.viridis(1 - y / (double) (h - 1)));
            g.fillRect(barX, MARGIN + y, BAR, 1);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(MARGIN, MARGIN, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString((clipped ? ">= " : "") + format(hi), barX, MARGIN - 4);
        g.drawString(format(lo), barX, MARGIN + h + 13);
        g.drawString(format(range[0]), MARGIN, MARGIN + h + 14);
        String xMax = format(range[1]);
        g.drawString(xMax, MARGIN + w - g.getFontMetrics().stringWidth(xMax), MARGIN + h + 14);
        g.drawString(format(range[2]), 2, MARGIN + h);
        g.drawString(format(range[3]), 2, MARGIN + 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, MARGIN, MARGIN - 14);
        g.dispose();
        return img;
    }

    public static void write(Path png, String title, double[] values, int nx, int ny, double[] range, float[] points)
            throws IOException {
        Png.write(render(title, values, nx, ny, range, points), png);
    }

    private static String format(double v) {
        return String.format("%.3g", v);
    }
}
