package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.data.SyntheticDigits;
import org.ebgan4j.io.Json;
import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** The evaluation commands end to end on generated IDX digits: classifier, train, eval, compare. */
@Tag("slow")
class EvalCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void classifierTrainEvalAndCompare(@TempDir Path tmp) throws Exception {
        Path data = SyntheticDigits.writeIdx(tmp.resolve("idx"), 40, 10, 1).toAbsolutePath();
        Path cls = tmp.resolve("cls");
        CliRun c = run("classifier", "train", "--dataset", "mnist", "--data-dir", data.toString(), "--epochs", "3",
                "--batch", "32", "--lr", "0.002", "--shift", "0", "--quiet", "--out", cls.toString());
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("held-out accuracy");
        assertThat(Files.isRegularFile(cls.resolve("classifier.json"))).isTrue();

        Path runDir = tmp.resolve("run");
        CliRun t = run("train", "--model", "ebgan-pt", "--dataset", "mnist", "--data-dir", data.toString(), "--label", "3",
                "--hold-out", "20", "--steps", "30", "--batch", "10", "--size-g", "64", "--size-d", "32", "--no-batch-norm-d", "--quiet",
                "--out", runDir.toString());
        assertThat(t.code()).as(t.err()).isZero();
        TrainConfig saved = TrainConfig.fromJson(runDir.resolve("config.json"));
        assertThat(saved.data().label()).isEqualTo(3);
        assertThat(saved.networks().batchNormD()).isFalse();
        assertThat(saved.networks().batchNormG()).isTrue();

        CliRun li = run("interpolate", "--run", runDir.toString(), "--rows", "3", "--steps", "5");
        assertThat(li.code()).as(li.err()).isZero();
        assertThat(li.out()).contains("wrote 3 lines of 5 images to " + runDir.resolve("interpolation.png"));
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(runDir.resolve("interpolation.png").toFile());
        assertThat(picture.getWidth()).as("5 images a row, 3 rows").isGreaterThan(picture.getHeight() * 3 / 2);
        CliRun badLine = run("interpolate", "--run", runDir.toString(), "--steps", "1");
        assertThat(badLine.code()).isEqualTo(2);
        assertThat(badLine.err()).contains("--steps at least 2");

        CliRun e = run("eval", "--run", runDir.toString(), "--classifier", cls.toString(), "--n", "300", "--rank-size", "40",
                "--probe-seeds", "2");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("inception score", "FID", "rank: real in top half", "probe error, trained D");
        JsonNode report = Json.mapper().readTree(runDir.resolve("eval.json").toFile());
        assertThat(report.path("inception").path("score").asDouble()).isBetween(0.0, Math.log(10));
        assertThat(report.path("inceptionReal").path("score").asDouble()).isGreaterThan(1.5);
        assertThat(report.path("fid").asDouble()).isGreaterThan(report.path("fidReal").asDouble());
        assertThat(report.path("ranking").path("real").asInt()).isEqualTo(20);
        assertThat(report.path("ranking").path("generated").asInt()).isEqualTo(20);
        assertThat(report.path("probe").path("seeds").asInt()).isEqualTo(2);
        assertThat(report.path("probe").path("trained").path("mean").asDouble()).isBetween(0.0, 1.0);
        assertThat(runDir.resolve("rank.png")).exists();
        assertThat(runDir.resolve("rank-top.png")).exists();

        // Measuring one metric again keeps the others in eval.json.
        CliRun again = run("eval", "--run", runDir.toString(), "--metrics", "rank", "--rank-size", "20");
        assertThat(again.code()).as(again.err()).isZero();
        JsonNode merged = Json.mapper().readTree(runDir.resolve("eval.json").toFile());
        assertThat(merged.path("ranking").path("real").asInt()).isEqualTo(10);
        assertThat(merged.path("inception").path("score").asDouble()).isEqualTo(report.path("inception").path("score").asDouble());
        assertThat(merged.path("probe").path("seeds").asInt()).isEqualTo(2);

        // Samples from any tool: a .npy of images in [0, 1]. The classifier's own held-out images score as the ceiling.
        Path npy = tmp.resolve("s.npy");
        assertThat(run("sample", "--run", runDir.toString(), "--n", "200", "--out", npy.toString()).code()).isZero();
        CliRun s = run("eval", "--samples", npy.toString(), "--classifier", cls.toString(), "--out", tmp.resolve("ev").toString());
        assertThat(s.code()).as(s.err()).isZero();
        JsonNode fromFile = Json.mapper().readTree(tmp.resolve("ev/eval.json").toFile());
        assertThat(fromFile.path("inceptionReal").path("score").asDouble())
                .isEqualTo(report.path("inceptionReal").path("score").asDouble());
        assertThat(fromFile.has("probe")).isFalse();

        CliRun cmp = run("compare", runDir.toString(), tmp.resolve("ev").toString());
        assertThat(cmp.code()).as(cmp.err()).isZero();
        assertThat(cmp.out()).contains("run", "ev", "inception score");
    }

    @Test
    void badRequestsExitWithTwoAndOneLine(@TempDir Path tmp) throws Exception {
        CliRun m = run("eval", "--samples", tmp.resolve("x.npy").toString(), "--metrics", "is,bogus");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err().strip()).contains("unknown metric 'bogus'").doesNotContain("\n");
        CliRun r = run("eval", "--samples", tmp.resolve("x.npy").toString(), "--metrics", "rank");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("give --run");
        CliRun noRun = run("eval", "--run", tmp.toString());
        assertThat(noRun.code()).isEqualTo(2);
        assertThat(noRun.err()).contains("not a run folder");
        CliRun noEval = run("compare", tmp.toString());
        assertThat(noEval.code()).isEqualTo(2);
        assertThat(noEval.err()).contains("has no eval.json");
        CliRun noClassifier = run("eval", "--samples", tmp.resolve("x.npy").toString(), "--classifier", tmp.resolve("none").toString());
        assertThat(noClassifier.code()).isEqualTo(1);
        assertThat(noClassifier.err()).contains("ebgan classifier train");
        SampleWriters.writeNpy(tmp.resolve("bad.npy"), new float[10], new long[] {10});
        CliRun both = run("eval", "--samples", tmp.resolve("bad.npy").toString(), "--run", tmp.toString());
        assertThat(both.code()).isEqualTo(2);
    }
}
