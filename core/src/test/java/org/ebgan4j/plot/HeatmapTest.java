package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class HeatmapTest {

    private static final double[] UNIT = {0, 1, 0, 1};

    private static int rgbAt(BufferedImage img, Point p) {
        return img.getRGB(p.x, p.y) & 0xffffff;
    }

    @Test
    void minimumAndMaximumTakeTheColormapsEnds() {
        // 2x2 grid: 0 at (0,0), 3 at (1,1); data y points up, so (0,0) is the bottom-left cell.
        Heatmap map = Heatmap.of(new double[] {0, 1, 2, 3}, 2, 2, UNIT).title("t").optClip(1);
        BufferedImage img = map.render();
        assertThat(rgbAt(img, map.cellCentre(0, 0))).isEqualTo(Colormap.viridisRgb(0));
        assertThat(rgbAt(img, map.cellCentre(1, 1))).isEqualTo(Colormap.viridisRgb(1));
        assertThat(rgbAt(img, map.cellCentre(1, 0))).isEqualTo(Colormap.viridisRgb(1 / 3.0));
        assertThat(map.cellCentre(0, 0).y).isGreaterThan(map.cellCentre(0, 1).y);
    }

    @Test
    void anOutlierIsClippedToTheTopColourWithoutFlatteningTheRest() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        values[99] = 1e9;
        Heatmap map = Heatmap.of(values, 10, 10, UNIT);
        BufferedImage img = map.render();
        assertThat(rgbAt(img, map.cellCentre(9, 9))).isEqualTo(Colormap.viridisRgb(1));
        assertThat(rgbAt(img, map.cellCentre(0, 0))).isEqualTo(Colormap.viridisRgb(0));
        // Cell 50 sits near the middle of the scale, not squashed to the bottom by the outlier.
        assertThat(rgbAt(img, map.cellCentre(0, 5))).isEqualTo(Colormap.viridisRgb(50 / 97.0));
    }

    @Test
    void aFixedValueRangeAndNonFiniteCells() {
        Heatmap map = Heatmap.of(new double[] {-5, Double.NaN, 5, Double.POSITIVE_INFINITY}, 2, 2, UNIT)
                .optValueRange(0, 1);
        BufferedImage img = map.render();
        assertThat(rgbAt(img, map.cellCentre(0, 0))).isEqualTo(Colormap.viridisRgb(0));
        assertThat(rgbAt(img, map.cellCentre(1, 0))).isEqualTo(Colormap.MISSING.getRGB() & 0xffffff);
        assertThat(rgbAt(img, map.cellCentre(0, 1))).isEqualTo(Colormap.viridisRgb(1));
        assertThat(rgbAt(img, map.cellCentre(1, 1))).isEqualTo(Colormap.viridisRgb(1));
    }

    @Test
    void aFlatFieldDrawsWithoutError() {
        Heatmap map = Heatmap.of(new double[9], 3, 3, UNIT);
        assertThat(rgbAt(map.render(), map.cellCentre(1, 1))).isEqualTo(Colormap.viridisRgb(0));
    }

    @Test
    void pointsAreDrawnOverTheField() {
        double[] values = new double[50 * 50];
        Heatmap map = Heatmap.of(values, 50, 50, new double[] {-1, 1, -1, 1});
        Point centre = map.cellCentre(25, 25);
        assertThat(rgbAt(map.render(), centre)).isEqualTo(Colormap.viridisRgb(0));
        BufferedImage withPoint = map.optPoints(new float[] {0.02f, 0.02f, 5f, 5f}).render();
        assertThat(rgbAt(withPoint, centre)).isNotEqualTo(Colormap.viridisRgb(0));
    }

    @Test
    void writesAPngWhosePlotAreaIsAboutTargetSide(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("h.png");
        double[] values = new double[100 * 80];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i * 0.01);
        }
        Heatmap.write(png, "learned energy", values, 100, 80, new double[] {-2, 2, -1.6, 1.6}, new float[] {0, 0});
        BufferedImage back = ImageIO.read(png.toFile());
        BufferedImage direct = Heatmap.render("learned energy", values, 100, 80, new double[] {-2, 2, -1.6, 1.6},
                new float[] {0, 0});
        assertThat(back.getWidth()).isEqualTo(direct.getWidth()).isGreaterThan(Heatmap.TARGET_SIDE);
        assertThat(back.getHeight()).isEqualTo(direct.getHeight()).isGreaterThan(320).isLessThan(Heatmap.TARGET_SIDE);
    }

    @Test
    void rejectsMismatchedGridsAndRanges() {
        assertThatThrownBy(() -> Heatmap.of(new double[3], 2, 2, UNIT)).hasMessageContaining("needs 4 values");
        assertThatThrownBy(() -> Heatmap.of(new double[4], 2, 2, new double[] {1, 0, 0, 1}))
                .hasMessageContaining("min < max");
    }
}
