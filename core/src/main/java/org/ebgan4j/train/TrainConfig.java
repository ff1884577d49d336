package org.ebgan4j.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.ImageSizes;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.game.CalibratedGame;
import org.ebgan4j.game.GameSpec;
import org.ebgan4j.io.Json;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.optim.OptimizerSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that defines a training run: the data, the networks, the game, the optimisers and the
 * schedule. Saved as {@code config.json} in the run folder; a run is reproduced by training again
 * from that file. Built and checked by {@link #builder()}, which applies the papers' defaults.
 */
@JsonPropertyOrder({"format", "data", "networks", "game", "optimizer", "schedule"})
@JsonIgnoreProperties(value = {"format", "engine"}, allowGetters = true)
public record TrainConfig(DataSpec data, NetworkSpec networks, GameSpec game, OptimizerConfig optimizer, RunSchedule schedule) {

    /** The version of {@code config.json} this release writes; {@link ConfigFiles} reads it and the one before. */
    public static final int FORMAT = 2;

    public TrainConfig {
        if (data == null || networks == null || game == null || optimizer == null || schedule == null) {
            throw new IllegalArgumentException("a run config needs data, networks, game, optimizer and schedule");
        }
        if (game instanceof CalibratedGame.Spec c && c.entropy() instanceof CalibratedGame.NearestNeighbours nn
                && nn.k() >= schedule.batchSize()) {
            throw new IllegalArgumentException("`knnK` " + nn.k() + " must be below the `batch` of " + schedule.batchSize()
                    + ": the neighbours are other samples of the batch");
        }
    }

    /** A builder that starts from the papers' defaults. */
    public static TrainConfigBuilder builder() {
        return new TrainConfigBuilder();
    }

    @JsonProperty("format")
    public int format() {
        return FORMAT;
    }

    /**
     * The two optimisers, D's and G's (an auxiliary network, EGAN-Ent-VI's q(z|x), trains with G's
     * settings). Learning rates are multiplied by {@code lrDecay} once per epoch after the first
     * {@code decayAfterEpochs} epochs, down to {@code lrMin} (the calibrated-EBGAN code: 0.985 or 0.99).
     *
     * @param rateChanges base learning rates that replace the optimisers' own from a step on (a resume
     *     that changed them), in the order of their steps; empty for a run trained at one rate
     */
    public record OptimizerConfig(OptimizerSpec discriminator, OptimizerSpec generator, float lrDecay, int decayAfterEpochs,
            float lrMin, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RateChange> rateChanges) {

        public OptimizerConfig {
            if (discriminator == null || generator == null) {
                throw new IllegalArgumentException("both networks need an optimiser");
            }
            if (!(lrDecay > 0 && lrDecay <= 1)) {
                throw new IllegalArgumentException("`lrDecay` must lie in (0, 1], got " + lrDecay);
            }
            if (decayAfterEpochs < 0 || !(lrMin >= 0)) {
                throw new IllegalArgumentException("`decayAfter` and the floor of the learning rate must be 0 or more, got "
                        + decayAfterEpochs + " and " + lrMin);
            }
            rateChanges = rateChanges == null ? List.of() : List.copyOf(rateChanges);
            for (int i = 1; i < rateChanges.size(); i++) {
                if (rateChanges.get(i).fromStep() <= rateChanges.get(i - 1).fromStep()) {
                    throw new IllegalArgumentException("the learning-rate changes must be in the order of their steps");
                }
            }
        }

        public OptimizerConfig(OptimizerSpec discriminator, OptimizerSpec generator, float lrDecay, int decayAfterEpochs, float lrMin) {
            this(discriminator, generator, lrDecay, decayAfterEpochs, lrMin, List.of());
        }

        /** Adam for both networks, no decay. */
        public static OptimizerConfig adam(float lrD, float lrG, float beta1, float beta2) {
            return new OptimizerConfig(new OptimizerSpec.Adam(lrD, beta1, beta2), new OptimizerSpec.Adam(lrG, beta1, beta2), 1f, 0, 0f);
        }

        /** The factor on the base learning rates in epoch {@code epoch} (from 0); the floor applies per optimiser. */
        public double decayFactor(long epoch) {
            return Math.pow(lrDecay, Math.max(0, epoch - decayAfterEpochs));
        }

        /** D's base learning rate at step {@code step} (from 0). */
        public float lrD(long step) {
            RateChange c = changeAt(step);
            return c == null ? discriminator.lr() : c.lrD();
        }

        /** G's (and the auxiliary network's) base learning rate at step {@code step}. */
        public float lrG(long step) {
            RateChange c = changeAt(step);
            return c == null ? generator.lr() : c.lrG();
        }

        private RateChange changeAt(long step) {
            RateChange active = null;
            for (RateChange c : rateChanges) {
                if (c.fromStep() <= step) {
                    active = c;
                }
            }
            return active;
        }

        /** These optimisers with new base rates from {@code fromStep} on; a change at the same step is replaced. */
        public OptimizerConfig withRates(long fromStep, float newLrD, float newLrG) {
            List<RateChange> changes = new ArrayList<>(rateChanges.stream().filter(c -> c.fromStep() < fromStep).toList());
            changes.add(new RateChange(fromStep, newLrD, newLrG));
            return new OptimizerConfig(discriminator, generator, lrDecay, decayAfterEpochs, lrMin, changes);
        }
    }

    /** Base learning rates from step {@code fromStep} on. */
    public record RateChange(long fromStep, float lrD, float lrG) {
        public RateChange {
            if (fromStep < 0) {
                throw new IllegalArgumentException("a learning-rate change starts at step 0 or later, got " + fromStep);
            }
            if (!(lrD > 0) || !(lrG > 0) || Float.isInfinite(lrD) || Float.isInfinite(lrG)) {
                throw new IllegalArgumentException("learning rates must be positive and finite, got " + lrD + " and " + lrG);
            }
        }
    }

    /**
     * Length, seed and how often to log, draw samples and checkpoint.
     *
     * @param steps number of D+G steps; when 0, {@code epochs} full passes over the data
     */
    public record RunSchedule(
            int batchSize, int epochs, long steps, long seed, int logEvery, int sampleEvery, int checkpointEvery) {
        public RunSchedule {
            if (batchSize < 2) {
                throw new IllegalArgumentException("`batch` must be at least 2, got " + batchSize);
            }
            if (steps < 0 || epochs < 0 || (steps == 0 && epochs == 0)) {
                throw new IllegalArgumentException("give a positive `steps` or `epochs`");
            }
            if (logEvery < 1 || sampleEvery < 1 || checkpointEvery < 1) {
                throw new IllegalArgumentException("`logEvery`, `sampleEvery` and `checkpointEvery` must be positive");
            }
        }

        /** Total steps for a data set with {@code batchesPerEpoch} batches per pass. */
        public long totalSteps(int batchesPerEpoch) {
            return steps > 0 ? steps : (long) epochs * batchesPerEpoch;
        }

        /** This schedule with a new length; {@code null} keeps a value (a resumed run may be extended). */
        public RunSchedule withLength(Integer newEpochs, Long newSteps) {
            return new RunSchedule(batchSize, newEpochs != null ? newEpochs : epochs, newSteps != null ? newSteps : steps, seed,
                    logEvery, sampleEvery, checkpointEvery);
        }
    }

    public TrainConfig withSchedule(RunSchedule newSchedule) {
        return new TrainConfig(data, networks, game, optimizer, newSchedule);
    }

    /**
     * The training data as the networks read it: images fitted to a convolutional architecture's
     * channels and side ({@link ImageSizes}: digits padded, grey replicated); unchanged for fully
     * connected networks, and for random crops, which are cut from the images as loaded.
     */
    public TensorDataset fit(TensorDataset loaded) {
        int[] chw = networks.imageShape();
        return chw == null || data.randomCrop() > 0 ? loaded : ImageSizes.fit(loaded, chw[0], chw[1]);
    }

    /** {@code <model>-<data set>-<seed>}, the name of a run folder when none is given. */
    public String defaultRunName() {
        String name = Path.of(data.dataset()).getFileName().toString();
        if (name.endsWith(".json")) {
            name = name.substring(0, name.length() - 5);
        }
        return game.model() + "-" + name + "-" + schedule.seed();
    }

    /** {@code runs/<model>-<data set>-<seed>}. */
    public Path defaultRunFolder() {
        return Path.of("runs", defaultRunName());
    }

    public String toJson() {
        try {
            return Json.strict().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a {@code config.json} of this release or of the one before ({@link ConfigFiles}). */
    public static TrainConfig fromJson(Path file) throws IOException {
        return ConfigFiles.read(Json.strict().readTree(file.toFile()));
    }

    /** As {@link #fromJson(Path)}, from the file's content. */
    public static TrainConfig fromJson(String json) throws IOException {
        return ConfigFiles.read(Json.strict().readTree(json));
    }

    static TrainConfig fromTree(JsonNode tree) throws IOException {
        return Json.strict().treeToValue(tree, TrainConfig.class);
    }
}
