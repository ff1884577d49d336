package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnergyRankingTest {

    @Test
    void ordersByAscendingEnergyAndCountsRealImagesPerHalf() {
        float[] energies = {3, 1, 2, 0};
        boolean[] isReal = {false, true, false, true};
        EnergyRanking.Result r = EnergyRanking.rank(energies, isReal);
        assertThat(r.order()).containsExactly(3, 1, 2, 0);
        assertThat(r.realFractionTopHalf()).isEqualTo(1.0);
        assertThat(r.realFractionBottomHalf()).isEqualTo(0.0);
        assertThat(r.top(1)).containsExactly(3);
        assertThat(r.bottom(2)).containsExactly(2, 0);
    }

    @Test
    void tiesKeepInputOrderAndHalvesSplitMixedPools() {
        float[] energies = {5, 5, 1, 1, 9, 0};
        boolean[] isReal = {true, false, false, true, true, false};
        EnergyRanking.Result r = EnergyRanking.rank(energies, isReal);
        assertThat(r.order()).containsExactly(5, 2, 3, 0, 1, 4);
        // top half {5, 2, 3}: one real; bottom half {0, 1, 4}: two real.
        assertThat(r.realFractionTopHalf()).isEqualTo(1.0 / 3);
        assertThat(r.realFractionBottomHalf()).isEqualTo(2.0 / 3);
    }

    @Test
    void rejectsMismatchedFlagsAndNaN() {
        assertThatThrownBy(() -> EnergyRanking.rank(new float[] {1, 2}, new boolean[] {true}))
                .hasMessageContaining("2 energies and 1 flags");
        assertThatThrownBy(() -> EnergyRanking.rank(new float[] {1, Float.NaN}, new boolean[] {true, false}))
                .hasMessageContaining("NaN");
    }
}
