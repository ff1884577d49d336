package org.ebgan4j.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.energy.Reduction;
import org.ebgan4j.game.BeganGame;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.EbganGame;
import org.ebgan4j.game.GanGame;
import org.ebgan4j.io.Json;
import org.ebgan4j.nn.ConvolutionalSpec;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.ebgan4j.optim.OptimizerSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The config.json of ebgan4j 0.1 (format 1) for every model, kept as fixtures, loads as the same run. */
class ConfigFilesTest {

    static final List<String> FIXTURES = List.of("fc-ebgan", "fc-ebgan-pt", "fc-gan", "fc-egan-const", "fc-egan-ent-nn",
            "fc-egan-ent-vi", "fc-began", "fc-ebgan-label", "2d-ebgan", "2d-ebgan-pt", "2d-ebgan-pt-decay", "2d-gan", "2d-egan-const",
            "2d-egan-ent-nn", "2d-egan-ent-vi", "2d-began", "conv-ebgan", "conv-ebgan-pt", "conv-gan", "conv-egan-const",
            "conv-egan-ent-nn", "conv-egan-ent-vi", "conv-began", "custom-ebgan", "images-crop-ebgan");

    /** Format 2, written by this release: a change of the format shows here first. */
    static final List<String> FIXTURES_V2 = List.of("fc-ebgan", "fc-ebgan-pt", "fc-gan", "fc-egan-const", "fc-egan-ent-nn",
            "fc-egan-ent-vi", "fc-began", "fc-lsgan", "fc-ebgan-label", "fc-began-gamma", "2d-ebgan", "2d-ebgan-pt",
            "2d-ebgan-pt-decay", "2d-gan", "2d-egan-const", "2d-egan-ent-nn", "2d-egan-ent-vi", "2d-began", "2d-lsgan", "conv-ebgan",
            "conv-ebgan-pt", "conv-gan", "conv-egan-const", "conv-egan-ent-nn", "conv-egan-ent-vi", "conv-began", "conv-lsgan",
            "custom-ebgan", "images-crop-ebgan");

