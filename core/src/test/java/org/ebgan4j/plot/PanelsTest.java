package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

class PanelsTest {

    private static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    @Test
    void panelsLieSideBySideTopAligned(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("row.png");
        Panels.writeRow(png, List.of(solid(30, 20, Color.RED), solid(10, 40, Color.BLUE), solid(5, 5, Color.GREEN)));
        BufferedImage row = ImageIO.read(png.toFile());
        assertThat(row.getWidth()).isEqualTo(30 + 10 + 5 + 2 * Panels.GAP);
        assertThat(row.getHeight()).isEqualTo(40);
        assertThat(row.getRGB(29, 19) & 0xffffff).isEqualTo(0xff0000);
        assertThat(row.getRGB(29, 20) & 0xffffff).isEqualTo(0xffffff);
        assertThat(row.getRGB(30 + Panels.GAP, 39) & 0xffffff).isEqualTo(0x0000ff);
        assertThat(row.getRGB(30 + 10 + 2 * Panels.GAP, 0) & 0xffffff).isEqualTo(0x00ff00);
    }

    @Test
    void holdsTrueEnergyLearnedEnergyAndSamples() {
        double[] field = new double[20 * 20];
        for (int i = 0; i < field.length; i++) {
            field[i] = (i % 20 - 10) * (i % 20 - 10) + (i / 20 - 10) * (i / 20 - 10);
        }
        double[] range = {-1, 1, -1, 1};
        BufferedImage truth = Heatmap.of(field, 20, 20, range).title("true energy").render();
        BufferedImage learned = Heatmap.of(field, 20, 20, range).title("learned energy").render();
        BufferedImage samples = ScatterPlot.render("samples", new float[] {0, 0}, new float[] {0.5f, 0.5f}, range);
        BufferedImage row = Panels.row(List.of(truth, learned, samples));
        assertThat(row.getWidth()).isEqualTo(truth.getWidth() + learned.getWidth() + samples.getWidth() + 2 * Panels.GAP);
        assertThat(row.getHeight()).isEqualTo(Math.max(truth.getHeight(), samples.getHeight()));
    }
}
