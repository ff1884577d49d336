package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarginScheduleTest {

    @Test
    void constantStaysPut() {
        assertThat(MarginSchedule.constant(10).at(123456)).isEqualTo(10f);
    }

    @Test
    void linearDecayInterpolatesThenHolds() {
        MarginSchedule s = new MarginSchedule(MarginSchedule.Kind.LINEAR, 80, 20, 100);
        assertThat(s.at(0)).isEqualTo(80f);
        assertThat(s.at(25)).isCloseTo(65f, within(1e-5f));
        assertThat(s.at(100)).isEqualTo(20f);
        assertThat(s.at(1000)).isEqualTo(20f);
    }

    @Test
    void exponentialDecayIsGeometric() {
        MarginSchedule s = new MarginSchedule(MarginSchedule.Kind.EXPONENTIAL, 80, 20, 100);
        assertThat(s.at(50)).isCloseTo(40f, within(1e-4f));
        assertThat(s.at(100)).isCloseTo(20f, within(1e-4f));
        assertThat(s.at(200)).isCloseTo(20f, within(1e-4f));
    }

    @Test
    void rejectsImpossibleSchedules() {
        assertThatThrownBy(() -> new MarginSchedule(MarginSchedule.Kind.EXPONENTIAL, 10, 0, 100))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new MarginSchedule(MarginSchedule.Kind.LINEAR, 10, 1, 0))
                .hasMessageContaining("`marginDecaySteps`");
    }
}
