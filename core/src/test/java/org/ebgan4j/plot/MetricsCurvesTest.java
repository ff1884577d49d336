package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

class MetricsCurvesTest {

    @Test
    void readsStepsAndSkipsMissingAndNonFiniteValues(@TempDir Path dir) throws Exception {
        Path metrics = dir.resolve("metrics.jsonl");
        Files.writeString(metrics, """
                {"step":10,"energy_real":3.0,"energy_fake":9.0}
                {"step":20,"energy_real":2.5,"energy_fake":"NaN"}

                {"step":30,"energy_real":2.0,"energy_fake":NaN,"loss_d":1}
                {"step":40,"energy_real":1.5,"energy_fake":11.0}
                {"step":50,"energy_re
                """);
        var lines = MetricsCurves.read(metrics);
        assertThat(lines).hasSize(4);
        double[][] fake = MetricsCurves.series(lines, "energy_fake");
        assertThat(fake[0]).containsExactly(10, 40);
        assertThat(fake[1]).containsExactly(9, 11);
        assertThat(MetricsCurves.series(lines, "energy_real")[0]).containsExactly(10, 20, 30, 40);
        assertThat(MetricsCurves.series(lines, "pt")[0]).isEmpty();

        LineChart chart = MetricsCurves.chart(metrics, "energies", "energy_real", "energy_fake", "pt", "loss_d");
        assertThat(chart.names()).containsExactly("energy_real", "energy_fake", "loss_d");
    }

    @Test
    void writesAPngOfAGeneratedRun(@TempDir Path dir) throws Exception {
        Path metrics = dir.resolve("metrics.jsonl");
        StringBuilder text = new StringBuilder();
        for (int step = 10; step <= 3000; step += 10) {
            text.append(String.format(Locale.ROOT,
                    "{\"step\":%d,\"epoch\":0,\"energy_real\":%.4f,\"energy_fake\":%.4f,\"loss_d\":%.4f,\"loss_g\":%.4f,\"pt\":%.4f}%n",
                    step, 0.1 + 0.05 * Math.sin(step * 0.01), 0.9 / (1 + step * 1e-3), 1.0 - step * 1e-4,
                    0.3 + 0.1 * Math.cos(step * 0.003), 0.3));
        }
        Files.writeString(metrics, text);
        Path png = dir.resolve("energy.png");
        MetricsCurves.write(metrics, png, "mean energy of real and generated batches", "energy_real", "energy_fake", "margin");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(450);
        assertThat(Files.list(dir)).allMatch(p -> !p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aFileWithNoneOfTheFieldsStillGivesAPicture(@TempDir Path dir) throws Exception {
        Path metrics = dir.resolve("metrics.jsonl");
        Files.writeString(metrics, "{\"step\":1,\"loss_d\":0.5}\n");
        Path png = dir.resolve("none.png");
        MetricsCurves.write(metrics, png, "BEGAN", "k_t");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
    }
}
