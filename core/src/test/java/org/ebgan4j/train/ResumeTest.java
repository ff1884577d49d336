package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.io.Json;
import org.ebgan4j.nn.MklIntelCpuShim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** What a resume may change and how it is recorded; runs that stopped early; checkpoints of format 1. */
class ResumeTest {

    private static TrainConfig config(long steps) {
        return TrainConfig.builder().setModel("ebgan-pt").setDataset("gaussians4").optMaxSamples(256).optBatchSize(32)
                .optSteps(steps).optLogEvery(5).optCheckpointEvery(10).optSampleEvery(1000).prepare().config();
    }

    private static void train(TrainConfig config, Path folder, boolean resume) throws Exception {
        PreparedRun prepared = resume ? PreparedRun.resume(new RunFolder(folder), PreparedRun.Changes.length(null, config.schedule().steps()))
                : new PreparedRun(config, config.fit(config.data().load(config.schedule().seed()).train()));
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer t = new AdversarialTrainer(gan)) {
            t.fit(prepared.data(), new RunFolder(folder), new AdversarialTrainer.FitOptions(resume, false, List.of()));
        }
    }

    private static void resume(Path folder, PreparedRun.Changes changes) throws Exception {
        PreparedRun prepared = PreparedRun.resume(new RunFolder(folder), changes);
        try (EnergyGan gan = new EnergyGan(prepared.config()); AdversarialTrainer t = new AdversarialTrainer(gan)) {
            t.fit(prepared.data(), new RunFolder(folder), new AdversarialTrainer.FitOptions(true, false, List.of()));
        }
    }

    private static List<String> metrics(Path folder) throws Exception {
        return Files.readAllLines(folder.resolve("metrics.jsonl")).stream().map(l -> l.replaceAll(",\"seconds\":[0-9.E-]+", "")).toList();
    }

    @Test
    void aNewRateOnResumeIsRecordedSoThatTheConfigReproducesTheRun(@TempDir Path tmp) throws Exception {
        Path resumed = tmp.resolve("resumed");
        train(config(20), resumed, false);
        resume(resumed, new PreparedRun.Changes(null, 40L, 1e-4f, null, null));
        TrainConfig written = new RunFolder(resumed).readConfig();
        assertThat(written.optimizer().rateChanges()).containsExactly(new TrainConfig.RateChange(20, 1e-4f, 1e-4f));
        assertThat(written.optimizer().lrD(19)).isEqualTo(written.optimizer().discriminator().lr());
        assertThat(written.optimizer().lrG(20)).isEqualTo(1e-4f);

        // Trained straight from the written config: the same run, step for step.
        Path replay = tmp.resolve("replay");
        train(written, replay, false);
        assertThat(metrics(replay)).isEqualTo(metrics(resumed)).hasSize(8);
        // And not the run without the change: the new rate was applied from step 20.
        Path unchanged = tmp.resolve("unchanged");
        train(config(40), unchanged, false);
        assertThat(metrics(unchanged).subList(0, 4)).isEqualTo(metrics(resumed).subList(0, 4));
        assertThat(metrics(unchanged).get(7)).isNotEqualTo(metrics(resumed).get(7));
    }

    @Test
    void aRunThatStoppedBeforeItsFirstCheckpointResumesFromStepZero(@TempDir Path tmp) throws Exception {
        TrainConfig config = config(20);
        Path early = tmp.resolve("early");
        new RunFolder(early).createFresh(config);
        Files.writeString(early.resolve("metrics.jsonl"), "{\"step\":5,\"epoch\":0,\"lossD\":1.0}\n{\"step\":10,\"ep");
        Files.writeString(early.resolve("checkpoints/.last.ckpt.123456.tmp"), "half a checkpoint");
        train(config, early, true);
        Path straight = tmp.resolve("straight");
        train(config, straight, false);
        assertThat(metrics(early)).isEqualTo(metrics(straight));
        assertThat(early.resolve("checkpoints/.last.ckpt.123456.tmp")).doesNotExist();
    }

    @Test
    void resumingAtAnotherThreadCountIsNoted(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        train(config(10), run, false);
        RunFolder folder = new RunFolder(run);
        assertThat(folder.recordedThreads()).isEqualTo(RunFolder.engineThreads());
        assertThat(PreparedRun.resume(folder, PreparedRun.Changes.none()).notes()).isEmpty();
        ObjectNode tree = (ObjectNode) Json.strict().readTree(folder.config().toFile());
        ((ObjectNode) tree.get("engine")).put("threads", 7);
        Files.writeString(folder.config(), tree.toString());
        assertThat(PreparedRun.resume(folder, PreparedRun.Changes.none()).notes()).singleElement().asString()
                .contains("trained with 7 engine threads").contains("-Dai.djl.pytorch.num_threads=7");
    }

    @Test
    void resumingWithOrWithoutMklsAvx2KernelsIsNoted(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        train(config(10), run, false);
        RunFolder folder = new RunFolder(run);
        boolean now = MklIntelCpuShim.loaded();
        assertThat(folder.recordedMklIntelCpuShim()).isEqualTo(now);
        ObjectNode tree = (ObjectNode) Json.strict().readTree(folder.config().toFile());
        ((ObjectNode) tree.get("engine")).put("mklIntelCpuShim", !now);
        Files.writeString(folder.config(), tree.toString());
        assertThat(PreparedRun.resume(folder, PreparedRun.Changes.none()).notes()).singleElement().asString()
                .contains("trained " + (now ? "without" : "with") + " MKL's AVX2 kernels").contains("not bit for bit");
        // An older run that recorded nothing resumes without a note.
        ((ObjectNode) tree.get("engine")).remove("mklIntelCpuShim");
        Files.writeString(folder.config(), tree.toString());
        assertThat(folder.recordedMklIntelCpuShim()).isNull();
        assertThat(PreparedRun.resume(folder, PreparedRun.Changes.none()).notes()).isEmpty();
    }

    @Test
    void aRunRecordsItsDeviceAndAResumeElsewhereIsNotedAndContinues(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        train(config(10), run, false);
        RunFolder folder = new RunFolder(run);
        assertThat(folder.recordedDevice()).isEqualTo("cpu");
        JsonNode engine = Json.strict().readTree(folder.config().toFile()).get("engine");
        assertThat(engine.get("deviceName").asText()).endsWith(" cores");
        // As if it had trained on a GPU: the checkpoint carries no device, so the run goes on here, with a note.
        ObjectNode tree = (ObjectNode) Json.strict().readTree(folder.config().toFile());
        ((ObjectNode) tree.get("engine")).put("device", "gpu:0");
        Files.writeString(folder.config(), tree.toString());
        assertThat(PreparedRun.resume(folder, PreparedRun.Changes.none()).notes()).singleElement().asString()
                .contains("trained on gpu:0 and resumes on cpu").contains("not bit for bit");
        resume(run, PreparedRun.Changes.length(null, 20L));
        Path straight = tmp.resolve("straight");
        train(config(20), straight, false);
        assertThat(metrics(run)).isEqualTo(metrics(straight));
        assertThat(folder.recordedDevice()).isEqualTo("cpu");
    }

    @Test
    void aResumeRefusesFewerStepsThanTrainedAndBothLengths(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        train(config(20), run, false);
        RunFolder folder = new RunFolder(run);
        assertThatThrownBy(() -> PreparedRun.resume(folder, PreparedRun.Changes.length(null, 10L)))
                .hasMessageContaining("fewer than the 20 steps");
        assertThatThrownBy(() -> PreparedRun.resume(folder, PreparedRun.Changes.length(3, 30L))).hasMessageContaining("not both");
        assertThatThrownBy(() -> PreparedRun.resume(folder, new PreparedRun.Changes(null, null, null, -1f, null)))
                .hasMessageContaining("positive");
    }

    @Test
    void aFormatOneCheckpointStillLoadsAndADamagedOneIsRefused(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        train(config(10), run, false);
        Path file = run.resolve("checkpoints/last.ckpt");
        byte[] v2 = Files.readAllBytes(file);
        // Format 1 is format 2 without the trailing checksum, with 1 as its version.
        byte[] v1 = Arrays.copyOf(v2, v2.length - Long.BYTES);
        v1[2 + "ebgan4j-checkpoint".getBytes(StandardCharsets.UTF_8).length + 3] = 1;
        Files.write(file, v1);
        assertThat(Checkpoint.state(file).step()).isEqualTo(10);
        try (EnergyGan loaded = EnergyGan.load(new RunFolder(run))) {
            assertThat(loaded.config().game().model()).isEqualTo("ebgan-pt");
        }
        byte[] changed = v2.clone();
        changed[v2.length / 2] ^= 1;
        Files.write(file, changed);
        assertThatThrownBy(() -> Checkpoint.state(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum does not match");
    }
}
