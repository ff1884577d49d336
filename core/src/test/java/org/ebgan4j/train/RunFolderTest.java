package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class RunFolderTest {

    @Test
    void configRoundTripsThroughTheRunFolder(@TempDir Path tmp) throws Exception {
        TrainConfig config = TrainConfig.builder().setModel("ebgan-pt").setDataset("random")
                .build(AdversarialTrainerTest.randomImages(4, 16, 0));
        RunFolder run = new RunFolder(tmp);
        Files.writeString(run.config(), config.toJson());
        assertThat(run.readConfig()).isEqualTo(config);
    }

    @Test
    void aConfigMissingAFieldGivesOneLineNamingTheFileAndField(@TempDir Path tmp) throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(ConfigFilesTest.fixture("fc-ebgan"));
        ((ObjectNode) json.get("network")).remove("initStdG"); // as in a config written before the field existed
        RunFolder run = new RunFolder(tmp);
        Files.writeString(run.config(), json.toString());
        assertThatThrownBy(run::readConfig)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(run.config().toString())
                .hasMessageContaining("'network'")
                .hasMessageContaining("`initStdG` must be positive")
                .hasMessageContaining("older ebgan4j")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aCurrentConfigMissingAFieldIsRefusedNotDefaulted(@TempDir Path tmp) throws Exception {
        TrainConfig config = TrainConfig.builder().setModel("ebgan").setDataset("random")
                .build(AdversarialTrainerTest.randomImages(4, 16, 0));
        ObjectNode json = (ObjectNode) Json.mapper().readTree(config.toJson());
        ((ObjectNode) json.get("networks")).remove("sizeD");
        RunFolder run = new RunFolder(tmp);
        Files.writeString(run.config(), json.toString());
        assertThatThrownBy(run::readConfig)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'networks.sizeD' (the field is missing)")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aFreeFolderSkipsTakenNames(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("q"));
        Files.createDirectories(tmp.resolve("q-2"));
        assertThat(RunFolder.free(tmp.resolve("q")).root()).isEqualTo(tmp.resolve("q-3"));
        assertThat(RunFolder.free(tmp.resolve("r")).root()).isEqualTo(tmp.resolve("r"));
    }
}
