package org.ebgan4j.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarginPresetsTest {

    @Test
    void thePapersMarginsPerDataSet() {
        assertThat(MarginPresets.of("LSUN")).isEqualTo(80f);
        assertThat(MarginPresets.of("celeba")).isEqualTo(20f);
        assertThat(MarginPresets.of("imagenet128")).isEqualTo(40f);
        assertThat(MarginPresets.of("imagenet256")).isEqualTo(80f);
        assertThat(MarginPresets.of("mnist")).isEqualTo(10f);
        assertThat(MarginPresets.all()).hasSize(5);
        assertThatThrownBy(() -> MarginPresets.of("cifar")).hasMessageContaining("no margin preset 'cifar'; choose mnist, celeba");
    }
}
