package org.ebgan4j.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Images in a grid, for samples and rankings. Values are in the networks' range [-1, 1] (clamped),
 * grey (1 channel) or RGB (3 channels, channel-major per image). Cells can be framed, to mark real
 * images among generated ones.
 */
public final class ImageGrid {

    public static final int PADDING = 2;
    public static final Color FRAME = new Color(230, 40, 40);
    private static final Color BACKGROUND = new Color(40, 40, 40);

    private ImageGrid() {}

    /**
     * @param framed cells to frame, or {@code null}
     * @param zoom each pixel drawn as zoom x zoom pixels
     */
    public static BufferedImage render(float[] images, int count, int channels, int height, int width, int columns,
            boolean[] framed, int zoom) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images need 1 or 3 channels, got " + channels);
        }
        if ((long) count * channels * height * width > images.length) {
            throw new IllegalArgumentException(count + " images of " + channels + "x" + height + "x" + width
                    + " need more than the " + images.length + " values given");
        }
        int cols = Math.max(1, Math.min(columns, count));
        int rows = (count + cols - 1) / cols;
        int cellW = width * zoom;
        int cellH = height * zoom;
        BufferedImage img = new BufferedImage(cols * (cellW + PADDING) + PADDING, rows * (cellH + PADDING) + PADDING,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, BACKGROUND.getRGB());
            }
        }
        int plane = height * width;
        for (int i = 0; i < count; i++) {
            int x0 = PADDING + (i % cols) * (cellW + PADDING);
            int y0 = PADDING + (i / cols) * (cellH + PADDING);
            int base = i * channels * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int r = level(images[base + y * width + x]);
                    int g = channels == 3 ? level(images[base + plane + y * width + x]) : r;
                    int b = channels == 3 ? level(images[base + 2 * plane + y * width + x]) : r;
                    int rgb = (r << 16) | (g << 8) | b;
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            img.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
                        }
                    }
                }
            }
            if (framed != null && i < framed.length && framed[i]) {
                for (int t = 1; t <= PADDING; t++) {
                    for (int x = x0 - t; x < x0 + cellW + t; x++) {
                        img.setRGB(x, y0 - t, FRAME.getRGB());
                        img.setRGB(x, y0 + cellH - 1 + t, FRAME.getRGB());
                    }
                    for (int y = y0 - t; y < y0 + cellH + t; y++) {
                        img.setRGB(x0 - t, y, FRAME.getRGB());
                        img.setRGB(x0 + cellW - 1 + t, y, FRAME.getRGB());
                    }
                }
            }
        }
        return img;
    }

    public static void write(Path png, float[] images, int count, int channels, int height, int width, int columns)
            throws IOException {
        Png.write(render(images, count, channels, height, width, columns, null, zoomFor(height)), png);
    }

    /** Small images are drawn larger so that a grid of digits is readable. */
    public static int zoomFor(int height) {
        return height <= 32 ? 2 : 1;
    }

    static int level(float v) {
        float c = Math.max(-1f, Math.min(1f, Float.isNaN(v) ? -1f : v));
        return Math.round((c + 1f) * 127.5f);
    }
}