    static String fixture(String name) throws IOException {
        return resource("/config-v1/" + name + ".json");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ConfigFilesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("fixture " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyFormatTwoFixtureReadsAndWritesBackToTheSameText() throws Exception {
        for (String name : FIXTURES_V2) {
            String text = resource("/config-v2/" + name + ".json");
            TrainConfig config = TrainConfig.fromJson(text);
            assertThat(config.toJson()).as(name).isEqualTo(text);
            assertThat(config.networks() instanceof ConvolutionalSpec).as(name).isEqualTo(!name.startsWith("fc") && !name.startsWith("2d"));
        }
        assertThat(TrainConfig.fromJson(resource("/config-v2/fc-began-gamma.json")).game()).isEqualTo(new BeganGame.Spec(0.7f, 0.002f));
    }

    @Test
    void everyFormatOneFixtureLoadsAsTheSameModelAndRoundTripsInFormatTwo() throws Exception {
        for (String name : FIXTURES) {
            String v1 = fixture(name);
            JsonNode old = Json.mapper().readTree(v1);
            TrainConfig config = TrainConfig.fromJson(v1);
            assertThat(config.game().model()).as(name).isEqualTo(old.path("objective").path("model").asText());
            assertThat(config.data().dataset()).as(name).isEqualTo(old.path("data").path("dataset").asText());
            assertThat(config.schedule().batchSize()).as(name).isEqualTo(old.path("schedule").path("batchSize").asInt());
            assertThat(config.networks().noiseDim()).as(name).isEqualTo(old.path("network").path("noiseDim").asInt());
            assertThat(config.networks().dataDim()).as(name).isEqualTo(old.path("network").path("dataDim").asInt());
            assertThat(config.networks() instanceof ConvolutionalSpec).as(name).isEqualTo(!old.path("conv").isNull());
            JsonNode adam = old.path("optimizer");
            assertThat(config.optimizer().discriminator().lr()).as(name).isEqualTo((float) adam.path("lrD").asDouble());
            assertThat(config.optimizer().generator().lr()).as(name).isEqualTo((float) adam.path("lrG").asDouble());
            assertThat(((OptimizerSpec.Adam) config.optimizer().generator()).beta1()).isEqualTo((float) adam.path("beta1").asDouble());
            assertThat(config.optimizer().lrDecay()).as(name).isEqualTo((float) adam.path("lrDecay").asDouble());
            String v2 = config.toJson();
            assertThat(Json.mapper().readTree(v2).path("format").asInt()).isEqualTo(TrainConfig.FORMAT);
            assertThat(TrainConfig.fromJson(v2)).as(name).isEqualTo(config);
        }
    }

    @Test
    void eachGameKeepsOnlyTheParametersItsModelUsed() throws Exception {
        assertThat(TrainConfig.fromJson(fixture("fc-ebgan")).game())
                .isEqualTo(new EbganGame.Spec(Reduction.SUM, MarginSchedule.constant(10), 0f));
        assertThat(TrainConfig.fromJson(fixture("fc-ebgan-pt")).game())
                .isEqualTo(new EbganGame.Spec(Reduction.SUM, MarginSchedule.constant(10), 0.1f));
        assertThat(TrainConfig.fromJson(fixture("2d-ebgan-pt-decay")).game())
                .isEqualTo(new EbganGame.Spec(Reduction.MEAN, new MarginSchedule(MarginSchedule.Kind.LINEAR, 2f, 0.5f, 100), 0.3f));
        assertThat(TrainConfig.fromJson(fixture("fc-gan")).game()).isEqualTo(new GanGame.Spec());
        assertThat(TrainConfig.fromJson(fixture("fc-began")).game()).isEqualTo(new BeganGame.Spec(0.5f, 0.001f));
        assertThat(TrainConfig.fromJson(fixture("2d-egan-ent-nn")).game()).isEqualTo(new CalibratedGame.Spec(
                MarginSchedule.constant(10), new CalibratedGame.NearestNeighbours(20, NearestNeighbourEntropy.Scaling.VARIANCE, 1e-3f)));
        assertThat(TrainConfig.fromJson(fixture("conv-egan-ent-vi")).game()).isEqualTo(new CalibratedGame.Spec(
                MarginSchedule.constant(10), new CalibratedGame.Variational(0.02f)));
        assertThat(TrainConfig.fromJson(fixture("2d-egan-const")).game())
                .isEqualTo(new CalibratedGame.Spec(MarginSchedule.constant(10), new CalibratedGame.Constant()));
        // The per-network learning rates of --lr-g, and the data and network options of a one-class run.
        TrainConfig decay = TrainConfig.fromJson(fixture("2d-ebgan-pt-decay"));
        assertThat(decay.optimizer().discriminator().lr()).isEqualTo(5e-4f);
        assertThat(decay.optimizer().generator().lr()).isEqualTo(2e-3f);
        TrainConfig label = TrainConfig.fromJson(fixture("fc-ebgan-label"));
        assertThat(label.data().label()).isEqualTo(3);
        assertThat(label.data().holdOut()).isEqualTo(10);
        assertThat(label.networks()).isEqualTo(new FullyConnectedSpec(100, org.ebgan4j.nn.NoiseKind.UNIFORM, 784, 2, 64, 3, 32, 0.5f,
                true, false, 0.02f, 0.002f, org.ebgan4j.nn.OutputActivation.TANH));
        TrainConfig crop = TrainConfig.fromJson(fixture("images-crop-ebgan"));
        assertThat(crop.data().randomCrop()).isEqualTo(32);
        assertThat(((ConvolutionalSpec) crop.networks()).architecture().name()).isEqualTo("cifar32");
    }

    @Test
    void formatTwoNamesTheModelAsTheGamesTypeAndRefusesUnknownFields() throws Exception {
        TrainConfig config = TrainConfig.fromJson(fixture("fc-ebgan-pt"));
        ObjectNode json = (ObjectNode) Json.mapper().readTree(config.toJson());
        assertThat(json.path("game").path("model").asText()).isEqualTo("ebgan-pt");
        assertThat(json.path("game").has("gamma")).as("parameters of other games").isFalse();
        assertThat(json.path("networks").path("kind").asText()).isEqualTo("fully-connected");
        assertThat(json.path("optimizer").path("generator").path("type").asText()).isEqualTo("adam");

        ObjectNode typo = json.deepCopy();
        ((ObjectNode) typo.get("game")).put("pullAwayWieght", 0.2);
        assertThatThrownBy(() -> TrainConfig.fromJson(typo.toString())).hasMessageContaining("pullAwayWieght");

        ObjectNode mislabelled = json.deepCopy();
        ((ObjectNode) mislabelled.get("game")).put("model", "ebgan");
        assertThatThrownBy(() -> TrainConfig.fromJson(mislabelled.toString()))
                .hasMessageContaining("model 'ebgan' but its parameters make it 'ebgan-pt'");

        ObjectNode newer = json.deepCopy();
        newer.put("format", TrainConfig.FORMAT + 1);
        assertThatThrownBy(() -> TrainConfig.fromJson(newer.toString())).hasMessageContaining("newer ebgan4j");

        ObjectNode unknownModel = json.deepCopy();
        ((ObjectNode) unknownModel.get("game")).put("model", "wgan");
        assertThatThrownBy(() -> TrainConfig.fromJson(unknownModel.toString())).hasMessageContaining("wgan");
    }
}
