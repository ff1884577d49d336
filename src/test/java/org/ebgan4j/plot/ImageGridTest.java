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

    @Test
    void cellsLieOnAPaddedGridWithValuesMappedToGrey() {
        // Three 2x3 grey images: all -1, all +1, all 0.
        float[] images = new float[3 * 6];
        Arrays.fill(images, 0, 6, -1f);
        Arrays.fill(images, 6, 12, 1f);
        BufferedImage img = ImageGrid.render(images, 3, 1, 2, 3, 2, new boolean[] {false, true, false}, 1);
        int p = ImageGrid.PADDING;
        // 2 columns of width 3 and 2 rows of height 2, with padding around and between.
        assertThat(img.getWidth()).isEqualTo(2 * (3 + p) + p);
        assertThat(img.getHeight()).isEqualTo(2 * (2 + p) + p);
        assertThat(img.getRGB(p, p) & 0xffffff).isEqualTo(0x000000);
        assertThat(img.getRGB(p + 3 + p, p) & 0xffffff).isEqualTo(0xffffff);
        assertThat(img.getRGB(p, p + 2 + p) & 0xffffff).isEqualTo(0x808080);
        // The second cell is framed: the pixel just left of it has the frame colour.
        assertThat(img.getRGB(p + 3 + p - 1, p) & 0xffffff).isEqualTo(ImageGrid.FRAME.getRGB() & 0xffffff);
        assertThat(img.getRGB(p - 1, p) & 0xffffff).isNotEqualTo(ImageGrid.FRAME.getRGB() & 0xffffff);
    }

    @Test
    void rgbImagesAreChannelMajor() {
        // One 1x1 RGB image: red +1, green -1, blue 0.
        BufferedImage img = ImageGrid.render(new float[] {1f, -1f, 0f}, 1, 3, 1, 1, 1, null, 1);
        assertThat(img.getRGB(ImageGrid.PADDING, ImageGrid.PADDING) & 0xffffff).isEqualTo(0xff0080);
    }

    @Test
    void writesAReadablePngAndRejectsShortInput(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("g.png");
        ImageGrid.write(png, new float[4 * 784], 4, 1, 28, 28, 2);
        BufferedImage back = ImageIO.read(png.toFile());
        assertThat(back.getWidth()).isEqualTo(2 * (56 + ImageGrid.PADDING) + ImageGrid.PADDING);
        assertThatThrownBy(() -> ImageGrid.render(new float[10], 4, 1, 28, 28, 2, null, 1)).hasMessageContaining("need more than");
    }
}
