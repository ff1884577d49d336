package org.ebgan4j.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.energy.Reduction;
import org.ebgan4j.io.Json;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.junit.jupiter.api.Test;

import java.util.Map;

class GameSpecTest {

    private static final DataTraits IMAGES = new DataTraits("mnist", 784);
    private static final DataTraits POINTS = new DataTraits("spirals", 2);

    @Test
    void theRegistryListsEveryModelOfThePermittedSpecs() {
        assertThat(GameSpec.models()).containsExactly("ebgan", "ebgan-pt", "gan", "egan-const", "egan-ent-nn", "egan-ent-vi",
                "began", "lsgan");
        for (String model : GameSpec.models()) {
            assertThat(GameSpec.describe(model)).as(model).isNotBlank();
            for (DataTraits data : new DataTraits[] {IMAGES, POINTS}) {
                GameSpec spec = GameSpec.defaults(model, data);
                assertThat(spec.model()).as("the spec of %s names its model", model).isEqualTo(model);
            }
        }
        assertThatThrownBy(() -> GameSpec.defaults("wgan", IMAGES)).hasMessageContaining("unknown model 'wgan'")
                .hasMessageContaining("lsgan");
    }

    @Test
    void everySpecRoundTripsThroughJsonWithItsModelAsType() throws Exception {
        for (String model : GameSpec.models()) {
            GameSpec spec = GameSpec.defaults(model, IMAGES);
            String json = Json.strict().writeValueAsString(spec);
            assertThat(Json.strict().readTree(json).path("model").asText()).as(model).isEqualTo(model);
            assertThat(Json.strict().treeToValue(GameSpec.withOptionalFields(Json.strict().readTree(json)), GameSpec.class)).as(model)
                    .isEqualTo(spec);
        }
    }

    @Test
    void thePapersDefaultsDependOnTheData() {
        assertThat(GameSpec.defaults("ebgan-pt", IMAGES)).isEqualTo(new EbganGame.Spec(Reduction.NORM, MarginSchedule.constant(10), 0.1f));
        assertThat(GameSpec.defaults("ebgan", POINTS)).isEqualTo(new EbganGame.Spec(Reduction.SUM, MarginSchedule.constant(1), 0f));
        // On 2D points the authors' cost-gap update rule; their four Gaussians have no hinge.
        assertThat(GameSpec.defaults("egan-ent-nn", POINTS)).isEqualTo(new CalibratedGame.Spec(MarginSchedule.constant(10),
                new CalibratedGame.NearestNeighbours(20, NearestNeighbourEntropy.Scaling.VARIANCE, 5e-4f),
                org.ebgan4j.objective.CostGapUpdateRule.authors2d(false)));
        assertThat(((CalibratedGame.Spec) GameSpec.defaults("egan-const", new DataTraits("gaussians4", 2))).costMargin())
                .isEqualTo(MarginSchedule.constant(0));
        assertThat(((CalibratedGame.Spec) GameSpec.defaults("egan-const", new DataTraits("biased2", 2))).updateRule())
                .isEqualTo(org.ebgan4j.objective.CostGapUpdateRule.authors2d(true));
        assertThat(GameSpec.defaults("egan-ent-nn", IMAGES)).isEqualTo(new CalibratedGame.Spec(MarginSchedule.constant(10),
                new CalibratedGame.NearestNeighbours(20, NearestNeighbourEntropy.Scaling.UNIT, 0.02f)));
        assertThat(GameSpec.defaults("egan-ent-vi", POINTS)).isEqualTo(new CalibratedGame.Spec(MarginSchedule.constant(10),
                new CalibratedGame.Variational(1f), org.ebgan4j.objective.CostGapUpdateRule.authors2d(false)));
        assertThat(GameSpec.defaults("began", IMAGES)).isEqualTo(new BeganGame.Spec(0.5f, 0.001f));
        assertThat(GameSpec.defaults("began", IMAGES).paperLearningRate()).isEqualTo(1e-4f);
        assertThat(GameSpec.defaults("gan", IMAGES).paperLearningRate()).isEqualTo(1e-3f);
        assertThat(GameSpec.defaults("lsgan", IMAGES)).isEqualTo(new LeastSquaresGame.Spec(0f, 1f, 1f));
    }

    @Test
    void givenParametersOverrideTheDefaultsAndUnusedOnesAreRefused() {
        GameParameters p = GameParameters.of(Map.of("margin", 20f, "marginDecay", MarginSchedule.Kind.LINEAR, "marginEnd", 5f,
                "marginDecaySteps", 1000L, "ptWeight", 0.3f));
        assertThat(GameSpec.of("ebgan-pt", IMAGES, p)).isEqualTo(new EbganGame.Spec(Reduction.NORM,
                new MarginSchedule(MarginSchedule.Kind.LINEAR, 20f, 5f, 1000), 0.3f));
        assertThat(((EbganGame.Spec) GameSpec.of("ebgan-pt", IMAGES, GameParameters.of(Map.of("energy", Reduction.SUM)))).reduction())
                .isEqualTo(Reduction.SUM);
        assertThatThrownBy(() -> GameSpec.of("ebgan", IMAGES, GameParameters.of(Map.of("ptWeight", 0.3f))))
                .hasMessage("`ptWeight` does not apply to model ebgan");
        assertThatThrownBy(() -> GameSpec.of("gan", IMAGES, GameParameters.of(Map.of("gamma", 0.7f, "knnK", 5))))
                .hasMessageContaining("`gamma`").hasMessageContaining("`knnK`").hasMessageContaining("do not apply to model gan");
        assertThatThrownBy(() -> GameSpec.of("ebgan-pt", IMAGES, GameParameters.of(Map.of("ptWeight", 0f))))
                .hasMessageContaining("model ebgan");
        assertThatThrownBy(() -> GameSpec.of("began", IMAGES, GameParameters.of(Map.of("gamma", -1f))))
                .hasMessageContaining("`gamma` must lie in (0, 1]");
        assertThatThrownBy(() -> GameSpec.of("ebgan", IMAGES, GameParameters.of(Map.of("margin", 5f, "marginPreset", "lsun"))))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> GameSpec.of("ebgan", IMAGES, GameParameters.of(Map.of("marginEnd", 5f))))
                .hasMessageContaining("`marginDecay` of linear or exponential");
        assertThat(GameSpec.of("ebgan", IMAGES, GameParameters.of(Map.of("marginPreset", "lsun"))))
                .isEqualTo(new EbganGame.Spec(Reduction.NORM, MarginSchedule.constant(80), 0f));
    }

    @Test
    void aModelNameFollowsFromTheParameters() {
        assertThat(new EbganGame.Spec(Reduction.SUM, MarginSchedule.constant(10), 0f).model()).isEqualTo("ebgan");
        assertThat(new EbganGame.Spec(Reduction.SUM, MarginSchedule.constant(10), 0.5f).model()).isEqualTo("ebgan-pt");
        assertThat(new CalibratedGame.Spec(MarginSchedule.constant(10), new CalibratedGame.Variational(0.1f)).model())
                .isEqualTo("egan-ent-vi");
    }
}
