package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class LineChartTest {

    private static boolean contains(BufferedImage img, Color c) {
        int want = c.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == want) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void movingAverageIsCentredAndShrinksAtTheEnds() {
        double[] y = {0, 3, 6, 9, 12};
        assertThat(LineChart.movingAverage(y, 1)).containsExactly(y);
        assertThat(LineChart.movingAverage(y, 3)).containsExactly(new double[] {1.5, 3, 6, 9, 10.5}, within(1e-12));
        // An even window reaches one point further back than forward.
        assertThat(LineChart.movingAverage(y, 2)).containsExactly(new double[] {0, 1.5, 4.5, 7.5, 10.5}, within(1e-12));
    }

    @Test
    void writesSeveralSeriesInPaletteColours(@TempDir Path dir) throws Exception {
        double[] steps = new double[300];
        double[] real = new double[300];
        double[] fake = new double[300];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10 * (i + 1);
            real[i] = 0.2 + 0.05 * Math.sin(i * 0.3);
            fake[i] = i == 150 ? Double.NaN : 1.0 / (1 + i * 0.01);
        }
        Path png = dir.resolve("curves.png");
        LineChart.of("energy per step").yLabel("energy").add("energy_real", steps, real).add("energy_fake", steps, fake)
                .optSmoothing(9).optSize(640, 360).write(png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
        assertThat(contains(img, LineChart.PALETTE[0])).isTrue();
        assertThat(contains(img, LineChart.PALETTE[1])).isTrue();
    }

    @Test
    void logAxisDropsValuesAtOrBelowZero() {
        BufferedImage img = LineChart.of("loss").add("loss", new double[] {1, 2, 3, 4}, new double[] {10, 0, -1, 0.1})
                .optLogY(true).render();
        assertThat(contains(img, LineChart.PALETTE[0])).isTrue();
    }

    @Test
    void nothingToPlotGivesAPictureSayingSo() {
        BufferedImage img = LineChart.of("empty").add("a", new double[] {1}, new double[] {Double.NaN}).optSize(300, 200)
                .render();
        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(LineChart.of("none").render().getHeight()).isEqualTo(450);
    }

    @Test
    void rejectsMismatchedLengthsAndDuplicateNames() {
        assertThatThrownBy(() -> LineChart.of("t").add("a", new double[2], new double[3])).hasMessageContaining("3 y values");
        assertThatThrownBy(() -> LineChart.of("t").add("a", new double[1], new double[1]).add("a", new double[1], new double[1]))
                .hasMessageContaining("two curves named a");
    }
}
