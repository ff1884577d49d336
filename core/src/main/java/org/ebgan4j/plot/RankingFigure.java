package org.ebgan4j.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranking figure of the calibrated-EBGAN paper (Figure 4): the mean training image, the images
 * of lowest energy and those of highest energy, real ones framed. Writes {@code rank-top.png},
 * {@code rank-bottom.png} and the three panels side by side as {@code rank.png}.
 */
public final class RankingFigure {

    private RankingFigure() {}

    /**
     * @param meanImage the mean training image
     * @param top the lowest-energy images, lowest first; {@code topReal} marks the real ones
     * @param bottom the highest-energy images, in ranking order
     * @param chw channels, height and width of every image
     * @return the file names written, the figure first
     */
    public static List<String> write(Path dir, float[] meanImage, float[] top, boolean[] topReal, float[] bottom,
            boolean[] bottomReal, int[] chw) throws IOException {
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(ImageGrid.render(meanImage, 1, chw[0], chw[1], chw[2], 1, null, 4));
        List<String> files = new ArrayList<>();
        files.add("rank.png");
        for (String which : new String[] {"top", "bottom"}) {
            boolean isTop = which.equals("top");
            boolean[] real = isTop ? topReal : bottomReal;
            BufferedImage grid = ImageGrid.render(isTop ? top : bottom, real.length, chw[0], chw[1], chw[2], 10, real, 2);
            panels.add(grid);
            String name = "rank-" + which + ".png";
            Png.write(grid, dir.resolve(name));
            files.add(name);
        }
        Panels.writeRow(dir.resolve("rank.png"), panels);
        return files;
    }
}
