package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * Files of samples against the model that scores them: shapes, and the range of images, where 0..255
 * pixels and [-1, 1] values are mapped with a notice to what the correctly scaled file gives.
 */
class SampleInputsTest {

    /** An untrained fully connected model of 4x4 grey images in [0, 1]. */
    private static EnergyGan images;

    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        float[] x = new float[8 * 16];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat() * 2 - 1;
        }
        TrainConfig config = TrainConfig.builder().setModel("ebgan").setDataset("random").optNoiseDim(4).optLayersG(2).optSizeG(8)
                .optLayersD(2).optSizeD(8).optBatchSize(8).optSteps(1).optSeed(5)
                .build(new TensorDataset("random", x, null, new long[] {16}, 0.5, 0.5));
        images = new EnergyGan(config);
    }

    @AfterAll
    static void close() {
        images.close();
    }

    /** Five 4x4 images of whole pixel values 0..255. */
    private static float[] pixels255() {
        float[] p = new float[5 * 16];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i * 37) % 256;
        }
        p[3] = 255;
        return p;
    }

    private Path npy(String name, float[] values, long... shape) throws Exception {
        Path file = dir.resolve(name);
        SampleWriters.writeNpy(file, values, shape);
        return file;
    }

    /** Scores a file, returning the energies and what was said on stderr. */
    private static Object[] score(Path file) throws Exception {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            float[] e = EnergyScores.ofFile(images, file, 0).energies();
            return new Object[] {e, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(old);
        }
    }

    @Test
    void unitImagesAreScoredAsBeforeInEveryAcceptedShape() throws Exception {
        float[] unit = pixels255();
        for (int i = 0; i < unit.length; i++) {
            unit[i] /= 255f;
        }
        float[] direct = images.energies(images.fromRaw(unit), 5);
        for (long[] shape : new long[][] {{5, 16}, {5, 4, 4}, {5, 1, 4, 4}}) {
            Object[] r = score(npy("unit-" + shape.length + ".npy", unit, shape));
            assertThat((float[]) r[0]).as("shape %s", java.util.Arrays.toString(shape)).isEqualTo(direct);
            assertThat((String) r[1]).isEmpty();
        }
    }

    @Test
    void pixelsOf0To255AreDividedBy255WithANotice() throws Exception {
        float[] p = pixels255();
        float[] scaled = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            scaled[i] = p[i] / 255f;
        }
        Path raw = npy("p255.npy", p, 5, 16);
        Object[] mapped = score(raw);
        Object[] right = score(npy("p01.npy", scaled, 5, 16));
        assertThat((float[]) mapped[0]).isEqualTo((float[]) right[0]);
        assertThat(((String) mapped[1]).lines().toList())
                .containsExactly("ebgan: note: " + raw + " holds values from 0 to 255; read as 0..255 pixels and divided by 255 to the data's [0, 1]");
        assertThat((String) right[1]).isEmpty();
    }

    @Test
    void valuesInMinusOneToOneAreMappedWithANotice() throws Exception {
        float[] p = pixels255();
        float[] signed = new float[p.length];
        float[] unit = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            signed[i] = p[i] / 127.5f - 1f;
            unit[i] = (signed[i] + 1f) / 2f;
        }
        Path file = dir.resolve("signed.csv");
        SampleWriters.writeCsv(file, signed, 5, 16);
        Object[] mapped = score(file);
        Object[] right = score(npy("unit.npy", unit, 5, 16));
        assertThat((float[]) mapped[0]).isEqualTo((float[]) right[0]);
        assertThat(((String) mapped[1]).lines().toList()).singleElement().asString()
                .startsWith("ebgan: note: " + file + " holds values from -1 to 1; read as [-1, 1] and mapped to the data's [0, 1]");
    }

    @Test
    void otherRangesAreRefusedWithTheFirstValueOutside() throws Exception {
        float[] p = new float[2 * 16];
        p[17] = 1.5f;
        Path file = npy("over.npy", p, 2, 16);
        assertThatThrownBy(() -> score(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds values from 0 to 1.5 (1.5 at row 1, column 1 (counting from 0))")
                .hasMessageContaining("rescale them to [0, 1]");
        p[17] = -0.2f;
        Path slightly = npy("under.npy", p, 2, 16);
        assertThatThrownBy(() -> score(slightly)).hasMessageContaining("values from -0.2 to 0");
        p[17] = 256;
        Path bright = npy("bright.npy", p, 2, 16);
        assertThatThrownBy(() -> score(bright)).hasMessageContaining("values from 0 to 256");
    }

    @Test
    void shapesThatDoNotMatchAreRefusedSayingWhatIsExpected() throws Exception {
        Path wide = npy("wide.npy", new float[4 * 32], 4, 32);
        assertThatThrownBy(() -> score(wide))
                .hasMessage(wide + " holds an array of shape (4, 32); this run's model takes 1x4x4 images: an array of shape "
                        + "(N, 16), (N, 4, 4) or (N, 1, 4, 4), 16 values a CSV row");
        Path transposed = npy("t.npy", new float[16 * 4], 16, 4);
        assertThatThrownBy(() -> score(transposed)).hasMessageContaining("shape (16, 4)");
        Path flat = npy("flat.npy", new float[32], 32);
        assertThatThrownBy(() -> score(flat)).hasMessageContaining("(32,)").hasMessageContaining("a 1-D array");
        Path last = npy("last.npy", new float[2 * 16], 2, 4, 4, 1);
        assertThatThrownBy(() -> score(last)).hasMessageContaining("it looks channels-last: drop the last axis");
        Path csv = dir.resolve("narrow.csv");
        SampleWriters.writeCsv(csv, new float[3 * 15], 3, 15);
        assertThatThrownBy(() -> score(csv)).hasMessageContaining("holds 3 rows of 15 values; this run's model takes 1x4x4 images");
    }

    @Test
    void pointsAreReadAsTheyAreInShape_N_2() throws Exception {
        SampleInputs.Reader points = new SampleInputs.Reader("this run's model", 2, null, false);
        float[] far = {100, -250, 3.5f, 1e6f};
        Path ok = npy("points.npy", far, 2, 2);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(SampleInputs.read(ok, points, new PrintStream(err))).containsExactly(far);
        assertThat(err.size()).isZero();
        Path three = npy("three.npy", new float[9], 3, 3);
        assertThatThrownBy(() -> SampleInputs.read(three, points, System.err))
                .hasMessage(three + " holds an array of shape (3, 3); this run's model takes 2D points: an array of shape (N, 2), "
                        + "2 values a CSV row");
        Path deep = npy("deep.npy", new float[4], 2, 1, 2);
        assertThatThrownBy(() -> SampleInputs.read(deep, points, System.err)).hasMessageContaining("shape (2, 1, 2)");
    }

    @Test
    void theClassifierReadsSquareGreyImages() throws Exception {
        SampleInputs.Reader c = SampleInputs.Reader.ofClassifier(28);
        Path rgb = npy("rgb.npy", new float[3 * 784], 1, 3, 28, 28);
        assertThatThrownBy(() -> SampleInputs.read(rgb, c, System.err))
                .hasMessageContaining("the classifier takes 1x28x28 images: an array of shape (N, 784), (N, 28, 28) or (N, 1, 28, 28)");
        Path ok = npy("ok.npy", new float[2 * 784], 2, 28, 28);
        assertThat(SampleInputs.read(ok, c, System.err)).hasSize(2 * 784);
    }

    @Test
    void aNegativeMaximumIsRefused() throws Exception {
        Path ok = npy("ok.npy", new float[16], 1, 16);
        assertThatThrownBy(() -> EnergyScores.ofFile(images, ok, -5)).hasMessage("`maxSamples` must be 0 (all) or more, got -5");
        assertThatThrownBy(() -> EnergyScores.of(images, ok.toString(), null, true, 0)).hasMessageContaining("`test` applies to a data set");
        assertThat(EnergyScores.ofFile(images, ok, 0).size()).isEqualTo(1);
    }

    @Test
    void evaluationSettingsNameTheValueOutOfRange() {
        LinearProbe.Config probe = LinearProbe.Config.defaults();
        assertThatThrownBy(() -> new Evaluation.Settings(null, 1, 0, 10, 1, probe)).hasMessage("`n` must lie in 2..200,000, got 1");
        assertThatThrownBy(() -> new Evaluation.Settings(null, 10, 0, Integer.MAX_VALUE, 1, probe))
                .hasMessage("`rankSize` must lie in 2..200,000, got 2147483647");
        assertThatThrownBy(() -> new Evaluation.Settings(null, 10, 0, 10, 0, probe)).hasMessage("`probeSeeds` must lie in 1..1,000, got 0");
        assertThat(new Evaluation.Settings(null, 10_000, 0, 1000, 10, probe).n()).isEqualTo(10_000);
    }
}
