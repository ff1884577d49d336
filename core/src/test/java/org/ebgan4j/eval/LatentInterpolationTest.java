package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatentInterpolationTest {

    @Test
    void linesRunStraightFromEachFirstEndToItsSecond() {
        // Two lines in 2-d noise: (0, 0) -> (4, -2) and (1, 1) -> (1, 5), three points each.
        float[] z = LatentInterpolation.lines(new float[] {0, 0, 4, -2, 1, 1, 1, 5}, 2, 3, 2);
        assertThat(z).containsExactly(0, 0, 2, -1, 4, -2, 1, 1, 1, 3, 1, 5);
        assertThatThrownBy(() -> LatentInterpolation.lines(new float[4], 1, 1, 2)).hasMessageContaining("at least 1 line of 2 images");
    }

    @Test
    void theJumpRatioIsOneForAnEvenPaceAndGrowsWithOneJump() {
        // 1-value images. Even: 0, 1, 2, 3 -> steps 1, 1, 1: ratio 1. One jump: 0, 0, 0, 3 -> max 3 over mean 1: ratio 3 = steps - 1.
        // Still: 5, 5, 5, 5 -> ratio 1.
        double[] r = LatentInterpolation.jumpRatios(new float[] {0, 1, 2, 3, 0, 0, 0, 3, 5, 5, 5, 5}, 3, 4, 1);
        assertThat(r[0]).isCloseTo(1, within(1e-12));
        assertThat(r[1]).isCloseTo(3, within(1e-12));
        assertThat(r[2]).isEqualTo(1);
        // 2-value images (0,0) -> (3,4) -> (3,4): steps 5 and 0, ratio 5 / 2.5.
        assertThat(LatentInterpolation.jumpRatios(new float[] {0, 0, 3, 4, 3, 4}, 1, 3, 2)[0]).isCloseTo(2, within(1e-12));
    }
}
