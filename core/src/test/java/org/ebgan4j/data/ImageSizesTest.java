package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImageSizesTest {

    @Test
    void padsDigitsWithBackgroundAndCropsBack() {
        // A 28x28 digit padded to 32x32: the picture sits in the centre, 2 pixels of -1 around it.
        float[] x = new float[28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 97) / 97f;
        }
        float[] padded = ImageSizes.fit(x, 1, 1, 28, 1, 32);
        for (int y = 0; y < 32; y++) {
            for (int c = 0; c < 32; c++) {
                boolean inside = y >= 2 && y < 30 && c >= 2 && c < 30;
                assertThat(padded[y * 32 + c]).as("(%d, %d)", y, c).isEqualTo(inside ? x[(y - 2) * 28 + c - 2] : -1f);
            }
        }
        assertThat(ImageSizes.fit(padded, 1, 1, 32, 1, 28)).containsExactly(x);
    }

    @Test
    void largeChangesResampleInsteadOfPaddingOrCropping() {
        assertThat(ImageSizes.padsOrCrops(28, 32)).isTrue();
        assertThat(ImageSizes.padsOrCrops(32, 28)).isTrue();
        assertThat(ImageSizes.padsOrCrops(64, 32)).isFalse();
        assertThat(ImageSizes.padsOrCrops(32, 64)).isFalse();
        assertThat(ImageSizes.padsOrCrops(28, 31)).isFalse();
        // An 8x8 image of 2x2 blocks brought to 4x4 keeps the whole picture: each output pixel is a block.
        float[] blocks = new float[64];
        for (int y = 0; y < 8; y++) {
            for (int c = 0; c < 8; c++) {
                blocks[y * 8 + c] = (y / 2) * 4 + c / 2;
            }
        }
        float[] half = ImageSizes.fit(blocks, 1, 1, 8, 1, 4);
        float[] expected = new float[16];
        for (int i = 0; i < 16; i++) {
            expected[i] = i;
        }
        assertThat(half).containsExactly(expected, within(1e-6f));
    }

    @Test
    void replicatesGreyToRgbAndAveragesBack() {
        float[] grey = {0.5f, -0.5f, 0f, 1f};
        float[] rgb = ImageSizes.fit(grey, 1, 1, 2, 3, 2);
        assertThat(rgb).containsExactly(0.5f, -0.5f, 0f, 1f, 0.5f, -0.5f, 0f, 1f, 0.5f, -0.5f, 0f, 1f);
        float[] colour = {1, 1, 1, 1, 0, 0, 0, 0, -1, -1, -1, -0.4f};
        assertThat(ImageSizes.fit(colour, 1, 3, 2, 1, 2)).containsExactly(new float[] {0, 0, 0, 0.2f}, within(1e-6f));
    }

    @Test
    void oddChangesResampleBilinearly() {
        // A horizontal ramp 0..2 over 3 pixels, resampled to 2: sample centres at 0.25 and 1.75 of the source.
        float[] ramp = {0, 1, 2, 0, 1, 2, 0, 1, 2};
        float[] out = ImageSizes.fit(ramp, 1, 1, 3, 1, 2);
        assertThat(out).containsExactly(new float[] {0.25f, 1.75f, 0.25f, 1.75f}, within(1e-6f));
    }

    @Test
    void datasetsKeepLabelsAndRejectNonImages() {
        TensorDataset d = TensorDataset.ofUnitImages("t", new float[2 * 4], new int[] {3, 7}, new long[] {4});
        TensorDataset fitted = ImageSizes.fit(d, 3, 4);
        assertThat(fitted.sampleShape()).containsExactly(3, 4, 4);
        assertThat(fitted.labels()).containsExactly(3, 7);
        TensorDataset points = new TensorDataset("p", new float[6], null, new long[] {3}, 1, 0);
        assertThatThrownBy(() -> ImageSizes.fit(points, 1, 4)).hasMessageContaining("are not images");
    }
}
