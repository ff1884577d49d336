package org.ebgan4j.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Images in a grid, for samples and energy rankings. Values are in the networks' range [-1, 1]
 * (clamped; NaN shows black), grey (1 channel) or RGB (3 channels, channel-major per image). Cells
 * are {@link #PADDING} pixels apart, filled row by row; a cell can be framed in {@link #FRAME}, to
 * mark real images among generated ones.
 */
public final class ImageGrid {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Pixels between cells and around the grid; a frame fills this gap around its cell. */
    public static final int PADDING = 2;
    public static final Color FRAME = new Color(230, 40, 40);
    /** Dark grey rather than black, so that the gaps stay visible between dark images. */
    public static final Color BACKGROUND = new Color(60, 60, 60);

    private ImageGrid() {}

    /**
     * @param images {@code count} images of {@code channels x height x width} values, one after the other
     * @param columns cells per row (fewer when there are fewer images)
     * @param framed cells to frame (may be shorter than {@code count}), or {@code null}
     * @param scale each pixel drawn as a scale x scale block
     */
    public static BufferedImage render(float[] images, int count, int channels, int height, int width, int columns,
            boolean[] framed, int scale) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images need 1 or 3 channels, got " + channels);
        }
        if (count < 1 || height < 1 || width < 1 || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("count, height, width, columns and scale must be positive, got "
                    + count + ", " + height + ", " + width + ", " + columns + ", " + scale);
        }
        if ((long) count * channels * height * width > images.length) {
            throw new IllegalArgumentException(count + " images of " + channels + "x" + height + "x" + width
                    + " need more than the " + images.length + " values given");
        }
        int cols = Math.min(columns, count);
        int rows = (count + cols - 1) / cols;
        int cellW = width * scale;
        int cellH = height * scale;
        int imgW = cols * (cellW + PADDING) + PADDING;
        int imgH = rows * (cellH + PADDING) + PADDING;
        int[] pixels = new int[imgW * imgH];
        Arrays.fill(pixels, BACKGROUND.getRGB() & 0xffffff);
        int plane = height * width;
        for (int i = 0; i < count; i++) {
            int x0 = PADDING + (i % cols) * (cellW + PADDING);
            int y0 = PADDING + (i / cols) * (cellH + PADDING);
            int base = i * channels * plane;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int at = base + y * width + x;
                    int r = level(images[at]);
                    int rgb = channels == 3
                            ? (r << 16) | (level(images[at + plane]) << 8) | level(images[at + 2 * plane])
                            : (r << 16) | (r << 8) | r;
                    for (int dy = 0; dy < scale; dy++) {
                        int row = (y0 + y * scale + dy) * imgW + x0 + x * scale;
                        Arrays.fill(pixels, row, row + scale, rgb);
                    }
                }
            }
            if (framed != null && i < framed.length && framed[i]) {
                // The frame lies in the padding, so it hides none of the image.
                fill(pixels, imgW, x0 - PADDING, y0 - PADDING, cellW + 2 * PADDING, PADDING);
                fill(pixels, imgW, x0 - PADDING, y0 + cellH, cellW + 2 * PADDING, PADDING);
                fill(pixels, imgW, x0 - PADDING, y0, PADDING, cellH);
                fill(pixels, imgW, x0 + cellW, y0, PADDING, cellH);
            }
        }
        BufferedImage img = new BufferedImage(imgW, imgH, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, imgW, imgH, pixels, 0, imgW);
        return img;
    }

    /** A grid without frames, small images enlarged by {@link #defaultScale}. */
    public static void write(Path png, float[] images, int count, int channels, int height, int width, int columns)
            throws IOException {
        write(png, images, count, channels, height, width, columns, null, defaultScale(height));
    }

    public static void write(Path png, float[] images, int count, int channels, int height, int width, int columns,
            boolean[] framed, int scale) throws IOException {
        Png.write(render(images, count, channels, height, width, columns, framed, scale), png);
    }

    /** Small images are drawn larger so that a grid of 28x28 digits is readable. */
    public static int defaultScale(int height) {
        return height <= 16 ? 4 : height <= 32 ? 2 : 1;
    }

    /** The grey level of a value in [-1, 1]: -1 is 0, +1 is 255, 0 is 128. */
    static int level(float v) {
        float c = Float.isNaN(v) ? -1f : Math.max(-1f, Math.min(1f, v));
        return Math.round((c + 1f) * 127.5f);
    }

    private static void fill(int[] pixels, int stride, int x, int y, int w, int h) {
        int rgb = FRAME.getRGB() & 0xffffff;
        for (int row = y; row < y + h; row++) {
            Arrays.fill(pixels, row * stride + x, row * stride + x + w, rgb);
        }
    }
}
