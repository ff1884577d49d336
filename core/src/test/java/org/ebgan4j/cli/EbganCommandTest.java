package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.MetricsLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

class EbganCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("train", "sample", "energy", "quickstart", "bench", "bench2d", "eval", "compare", "arch",
                "classifier train")) {
            CliRun r = run((command + " --help").split(" "));
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).contains("Usage: ebgan " + command);
        }
    }

    @Test
    void badArgumentsExitWithTwoAndOneLine(@TempDir Path tmp) {
        CliRun unknownModel = run("train", "--model", "wgan", "--dataset", "gaussians4", "--out", tmp.resolve("a").toString());
        assertThat(unknownModel.code()).isEqualTo(2);
        assertThat(unknownModel.err().strip())
                .isEqualTo("ebgan: unknown model 'wgan'; choose one of ebgan, ebgan-pt, gan, egan-const, egan-ent-nn, egan-ent-vi, began, lsgan");
        CliRun badDecay = run("train", "--dataset", "gaussians4", "--margin-decay", "cosine", "--out", tmp.resolve("b").toString());
        assertThat(badDecay.code()).isEqualTo(2);
        assertThat(badDecay.err().strip()).isEqualTo("ebgan: --margin-decay 'cosine' is not one of constant, linear, exponential");
        CliRun noRun = run("sample", "--run", tmp.resolve("none").toString(), "--out", tmp.resolve("x.png").toString());
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err()).contains("config.json is missing");
        assertThat(noRun.err().strip().lines()).hasSize(1);
        CliRun badOption = run("train", "--steps", "many");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("'many' is not a long");
    }

    @Test
    @Tag("slow")
    void trainSampleScoreAndResumeEndToEnd(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliRun train = run("train", "--model", "ebgan-pt", "--dataset", "biased2", "--max-samples", "2000", "--steps", "60",
                "--batch", "32", "--sample-every", "30", "--checkpoint-every", "30", "--log-every", "10", "--quiet",
                "--out", out.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(out.resolve("config.json")).exists();
        assertThat(out.resolve("checkpoints/last.ckpt")).exists();
        assertThat(out.resolve("samples/step-0000030.png")).exists();
        assertThat(out.resolve("samples/final-energy.png")).exists();
        assertThat(out.resolve("energy.png")).exists();
        List<JsonNode> metrics = MetricsLog.read(out.resolve("metrics.jsonl"));
        assertThat(metrics).hasSize(6);
        assertThat(metrics.get(5).path("step").asLong()).isEqualTo(60);
        assertThat(metrics.get(5).has("pt")).isTrue();

        CliRun again = run("train", "--dataset", "biased2", "--steps", "10", "--quiet", "--out", out.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a run");

        CliRun resume = run("train", "--resume", "--steps", "80", "--quiet", "--out", out.toString());
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(MetricsLog.read(out.resolve("metrics.jsonl"))).hasSize(8);
        assertThat(Files.readString(out.resolve("config.json"))).contains("\"steps\" : 80");

        Path npy = tmp.resolve("s.npy");
        assertThat(run("sample", "--run", out.toString(), "--n", "50", "--out", npy.toString()).code()).isZero();
        SampleWriters.Samples s = SampleWriters.readNpy(npy);
        assertThat(s.shape()).containsExactly(50, 2);
        // Raw coordinates, not the networks' scaled values: the biased mixture spans several units.
        float maxAbs = 0;
        for (float v : s.values()) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        assertThat(maxAbs).isGreaterThan(1.5f);

        Path png = tmp.resolve("s.png");
        assertThat(run("sample", "--run", out.toString(), "--n", "100", "--out", png.toString()).code()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);

        Path csv = tmp.resolve("e.csv");
        CliRun energy = run("energy", "--run", out.toString(), "--data", npy.toString(), "--out", csv.toString());
        assertThat(energy.code()).as(energy.err()).isZero();
        assertThat(energy.out()).contains("energy of 50 inputs");
        assertThat(Files.readAllLines(csv)).hasSize(51).first().isEqualTo("index,label,energy");
    }
}
