package org.ebgan4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small matrix of numbers as coloured cells with each value written in its cell, rows and columns
 * labelled: the best or median score over two settings. A fixed colour range lets several grids
 * share one scale; a missing value (NaN) is grey.
 */
public final class ValueGrid {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int CELL = 64;
    private static final int LEFT = 70;
    private static final int TOP = 46;
    private static final int BOTTOM = 46;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ValueGrid() {}

    /**
     * @param values rows x columns, row-major; row 0 is drawn at the top
     * @param lo the value drawn darkest
     * @param hi the value drawn brightest
     */
    public static BufferedImage render(String title, double[] values, List<String> rowLabels, List<String> columnLabels,
            String rowTitle, String columnTitle, double lo, double hi) {
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        if (values.length != rows * cols || rows == 0 || cols == 0) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " grid needs " + rows * cols + " values, got " + values.length);
        }
        int width = LEFT + cols * CELL + 20;
        int height = TOP + rows * CELL + BOTTOM;
        BufferedImage img = new BufferedImage(Math.max(width, 260), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), height);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = values[r * cols + c];
                int x = LEFT + c * CELL;
                int y = TOP + r * CELL;
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                g.setColor(Double.isNaN(v) ? Colormap.MISSING : new Color(Colormap.viridisRgb(t)));
                g.fillRect(x, y, CELL, CELL);
                String text = Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
                g.setColor(Double.isNaN(v) || t > 0.55 ? Color.BLACK : Color.WHITE);
                g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + CELL / 2 + fm.getAscent() / 2 - 2);
            }
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawRect(LEFT - 1, TOP - 1, cols * CELL + 1, rows * CELL + 1);
        for (int r = 0; r < rows; r++) {
            String l = rowLabels.get(r);
            g.drawString(l, LEFT - 8 - fm.stringWidth(l), TOP + r * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
        }
        for (int c = 0; c < cols; c++) {
            String l = columnLabels.get(c);
            g.drawString(l, LEFT + c * CELL + (CELL - fm.stringWidth(l)) / 2, TOP + rows * CELL + fm.getAscent() + 4);
        }
        g.drawString(columnTitle, LEFT + (cols * CELL - fm.stringWidth(columnTitle)) / 2, TOP + rows * CELL + 2 * fm.getAscent() + 10);
        g.drawString(rowTitle, 4, TOP - 8);
        g.setFont(TITLE_FONT);
        g.drawString(title, LEFT, 20);
        g.dispose();
        return img;
    }

    public static void write(Path png, String title, double[] values, List<String> rowLabels, List<String> columnLabels,
            String rowTitle, String columnTitle, double lo, double hi) throws IOException {
        Png.write(render(title, values, rowLabels, columnLabels, rowTitle, columnTitle, lo, hi), png);
    }
}
