package org.ebgan4j.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GammaSweepTest {

    @Test
    void diversityByHand() {
        // Three 2-value samples at (0,0), (3,4), (0,8): distances 5, 8, 5 -> mean 6.
        assertThat(GammaSweep.meanPairwiseDistance(new float[] {0, 0, 3, 4, 0, 8}, 3, 2)).isCloseTo(6, within(1e-12));
        // 200 samples over 3 classes: 150 of class 0, 48 of class 2, 2 of class 1 (1% is 2: counted).
        int n = 200;
        float[] p = new float[n * 3];
        for (int i = 0; i < n; i++) {
            int c = i < 150 ? 0 : i < 198 ? 2 : 1;
            p[i * 3 + c] = 0.9f;
            p[i * 3 + (c + 1) % 3] = 0.1f;
        }
        assertThat(GammaSweep.classesFound(p, n, 3)).isEqualTo(3);
        p[199 * 3 + 1] = 0;
        p[199 * 3 + 2] = 0.9f;
        assertThat(GammaSweep.classesFound(p, n, 3)).as("one sample of class 1 is under 1%").isEqualTo(2);
    }
}
