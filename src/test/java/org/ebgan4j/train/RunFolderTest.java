package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class RunFolderTest {

    @Test
    void configRoundTripsThroughTheRunFolder(@TempDir Path tmp) throws Exception {
        TrainConfig config = TrainConfigs.defaults(ModelKind.EBGAN_PT, "random", 16);
        RunFolder run = new RunFolder(tmp);
        Files.writeString(run.config(), config.toJson());
        assertThat(run.readConfig()).isEqualTo(config);
    }

    @Test
    void aConfigMissingAFieldGivesOneLineNamingTheFileAndField(@TempDir Path tmp) throws Exception {
        ObjectNode json = (ObjectNode) TrainConfig.json().readTree(TrainConfigs.defaults(ModelKind.EBGAN, "random", 16).toJson());
        ((ObjectNode) json.get("network")).remove("initStdG"); // as in a config written before the field existed
        RunFolder run = new RunFolder(tmp);
        Files.writeString(run.config(), json.toString());
        assertThatThrownBy(run::readConfig)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(run.config().toString())
                .hasMessageContaining("'network'")
                .hasMessageContaining("initial weight deviations must be positive")
                .hasMessageContaining("older ebgan4j")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }
}
