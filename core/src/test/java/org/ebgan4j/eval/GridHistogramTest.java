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
    void histogramOfManySamplesApproachesTheAnalyticDensity() {
        var mixture = MixturePresets.gaussians4();
        float[] xy = mixture.sample(400_000, 3);
        GridHistogram g = GridHistogram.around(xy, 40);
        double kl = KlDivergence.of(g.histogram(xy), g.analytic(mixture));
        assertThat(kl).isLessThan(0.01);
    }
}
