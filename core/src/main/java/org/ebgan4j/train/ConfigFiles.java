package org.ebgan4j.train;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.game.BeganGame;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.EbganGame;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.game.GanGame;
import org.ebgan4j.io.Json;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.ConvolutionalSpec;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.BoundaryEquilibrium;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;

import java.io.IOException;

/**
 * The formats of {@code config.json}. Format 2 (this release) holds a spec per part, the game's
 * with its model name as type. Format 1 (ebgan4j 0.1, no {@code "format"} field) held one
 * objective record with every game's parameters, one Adam config for both networks and a fully
 * connected spec beside an optional convolutional architecture; it is converted on reading, to the
 * same networks, game and optimisers, so that its checkpoints load and a resume continues exactly.
 */
final class ConfigFiles {

    /** Format 1's fields, as written. */
    private record V1(DataSpec data, FullyConnectedSpec network, V1Objective objective, V1Adam optimizer,
            TrainConfig.RunSchedule schedule, ConvArchitecture conv) {}

    private record V1Objective(String model, Reduction reduction, MarginSchedule margin, float ptWeight, int neighbours,
            NearestNeighbourEntropy.Scaling entropyScaling, float entropyScale, float gamma) {}

    private record V1Adam(float lrD, float lrG, float beta1, float beta2, Float lrDecay, Integer decayAfterEpochs, Float lrMin) {}

    /** Format 1 wrote the fully connected spec without the type that format 2 gives every network spec. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    private interface Untyped {}

    private static final ObjectMapper V1_READER = Json.mapper().copy().addMixIn(FullyConnectedSpec.class, Untyped.class);

    private ConfigFiles() {}

    static TrainConfig read(JsonNode tree) throws IOException {
        if (tree.isMissingNode()) {
            throw new IllegalArgumentException("the file is empty; restore the config.json written by 'ebgan train', or retrain the run");
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a run config is a JSON object; this file holds " + tree.getNodeType());
        }
        if (!tree.has("format") && tree.has("objective")) {
            return fromV1(V1_READER.treeToValue(tree, V1.class));
        }
        if (!tree.has("format")) {
            throw new IllegalArgumentException("a run config has a `format` field (or, written by ebgan4j 0.1, an `objective`); "
                    + "this one has neither");
        }
        int format = tree.path("format").asInt(-1);
        if (format != TrainConfig.FORMAT) {
            throw new IllegalArgumentException("config format " + tree.path("format") + " is not one this ebgan4j reads ("
                    + TrainConfig.FORMAT + ", or 1 without a format field)"
                    + (format > TrainConfig.FORMAT ? "; it was written by a newer ebgan4j" : ""));
        }
        TrainConfig config = TrainConfig.fromTree(withOptionalFields(tree));
        String written = tree.path("game").path("model").asText();
        if (!written.equals(config.game().model())) {
            throw new IllegalArgumentException("the game says model '" + written + "' but its parameters make it '"
                    + config.game().model() + "'");
        }
        return config;
    }

    /** Format 2's fields that are written only when set, as the strict reader needs them: present, null or empty. */
    private static JsonNode withOptionalFields(JsonNode tree) {
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        if (copy.get("data") instanceof ObjectNode data && !data.has("sha256")) {
            data.putNull("sha256");
        }
        if (copy.get("optimizer") instanceof ObjectNode optimizer && !optimizer.has("rateChanges")) {
            optimizer.putArray("rateChanges");
        }
        if (copy.has("game")) {
            copy.set("game", GameSpec.withOptionalFields(copy.get("game")));
        }
        // An architecture joined in DCGAN's way (all of them, before styles) is written without its style.
        if (copy.path("networks").get("architecture") instanceof ObjectNode arch && !arch.has("style")) {
            arch.putNull("style");
        }
        return copy;
    }

    private static TrainConfig fromV1(V1 v1) {
        if (v1.data() == null || v1.network() == null || v1.objective() == null || v1.optimizer() == null || v1.schedule() == null) {
            throw new IllegalArgumentException("a format-1 config needs data, network, objective, optimizer and schedule");
        }
        FullyConnectedSpec n = v1.network();
        NetworkSpec networks = v1.conv() == null ? n
                : new ConvolutionalSpec(v1.conv(), n.noise(), n.batchNormG(), n.batchNormD(), n.initStdG(), n.initStdD());
        V1Adam a = v1.optimizer();
        TrainConfig.OptimizerConfig base = TrainConfig.OptimizerConfig.adam(a.lrD(), a.lrG(), a.beta1(), a.beta2());
        TrainConfig.OptimizerConfig optimizer = new TrainConfig.OptimizerConfig(base.discriminator(), base.generator(),
                a.lrDecay() == null ? 1f : a.lrDecay(), a.decayAfterEpochs() == null ? 0 : a.decayAfterEpochs(),
                a.lrMin() == null ? 0f : a.lrMin());
        return new TrainConfig(v1.data(), networks, game(v1.objective()), optimizer, v1.schedule());
    }

    /** The game format 1 meant: each model read only its own fields of the shared record. */
    private static GameSpec game(V1Objective o) {
        if (o.model() == null) {
            throw new IllegalArgumentException("the objective names no model");
        }
        return switch (o.model()) {
            case "ebgan" -> new EbganGame.Spec(o.reduction(), o.margin(), 0f);
            case "ebgan-pt" -> new EbganGame.Spec(o.reduction(), o.margin(), o.ptWeight());
            case "gan" -> new GanGame.Spec();
            case "began" -> new BeganGame.Spec(o.gamma(), BoundaryEquilibrium.LAMBDA_K);
            case "egan-const" -> new CalibratedGame.Spec(o.margin(), new CalibratedGame.Constant());
            case "egan-ent-nn" -> new CalibratedGame.Spec(o.margin(),
                    new CalibratedGame.NearestNeighbours(o.neighbours(), o.entropyScaling(), o.entropyScale()));
            case "egan-ent-vi" -> new CalibratedGame.Spec(o.margin(), new CalibratedGame.Variational(o.entropyScale()));
            default -> throw new IllegalArgumentException("unknown model '" + o.model() + "' in a format-1 config");
        };
    }
}
