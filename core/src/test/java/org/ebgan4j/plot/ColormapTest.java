package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.awt.Color;

class ColormapTest {

    @Test
    void endsAreViridisDarkVioletAndYellow() {
        assertThat(Colormap.viridisRgb(0)).isEqualTo(0x440154);
        assertThat(Colormap.viridisRgb(1)).isEqualTo(0xFDE725);
        assertThat(Colormap.viridisRgb(0.5)).isEqualTo(0x21918C);
    }

    @Test
    void clampsOutOfRangeAndGreysNaN() {
        assertThat(Colormap.viridisRgb(-3)).isEqualTo(Colormap.viridisRgb(0));
        assertThat(Colormap.viridisRgb(Double.POSITIVE_INFINITY)).isEqualTo(Colormap.viridisRgb(1));
        assertThat(Colormap.viridis(Double.NaN)).isEqualTo(Colormap.MISSING);
    }

    @Test
    void brightnessGrowsMonotonically() {
        double previous = -1;
        for (int i = 0; i <= 200; i++) {
            Color c = Colormap.viridis(i / 200.0);
            double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
            assertThat(luminance).isGreaterThanOrEqualTo(previous);
            previous = luminance;
        }
    }
}
