package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class ScatterPlotTest {

    /** A 20 x 10 block of points 0.1 apart, starting at (x0, y0) and going in direction sign. */
    private static float[] block(float x0, float y0, float sign) {
        float[] xy = new float[400];
        for (int i = 0; i < 200; i++) {
            xy[2 * i] = x0 + sign * (i % 20) * 0.1f;
            xy[2 * i + 1] = y0 + sign * (i / 20) * 0.1f;
        }
        return xy;
    }

    /** {reddish, bluish} pixels: generated points are red, data points blue. */
    private static boolean[] colours(BufferedImage img, int x0, int x1) {
        boolean reddish = false;
        boolean bluish = false;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int b = rgb & 0xff;
                reddish |= r > 200 && b < 170;
                bluish |= b > 200 && r < 170;
            }
        }
        return new boolean[] {reddish, bluish};
    }

    @Test
    void drawsBothSeriesInTheirColoursWhereTheyLie(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("s.png");
        ScatterPlot.of(block(-5, -5, 1), block(5, 5, -1)).title("generated over data")
                .optRange(new double[] {-10, 10, -10, 10}).optSize(500, 540).write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(500);
        assertThat(img.getHeight()).isEqualTo(540);
        // Data sit left of centre, generated points right of it (the legend, below, has both).
        int mid = img.getWidth() / 2;
        assertThat(colours(img, 0, mid - 20)[1]).isTrue();
        assertThat(colours(img, mid + 20, img.getWidth())[0]).isTrue();
    }

    @Test
    void emptyAndNonFiniteInputStillDraws() {
        BufferedImage none = ScatterPlot.render("nothing", new float[0], null, new double[] {0, 1, 0, 1});
        assertThat(none.getWidth()).isPositive();
        BufferedImage diverged = ScatterPlot.of(new float[] {Float.NaN, 1f, 0.5f, 0.5f}, new float[] {Float.POSITIVE_INFINITY, 0f})
                .render();
        assertThat(diverged.getHeight()).isPositive();
    }
}
