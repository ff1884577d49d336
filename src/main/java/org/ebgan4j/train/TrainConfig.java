package org.ebgan4j.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.objective.BoundaryEquilibrium;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Everything that defines a training run, saved as {@code config.json} in the run folder; a run is
 * reproduced by training again from that file.
 */
public record TrainConfig(
        DataConfig data,
        FullyConnectedSpec network,
        ObjectiveConfig objective,
        AdamConfig optimizer,
        RunSchedule schedule,
        ConvArchitecture conv) {

    /**
     * @param network the fully connected layers; with {@code conv} set, only its noise and data sizes,
     *     initialisation and batch-norm choices apply
     * @param conv the convolutional architecture, or {@code null} for the fully connected networks
     */
    @JsonCreator
    public TrainConfig {
        if (conv != null && (network.noiseDim() != conv.noiseSize() || network.dataDim() != conv.dataSize())) {
            throw new IllegalArgumentException("architecture " + conv.name() + " takes " + conv.noiseSize() + " noise values and "
                    + conv.dataSize() + " data values, but the network config says " + network.noiseDim() + " and " + network.dataDim());
        }
    }

    /** A fully connected run. */
    public TrainConfig(DataConfig data, FullyConnectedSpec network, ObjectiveConfig objective, AdamConfig optimizer,
            RunSchedule schedule) {
        this(data, network, objective, optimizer, schedule, null);
    }

    /**
     * Which data, from where, and how much of it; {@code raw = value * scale + offset} maps the
     * networks' values back to the data's units (pixel intensities, 2D coordinates).
     *
     * @param label train on this class only ({@code null}: all classes)
     * @param holdOut samples held out of training for evaluation (0: the data set's own test split, if any);
     *     see {@link org.ebgan4j.data.Datasets#forTraining}
     * @param imageSize side that folder images are resized and centre-cropped to (0: the loader's default)
     * @param randomCrop side of the random patch cut from every training image each time it is used
     *     (0: none; the EBGAN paper's LSUN setting is images of 96 and patches of 64)
     */
    public record DataConfig(String dataset, String dataDir, int maxSamples, double scale, double offset,
            Integer label, int holdOut, int imageSize, int randomCrop) {

        public DataConfig(String dataset, String dataDir, int maxSamples, double scale, double offset) {
            this(dataset, dataDir, maxSamples, scale, offset, null, 0, 0, 0);
        }

        public DataConfig(String dataset, String dataDir, int maxSamples, double scale, double offset, Integer label, int holdOut) {
            this(dataset, dataDir, maxSamples, scale, offset, label, holdOut, 0, 0);
        }

        @JsonCreator
        public DataConfig {
            if (holdOut < 0) {
                throw new IllegalArgumentException("--hold-out must be 0 or more, got " + holdOut);
            }
            if (imageSize < 0 || randomCrop < 0 || (randomCrop > 0 && imageSize > 0 && randomCrop > imageSize)) {
                throw new IllegalArgumentException("--image-size and --random-crop must be positive, the crop at most the image size; got "
                        + imageSize + " and " + randomCrop);
            }
        }

        public DataConfig withScale(double newScale, double newOffset) {
            return new DataConfig(dataset, dataDir, maxSamples, newScale, newOffset, label, holdOut, imageSize, randomCrop);
        }
    }

    /**
     * The game and its losses.
     *
     * @param reduction how reconstruction errors become one energy per sample
     * @param margin the EBGAN margin, or the calibrated games' hinge on the cost gap (0: none)
     * @param ptWeight weight of the pull-away term in the generator's loss (EBGAN-PT only)
     * @param neighbours k of the nearest-neighbour entropy gradient (EGAN-Ent-NN)
     * @param entropyScaling UNIT (images, eq. 11) or VARIANCE (2D, the authors' code)
     * @param entropyScale scale of that gradient, or weight of the variational bound (EGAN-Ent-VI)
     * @param gamma BEGAN's diversity ratio
     */
    public record ObjectiveConfig(ModelKind model, Reduction reduction, MarginSchedule margin, float ptWeight,
            int neighbours, NearestNeighbourEntropy.Scaling entropyScaling, float entropyScale, float gamma) {

        /** The EBGAN objectives, other games at their defaults. */
        public static ObjectiveConfig ebgan(ModelKind model, Reduction reduction, MarginSchedule margin, float ptWeight) {
            return new ObjectiveConfig(model, reduction, margin, ptWeight, NearestNeighbourEntropy.DEFAULT_K,
                    NearestNeighbourEntropy.Scaling.UNIT, 0.02f, BoundaryEquilibrium.DEFAULT_GAMMA);
        }
    }

    /**
     * Separate Adam optimisers for D and G (EBGAN paper: learning rate 0.001). Learning rates are
     * multiplied by {@code lrDecay} once per epoch after the first {@code decayAfterEpochs} epochs,
     * down to {@code lrMin} (the calibrated-EBGAN code: 0.985 or 0.99).
     */
    public record AdamConfig(float lrD, float lrG, float beta1, float beta2, float lrDecay, int decayAfterEpochs, float lrMin) {

        public AdamConfig(float lrD, float lrG, float beta1, float beta2) {
            this(lrD, lrG, beta1, beta2, 1f, 0, 0f);
        }

        /** The factor on the base learning rates in epoch {@code epoch} (from 0); the floor applies per optimiser. */
        public double decayFactor(long epoch) {
            return Math.pow(lrDecay, Math.max(0, epoch - decayAfterEpochs));
        }

        public AdamConfig {
            if (!(lrDecay > 0 && lrDecay <= 1)) {
                throw new IllegalArgumentException("--lr-decay must lie in (0, 1], got " + lrDecay);
            }
            if (!(lrD > 0) || !(lrG > 0)) {
                throw new IllegalArgumentException("learning rates must be positive, got lrD=" + lrD + ", lrG=" + lrG);
            }
            if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
                throw new IllegalArgumentException("Adam betas must lie in [0, 1), got " + beta1 + ", " + beta2);
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
                throw new IllegalArgumentException("--batch must be at least 2, got " + batchSize);
            }
            if (steps < 0 || epochs < 0 || (steps == 0 && epochs == 0)) {
                throw new IllegalArgumentException("give a positive --steps or --epochs");
            }
            if (logEvery < 1 || sampleEvery < 1 || checkpointEvery < 1) {
                throw new IllegalArgumentException("--log-every, --sample-every and --checkpoint-every must be positive");
            }
        }

        /** Total steps for a data set with {@code batchesPerEpoch} batches per pass. */
        public long totalSteps(int batchesPerEpoch) {
            return steps > 0 ? steps : (long) epochs * batchesPerEpoch;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static ObjectMapper json() {
        return JSON;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrainConfig fromJson(Path file) throws IOException {
        return JSON.readValue(file.toFile(), TrainConfig.class);
    }

    public TrainConfig withSchedule(RunSchedule newSchedule) {
        return new TrainConfig(data, network, objective, optimizer, newSchedule, conv);
    }
}
