package org.ebgan4j.game;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.nn.NetworkSpec;

import java.util.List;

/**
 * An adversarial game as plain data: the parameters of one game with its paper's defaults, which
 * creates the game for a set of networks. A config file writes it with its model name as the type
 * ({@code "game" : {"model" : "ebgan-pt", ...}}); a spec's model name follows from its parameters
 * (EBGAN with a pull-away weight is EBGAN-PT).
 *
 * <p>The {@code permits} clause is the registry of models: each permitted record names its models
 * with {@link ModelNames} and builds them with a static {@code of(String, DataTraits, GameParameters)}
 * ({@link Models} finds both). Adding a game means adding its record here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY, property = "model")
@JsonTypeIdResolver(Models.NameResolver.class)
public sealed interface GameSpec
        permits EbganGame.Spec, GanGame.Spec, CalibratedGame.Spec, BeganGame.Spec, LeastSquaresGame.Spec {

    /** The model's name, as config files and {@code --model} write it. */
    String model();

    /**
     * A spec's JSON with the fields that are written only when set (BEGAN's {@code lrHalveAfter}, a
     * calibrated game's {@code updateRule}) filled in with their defaults, as the strict reader needs
     * every field; specs written before those fields existed read as they were trained.
     */
    static JsonNode withOptionalFields(JsonNode game) {
        if (!(game instanceof ObjectNode o)) {
            return game;
        }
        ObjectNode copy = o.deepCopy();
        String model = copy.path("model").asText();
        if (model.equals("began") && !copy.has("lrHalveAfter")) {
            copy.put("lrHalveAfter", 0);
        }
        if (model.startsWith("egan-") && !copy.has("updateRule")) {
            copy.putNull("updateRule");
        }
        return copy;
    }

    /** The game over networks built from {@code networks}. */
    AdversarialGame create(NetworkSpec networks);

    /** The learning rate the model's paper trains both networks with (the EBGAN paper's 0.001 unless said). */
    default float paperLearningRate() {
        return 1e-3f;
    }

    /**
     * The spec of a model for data like {@code data}: the paper's defaults, with {@code given}
     * applied; parameters the model does not use are refused.
     *
     * @throws IllegalArgumentException for an unknown model, a parameter it does not take or a bad value
     */
    static GameSpec of(String model, DataTraits data, GameParameters given) {
        GameSpec spec = Models.create(model, data, given);
        List<String> unused = given.unused();
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", unused.stream().map(n -> "`" + n + "`").toList())
                    + (unused.size() == 1 ? " does" : " do") + " not apply to model " + model);
        }
        return spec;
    }

    /** The model's defaults for data like {@code data}. */
    static GameSpec defaults(String model, DataTraits data) {
        return of(model, data, GameParameters.none());
    }

    /** Every model name, in registry order. */
    static List<String> models() {
        return Models.names();
    }

    /** A one-line description of a model. */
    static String describe(String model) {
        return Models.entry(model).description();
    }
}
