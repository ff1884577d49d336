package org.ebgan4j.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Pictures side by side in one PNG, e.g. true energy | learned energy | samples over the data.
 * Panels keep their own sizes, are top-aligned, and lie {@link #GAP} pixels apart on white.
 */
public final class Panels {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int GAP = 8;

    private Panels() {}

    public static BufferedImage row(List<BufferedImage> panels) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a row needs at least one panel");
        }
        int width = GAP * (panels.size() - 1);
        int height = 0;
        for (BufferedImage p : panels) {
            width += p.getWidth();
            height = Math.max(height, p.getHeight());
        }
        BufferedImage row = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = row.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth() + GAP;
        }
        g.dispose();
        return row;
    }

    /** {@code panel} under a one-line title. */
    public static BufferedImage titled(String title, BufferedImage panel) {
        int titleHeight = 24;
        BufferedImage out = new BufferedImage(Math.max(panel.getWidth(), 8 * title.length()), panel.getHeight() + titleHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13));
        g.drawString(title, 4, 17);
        g.drawImage(panel, 0, titleHeight, null);
        g.dispose();
        return out;
    }

    /** Rows of panels stacked top to bottom, each row as {@link #row} lays it out. */
    public static BufferedImage rows(List<List<BufferedImage>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one row");
        }
        List<BufferedImage> laid = rows.stream().map(Panels::row).toList();
        int width = laid.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int height = laid.stream().mapToInt(BufferedImage::getHeight).sum() + GAP * (laid.size() - 1);
        BufferedImage figure = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int y = 0;
        for (BufferedImage r : laid) {
            g.drawImage(r, 0, y, null);
            y += r.getHeight() + GAP;
        }
        g.dispose();
        return figure;
    }

    public static void writeRow(Path png, List<BufferedImage> panels) throws IOException {
        Png.write(row(panels), png);
    }
}
