package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ebgan4j.data.MixturePresets;
import org.junit.jupiter.api.Test;

class GridHistogramTest {

    private final GridHistogram grid = new GridHistogram(0, 4, 0, 2, 4, 2);

    @Test
    void pointsLandInTheirCells() {
        // Cells are 1 x 1; index iy * 4 + ix.
        assertThat(grid.cellOf(0.5, 0.5)).isEqualTo(0);
        assertThat(grid.cellOf(3.99, 0.1)).isEqualTo(3);
        assertThat(grid.cellOf(1.0, 1.0)).isEqualTo(5);
        assertThat(grid.cellOf(2.5, 1.5)).isEqualTo(6);
        assertThat(grid.cellOf(4.0, 1.0)).isEqualTo(-1);
        assertThat(grid.cellOf(-0.1, 1.0)).isEqualTo(-1);
    }

    @Test
    void histogramCountsFractionsOfThePointsInside() {
        float[] xy = {0.5f, 0.5f, 0.6f, 0.2f, 2.5f, 1.5f, 9f, 9f};
        double[] p = grid.histogram(xy);
        assertThat(p[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(p[6]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void centresAndSoftmaxOfNegativeEnergies() {
        float[] c = grid.centres();
        assertThat(c[0]).isEqualTo(0.5f);
        assertThat(c[1]).isEqualTo(0.5f);
        assertThat(c[2 * 7]).isEqualTo(3.5f);
        assertThat(c[2 * 7 + 1]).isEqualTo(1.5f);
        // Energies 0 and ln 3 on two cells: probabilities 3/4 and 1/4.
        double[] p = GridHistogram.softmaxOfNegative(new float[] {0f, (float) Math.log(3)});
        assertThat(p[0]).isCloseTo(0.75, within(1e-6));
        // Shifted energies give the same distribution, even where exp would overflow.
        assertThat(GridHistogram.softmaxOfNegative(new float[] {1000f, 1000f + (float) Math.log(3)})[0]).isCloseTo(0.75, within(1e-4));
    }

    @Test
    void theAuthorsCanvasWidensEachAxisByHalfAndPutsEveryPointInItsNearestNode() {
        // x from 0 to 4 (middle 2), y from -1 to 1 (middle 0): widened to [-1, 5] and [-1.5, 1.5].
        float[] xy = {0, -1, 4, 1, 2, 0};
        GridHistogram g = GridHistogram.authorsCanvas(xy, 7);
        // 7 nodes from -1 to 5 are 1 apart, each the centre of a cell: the box reaches half a step beyond.
        assertThat(g.xMin()).isCloseTo(-1.5, within(1e-12));
        assertThat(g.xMax()).isCloseTo(5.5, within(1e-12));
        assertThat(g.yMin()).isCloseTo(-1.75, within(1e-12));
        assertThat(g.yMax()).isCloseTo(1.75, within(1e-12));
        float[] c = g.centres();
        assertThat(c[0]).isCloseTo(-1f, within(1e-6f));
        assertThat(c[2 * 6]).isCloseTo(5f, within(1e-6f));
        assertThat(c[1]).isCloseTo(-1.5f, within(1e-6f));
        // Nearest node: (0.4, 0.2) -> nodes x = 0 (index 1), y = 0 (index 3, nodes -1.5, -1, -0.5, 0, ...).
        assertThat(g.cellOf(0.4, 0.2)).isEqualTo(3 * 7 + 1);
        // Far outside: the nearest border node, not left out.
        assertThat(g.cellOf(100, -100)).isEqualTo(6);
        assertThat(g.cellOf(-100, 100)).isEqualTo(6 * 7);
        double[] p = g.histogram(new float[] {100, -100, 0.4f, 0.2f});
        assertThat(p[6]).isEqualTo(0.5);
        assertThat(p[3 * 7 + 1]).isEqualTo(0.5);
        assertThat(grid.nearest()).isFalse();
    }

    @Test
    void histogramOfManySamplesApproachesTheAnalyticDensity() {
        var mixture = MixturePresets.gaussians4();
        float[] xy = mixture.sample(400_000, 3);
        GridHistogram g = GridHistogram.around(xy, 40);
        double kl = KlDivergence.of(g.histogram(xy), g.analytic(mixture));
        assertThat(kl).isLessThan(0.01);
    }
}
