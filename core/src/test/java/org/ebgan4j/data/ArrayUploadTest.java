package org.ebgan4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import org.junit.jupiter.api.Test;

class ArrayUploadTest {

    @Test
    void uploadsAreCopiesThatOutliveTheReusedBuffer() {
        ArrayUpload upload = new ArrayUpload();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray first = upload.upload(m, new float[] {9, 1, 2, 3, 4}, 1, new Shape(2, 2));
            NDArray second = upload.upload(m, new float[] {5, 6, 7, 8}, new Shape(4));
            // The second upload went through the same buffer; the first array kept its own values.
            assertThat(first.toFloatArray()).containsExactly(1, 2, 3, 4);
            assertThat(first.getShape()).isEqualTo(new Shape(2, 2));
            assertThat(second.toFloatArray()).containsExactly(5, 6, 7, 8);
            NDArray larger = upload.upload(m, new float[] {1, 2, 3, 4, 5, 6}, new Shape(3, 2));
            assertThat(larger.sum().getFloat()).isEqualTo(21f);
        }
    }
}
