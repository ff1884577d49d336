package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

import org.ebgan4j.io.Json;
import org.ebgan4j.nn.ComputeDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** {@code --device} on the command line: recorded, validated, and not carried from one command to the next. */
class DeviceOptionTest {

    @Test
    void aRunRecordsTheDeviceItWasGivenAndTheNextCommandStartsFromAuto(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--dataset", "gaussians4", "--steps", "4", "--max-samples", "64", "--batch", "16",
                "--quiet", "--device", "cpu", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Json.strict().readTree(out.resolve("config.json").toFile()).path("engine").path("device").asText()).isEqualTo("cpu");
        CliRun help = CliRun.of("train", "--help");
        assertThat(help.out()).contains("--device=cpu|gpu|auto");
        assertThat(ComputeDevice.choice()).isEqualTo("auto");
    }

    @Test
    void aDeviceThatIsNotOneOfTheChoicesIsBadInput() {
        CliRun r = CliRun.of("bench", "--device", "tpu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ebgan: --device 'tpu' is not one of cpu, gpu, gpu:N or auto (see 'ebgan bench --help')");
    }

    @Test
    void aGpuAskedForWhereTheEngineSeesNoneIsBadInputAndWritesNothing(@TempDir Path tmp) {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        Path out = tmp.resolve("run");
        CliRun r = CliRun.of("train", "--dataset", "gaussians4", "--steps", "4", "--quiet", "--device", "gpu", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString()
                .startsWith("ebgan: --device gpu: the engine sees no GPU here").contains("use --device cpu or auto");
        assertThat(out).doesNotExist();
        assertThat(ComputeDevice.choice()).isEqualTo("gpu");
        ComputeDevice.reset();
    }
}
