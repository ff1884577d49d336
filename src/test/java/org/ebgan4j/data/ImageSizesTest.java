package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ImageSizesTest {

    @Test
    void padsDigitsWithBackgroundAndCropsBack() {
        // One 2x2 grey image padded to 4x4: the picture sits in the centre, -1 around it.
        float[] x = {0.1f, 0.2f, 0.3f, 0.4f};
        float[] padded = ImageSizes.fit(x, 1, 1, 2, 1, 4);
        assertThat(padded).containsExactly(
                -1, -1, -1, -1,
                -1, 0.1f, 0.2f, -1,
                -1, 0.3f, 0.4f, -1,
                -1, -1, -1, -1);
        assertThat(ImageSizes.fit(padded, 1, 1, 4, 1, 2)).containsExactly(x);
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
