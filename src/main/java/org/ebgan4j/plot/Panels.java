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

    public static void writeRow(Path png, List<BufferedImage> panels) throws IOException {
        Png.write(row(panels), png);
    }
}
