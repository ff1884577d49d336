package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunPicturesTest {

    @Test
    void rangeIsASquareBoxFivePercentWiderThanThePoints() {
        assertThat(RunPictures.range(new float[] {-5, 5, 0, 1})).containsExactly(new double[] {-5.5, 5.5, -5.5, 5.5}, within(1e-9));
        assertThat(RunPictures.range(new float[] {2, 2, Float.NaN, 2})).containsExactly(new double[] {0.9, 3.1, 0.9, 3.1}, within(1e-9));
    }

    @Test
    void imageShapeFromFlatSize() {
        assertThat(RunPictures.imageShape(784)).containsExactly(1, 28, 28);
        assertThat(RunPictures.imageShape(3 * 64 * 64)).containsExactly(3, 64, 64);
        assertThatThrownBy(() -> RunPictures.imageShape(10)).hasMessageContaining("square images");
    }
}
