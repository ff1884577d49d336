package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

class ImageGridTest {

    private static final int P = ImageGrid.PADDING;
    private static final int FRAME = ImageGrid.FRAME.getRGB() & 0xffffff;

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xffffff;
    }

    @Test
    void sizeIsCellsPlusPaddingAroundAndBetween() {
        // 5 images of 3 (high) x 4 (wide) in 2 columns: 3 rows, the last one half empty.
        BufferedImage img = ImageGrid.render(new float[5 * 12], 5, 1, 3, 4, 2, null, 1);
        assertThat(img.getWidth()).isEqualTo(2 * 4 + 3 * P);
        assertThat(img.getHeight()).isEqualTo(3 * 3 + 4 * P);
        BufferedImage scaled = ImageGrid.render(new float[5 * 12], 5, 1, 3, 4, 2, null, 3);
        assertThat(scaled.getWidth()).isEqualTo(2 * 12 + 3 * P);
        assertThat(scaled.getHeight()).isEqualTo(3 * 9 + 4 * P);
        // Fewer images than columns: the grid is only as wide as the images.
        assertThat(ImageGrid.render(new float[2 * 12], 2, 1, 3, 4, 8, null, 1).getWidth()).isEqualTo(2 * 4 + 3 * P);
    }

    @Test
    void minusOneIsBlackPlusOneWhiteZeroMidGrey() {
        // Three 2x3 grey images: all -1, all +1, all 0 (the last starts the second row).
        float[] images = new float[3 * 6];
        Arrays.fill(images, 0, 6, -1f);
        Arrays.fill(images, 6, 12, 1f);
        BufferedImage img = ImageGrid.render(images, 3, 1, 2, 3, 2, null, 2);
        for (int dy = 0; dy < 4; dy++) {
            for (int dx = 0; dx < 6; dx++) {
                assertThat(rgb(img, P + dx, P + dy)).isEqualTo(0x000000);
                assertThat(rgb(img, P + 6 + P + dx, P + dy)).isEqualTo(0xffffff);
                assertThat(rgb(img, P + dx, P + 4 + P + dy)).isEqualTo(0x808080);
            }
        }
        assertThat(rgb(img, 0, 0)).isEqualTo(ImageGrid.BACKGROUND.getRGB() & 0xffffff);
    }

    @Test
    void valuesBeyondTheRangeAreClampedAndNaNIsBlack() {
        BufferedImage img = ImageGrid.render(new float[] {-7f, 9f, Float.NaN}, 3, 1, 1, 1, 3, null, 1);
        assertThat(rgb(img, P, P)).isEqualTo(0x000000);
        assertThat(rgb(img, P + 1 + P, P)).isEqualTo(0xffffff);
        assertThat(rgb(img, P + 2 * (1 + P), P)).isEqualTo(0x000000);
    }

    @Test
    void rgbImagesAreChannelMajor() {
        // One 1x2 RGB image, planes R, G, B: pixel 0 is (+1, -1, 0), pixel 1 is (-1, 0, +1).
        BufferedImage img = ImageGrid.render(new float[] {1f, -1f, -1f, 0f, 0f, 1f}, 1, 3, 1, 2, 1, null, 1);
        assertThat(rgb(img, P, P)).isEqualTo(0xff0080);
        assertThat(rgb(img, P + 1, P)).isEqualTo(0x0080ff);
    }

    @Test
    void aFramedCellHasTheFrameColourAllAroundItsBorder() {
        float[] images = new float[4 * 9];
        Arrays.fill(images, 1f);
        BufferedImage img = ImageGrid.render(images, 4, 1, 3, 3, 2, new boolean[] {false, true}, 1);
        int x0 = P + 3 + P;
        int y0 = P;
        for (int t = 1; t <= P; t++) {
            for (int i = -t; i < 3 + t; i++) {
                assertThat(rgb(img, x0 + i, y0 - t)).isEqualTo(FRAME);
                assertThat(rgb(img, x0 + i, y0 + 2 + t)).isEqualTo(FRAME);
                assertThat(rgb(img, x0 - t, y0 + i)).isEqualTo(FRAME);
                assertThat(rgb(img, x0 + 2 + t, y0 + i)).isEqualTo(FRAME);
            }
        }
        // The frame leaves the image itself alone, and unframed cells have none.
        assertThat(rgb(img, x0, y0)).isEqualTo(0xffffff);
        assertThat(rgb(img, P - 1, P)).isNotEqualTo(FRAME);
        assertThat(rgb(img, P + 1, P + 3 + P - 1)).isNotEqualTo(FRAME);
    }

    @Test
    void writesAPngOfTheRenderedSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/g.png");
        ImageGrid.write(png, new float[10 * 784], 10, 1, 28, 28, 4);
        BufferedImage back = ImageIO.read(png.toFile());
        int scale = ImageGrid.defaultScale(28);
        assertThat(back.getWidth()).isEqualTo(4 * (28 * scale + P) + P);
        assertThat(back.getHeight()).isEqualTo(3 * (28 * scale + P) + P);
        assertThat(rgb(back, P, P)).isEqualTo(0x808080);
    }

    @Test
    void rejectsShortInputAndOddChannels() {
        assertThatThrownBy(() -> ImageGrid.render(new float[10], 4, 1, 28, 28, 2, null, 1))
                .hasMessageContaining("need more than");
        assertThatThrownBy(() -> ImageGrid.render(new float[8], 1, 2, 2, 2, 1, null, 1))
                .hasMessageContaining("1 or 3 channels");
        assertThatThrownBy(() -> ImageGrid.render(new float[8], 1, 1, 2, 2, 1, null, 0))
                .hasMessageContaining("positive");
    }
}
