package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class ScatterPlotTest {

    @Test
    void drawsBothSeriesInTheirColours(@TempDir Path dir) throws Exception {
        float[] data = new float[400];
        float[] samples = new float[400];
        for (int i = 0; i < 200; i++) {
            data[2 * i] = -5 + (i % 20) * 0.1f;
            data[2 * i + 1] = -5 + (i / 20) * 0.1f;
            samples[2 * i] = 5 - (i % 20) * 0.1f;
            samples[2 * i + 1] = 5 - (i / 20) * 0.1f;
        }
        Path png = dir.resolve("s.png");
        ScatterPlot.write(png, "t", data, samples, new double[] {-10, 10, -10, 10});
        BufferedImage img = ImageIO.read(png.toFile());
        boolean reddish = false;
        boolean bluish = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                reddish |= r > 200 && b < 170;
                bluish |= b > 200 && r < 170;
            }
        }
        assertThat(reddish).isTrue();
        assertThat(bluish).isTrue();
        // Square box 5% wider than the extent of both coordinates, here [-5, 5].
        assertThat(RunPictures.range(new float[] {-5, 5, 0, 1})).containsExactly(new double[] {-5.5, 5.5, -5.5, 5.5}, org.assertj.core.api.Assertions.within(1e-9));
    }
}
