package org.ebgan4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

class MetricsCurvesTest {

    @Test
    void plotsTheFieldsPresentAndSkipsTheRest(@TempDir Path dir) throws Exception {
        Path metrics = dir.resolve("metrics.jsonl");
        Files.writeString(metrics, """
                {"step":10,"energy_real":3.0,"energy_fake":9.0}
                {"step":20,"energy_real":2.5,"energy_fake":"NaN"}
                {"step":30,"energy_real":2.0,"energy_fake":11.0}
                """);
        Path png = dir.resolve("e.png");
        MetricsCurves.write(metrics, png, "energies", "energy_real", "energy_fake", "pt");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
        assertThatThrownBy(() -> MetricsCurves.render(metrics, "x", "loss_d")).hasMessageContaining("none of the fields loss_d");
    }
}
