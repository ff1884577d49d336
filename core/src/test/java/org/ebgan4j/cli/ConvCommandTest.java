package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.SyntheticDigits;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.ConvolutionalSpec;
import org.ebgan4j.train.TrainConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Convolutional models from the command line: arch, train on digits and on a folder with random crops, resume, eval. */
@Tag("slow")
class ConvCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static ConvArchitecture conv(TrainConfig config) {
        return ((ConvolutionalSpec) config.networks()).architecture();
    }

    @Test
    void archDescribesEveryPresetWithParameterCounts() {
        CliRun all = run("arch", "--describe", "all");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).contains("dcgan64: 3x64x64 images", "ebgan-imagenet128", "+64 noise planes", "512x4x4 -> 256x8x8",
                "EBGAN auto-encoder D:");
        CliRun custom = run("arch", "--generator", "(64)7t1s0p-(1)4t2s", "--encoder", "(32)4c2s", "--decoder", "(1)4t2s",
                "--side", "14");
        assertThat(custom.code()).as(custom.err()).isZero();
        assertThat(custom.out()).contains("custom: 1x14x14 images", "64x7x7 -> 1x14x14");
        CliRun bad = run("arch", "--generator", "(64)7t1s0p", "--encoder", "(32)4c2s", "--decoder", "(1)4t2s", "--side", "14");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("the generator ends in 64x7x7, not the 1x14x14 images");
    }

    @Test
    void convolutionalDigitsTrainResumeAndEvaluate(@TempDir Path tmp) throws Exception {
        Path data = SyntheticDigits.writeIdx(tmp.resolve("idx"), 8, 4, 1).toAbsolutePath();
        Path runDir = tmp.resolve("conv");
        CliRun t = run("train", "--model", "ebgan-pt", "--dataset", "mnist", "--data-dir", data.toString(), "--arch", "digits28",
                "--steps", "3", "--batch", "8", "--quiet", "--out", runDir.toString());
        assertThat(t.code()).as(t.err()).isZero();
        TrainConfig config = TrainConfig.fromJson(runDir.resolve("config.json"));
        assertThat(conv(config).name()).isEqualTo("digits28");
        assertThat(config.networks().noiseDim()).isEqualTo(100);
        CliRun resumed = run("train", "--resume", "--steps", "4", "--quiet", "--out", runDir.toString());
        assertThat(resumed.code()).as(resumed.err()).isZero();
        CliRun e = run("eval", "--run", runDir.toString(), "--metrics", "probe", "--probe-seeds", "1");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("probe error, trained D");
        assertThat(run("sample", "--run", runDir.toString(), "--n", "4", "--out", tmp.resolve("g.png").toString()).code()).isZero();
        assertThat(ImageIO.read(tmp.resolve("g.png").toFile()).getWidth()).isGreaterThan(2 * 28);
    }

    @Test
    void layersGivenInTheNotationTrainAndSample(@TempDir Path tmp) throws Exception {
        Path data = SyntheticDigits.writeIdx(tmp.resolve("idx"), 8, 4, 1).toAbsolutePath();
        Path runDir = tmp.resolve("custom");
        CliRun t = run("train", "--model", "ebgan", "--dataset", "mnist", "--data-dir", data.toString(),
                "--generator", "(32)7t1s0p-(16)4t2s-(1)4t2s", "--encoder", "(16)4c2s-(32)4c2s", "--decoder", "(16)4t2s-(1)4t2s",
                "--noise-planes", "20-4", "--steps", "2", "--batch", "8", "--quiet", "--out", runDir.toString());
        assertThat(t.code()).as(t.err()).isZero();
        TrainConfig config = TrainConfig.fromJson(runDir.resolve("config.json"));
        assertThat(conv(config).name()).isEqualTo("custom");
        assertThat(conv(config).side()).isEqualTo(28);
        assertThat(conv(config).noise()).containsExactly(20, 4);
        assertThat(conv(config).critic()).isEqualTo("(16)4c2s-(32)4c2s");
        // 20 values of z, then 4 planes of 7x7 at the second layer.
        assertThat(config.networks().noiseDim()).isEqualTo(20 + 4 * 7 * 7);
        assertThat(run("sample", "--run", runDir.toString(), "--n", "4", "--out", tmp.resolve("s.npy").toString()).code()).isZero();
        assertThat(org.ebgan4j.io.SampleWriters.readNpy(tmp.resolve("s.npy")).values()).hasSize(4 * 784);

        CliRun both = run("train", "--dataset", "mnist", "--data-dir", data.toString(), "--arch", "digits28",
                "--generator", "(1)28t1s0p", "--out", tmp.resolve("x").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give --arch NAME or the layers");
        CliRun partial = run("train", "--dataset", "mnist", "--data-dir", data.toString(), "--generator", "(1)28t1s0p",
                "--out", tmp.resolve("y").toString());
        assertThat(partial.code()).isEqualTo(2);
        assertThat(partial.err()).contains("a custom architecture needs --generator, --encoder and --decoder");
        assertThat(Files.exists(tmp.resolve("y"))).isFalse();
    }

    @Test
    void aFolderOfImagesTrainsOnRandomPatches(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("pictures"));
        java.util.Random r = new java.util.Random(2);
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    img.setRGB(x, y, r.nextInt(0xffffff));
                }
            }
            ImageIO.write(img, "png", folder.resolve("p" + i + ".png").toFile());
        }
        Files.write(folder.resolve("broken.png"), new byte[] {1, 2, 3});
        Path runDir = tmp.resolve("run");
        CliRun t = run("train", "--model", "ebgan", "--dataset", "images", "--data-dir", folder.toString(), "--image-size", "40",
                "--random-crop", "32", "--arch", "cifar32", "--steps", "2", "--batch", "3", "--quiet", "--out", runDir.toString());
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.err()).contains("skipped 1 unreadable images", "random 32x32 patches");
        TrainConfig config = TrainConfig.fromJson(runDir.resolve("config.json"));
        assertThat(config.data().randomCrop()).isEqualTo(32);
        assertThat(config.data().imageSize()).isEqualTo(40);
        CliRun mismatch = run("train", "--dataset", "images", "--data-dir", folder.toString(), "--image-size", "40",
                "--random-crop", "30", "--arch", "cifar32", "--steps", "1", "--out", tmp.resolve("x").toString());
        assertThat(mismatch.code()).isEqualTo(2);
        assertThat(mismatch.err()).contains("--random-crop 30 must equal the side of cifar32, 32");
    }
}
