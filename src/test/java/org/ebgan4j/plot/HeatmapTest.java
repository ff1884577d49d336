package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class HeatmapTest {

    @Test
    void lowestAndHighestCellsTakeTheColormapsEnds() {
        // 2x2 grid: values 0 at (0,0), 3 at (1,1); the image's y axis points down.
        double[] values = {0, 1, 2, 3};
        BufferedImage img = Heatmap.render("t", values, 2, 2, new double[] {0, 1, 0, 1}, null);
        int bottomLeft = img.getRGB(40 + 1, 40 + 4 + 1) & 0xffffff;
        int topRight = img.getRGB(40 + 4 + 1, 40 + 1) & 0xffffff;
        assertThat(bottomLeft).isEqualTo(Colormap.viridis(0).getRGB() & 0xffffff);
        assertThat(topRight).isEqualTo(Colormap.viridis(1).getRGB() & 0xffffff);
    }

    @Test
    void colormapIsMonotoneInBrightness() {
        double previous = -1;
        for (int i = 0; i <= 10; i++) {
            var c = Colormap.viridis(i / 10.0);
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertThat(luminance).isGreaterThan(previous);
            previous = luminance;
        }
    }

    @Test
    void writesAPngWithPointsOver(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("h.png");
        double[] values = new double[100 * 100];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i * 0.01);
        }
        Heatmap.write(png, "energy", values, 100, 100, new double[] {-1, 1, -1, 1}, new float[] {0, 0, 0.5f, 0.5f});
        assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(400 + 80);
    }
}
