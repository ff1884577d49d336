package org.ebgan4j.train;

import org.ebgan4j.data.DataSpec;
import org.ebgan4j.data.TensorDataset;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.MklIntelCpuShim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run ready to train: its config and its training data, fitted to the networks.
 *
 * @param data what the trainer reads: images fitted to a convolutional architecture (or left as
 *     loaded when it cuts random crops), vectors as they are
 * @param notes what the caller should tell the user before training (a resume at another thread count)
 */
public record PreparedRun(TrainConfig config, TensorDataset data, List<String> notes) {

    public PreparedRun {
        notes = List.copyOf(notes);
    }

    public PreparedRun(TrainConfig config, TensorDataset data) {
        this(config, data, List.of());
    }

    /**
     * What a resume may change: the run's length (one of {@code epochs} and {@code steps}) and the base
     * learning rates from the resumed step on ({@code lr} for both networks, {@code lrD} and {@code lrG}
     * for one); {@code null} keeps a value. Everything else is fixed by the run's {@code config.json}.
     */
    public record Changes(Integer epochs, Long steps, Float lr, Float lrD, Float lrG) {

        public static Changes none() {
            return new Changes(null, null, null, null, null);
        }

        /** Only a new length. */
        public static Changes length(Integer epochs, Long steps) {
            return new Changes(epochs, steps, null, null, null);
        }
    }

    /** The run in {@code folder}, ready to continue with a new length; {@code null} keeps a value. */
    public static PreparedRun resume(RunFolder folder, Integer epochs, Long steps) throws IOException {
        return resume(folder, Changes.length(epochs, steps));
    }

    /**
     * The run in {@code folder}, ready to continue: its own config with {@code changes} applied and
     * recorded in it (a new rate as a {@link TrainConfig.RateChange} from the checkpoint's step, so the
     * config still reproduces the run), and the data it trained on, loaded again with the run's seed.
     *
     * @throws IllegalArgumentException for a length below what the run has trained, a rate that is not
     *     positive, or a data file that changed since the run began
     */
    public static PreparedRun resume(RunFolder folder, Changes changes) throws IOException {
        if (changes.epochs() != null && changes.steps() != null) {
            throw new IllegalArgumentException("give `steps` or `epochs`, not both");
        }
        for (Float rate : new Float[] {changes.lr(), changes.lrD(), changes.lrG()}) {
            if (rate != null && (!(rate > 0) || rate.isInfinite())) {
                throw new IllegalArgumentException("learning rates must be positive and finite, got " + rate);
            }
        }
        TrainConfig config = folder.readConfig();
        if (Files.exists(folder.checkpoint()) && !folder.hasCheckpoint()) {
            throw new IllegalArgumentException("the checkpoint " + folder.checkpoint() + " is a folder, not a file; remove it to "
                    + "train the run again from step 0");
        }
        long trained = folder.hasCheckpoint() ? Checkpoint.state(folder.checkpoint()).step() : 0;
        if (changes.epochs() != null || changes.steps() != null) {
            config = config.withSchedule(config.schedule().withLength(changes.epochs(), changes.steps()));
        }
        if (changes.steps() != null && changes.steps() < trained) {
            throw new IllegalArgumentException("`steps` " + changes.steps() + " is fewer than the " + trained
                    + " steps the run has trained; give more, or start a new run");
        }
        Float lrD = changes.lrD() != null ? changes.lrD() : changes.lr();
        Float lrG = changes.lrG() != null ? changes.lrG() : changes.lr();
        if (lrD != null || lrG != null) {
            TrainConfig.OptimizerConfig o = config.optimizer();
            o = o.withRates(trained, lrD != null ? lrD : o.lrD(trained), lrG != null ? lrG : o.lrG(trained));
            config = new TrainConfig(config.data(), config.networks(), config.game(), o, config.schedule());
        }
        requireSameFile(config.data());
        TensorDataset loaded = config.data().load(config.schedule().seed()).train();
        TensorDataset fitted = config.fit(loaded);
        if (changes.epochs() != null) {
            long total = config.schedule().totalSteps(Math.max(1, fitted.size() / config.schedule().batchSize()));
            if (total < trained) {
                throw new IllegalArgumentException("`epochs` " + changes.epochs() + " is " + total + " steps, fewer than the " + trained
                        + " the run has trained; give more, or start a new run");
            }
        }
        List<String> notes = new ArrayList<>();
        String trainedOn = folder.recordedDevice();
        String resumesOn = ComputeDevice.name(ComputeDevice.current());
        if (trainedOn != null && !trainedOn.equals(resumesOn)) {
            notes.add("note: the run trained on " + trainedOn + " and resumes on " + resumesOn + "; the checkpoint moves as it is, "
                    + "but the kernels sum in another order, so the rest is not bit for bit what " + trainedOn + " would have computed");
        }
        int recorded = folder.recordedThreads();
        int now = RunFolder.engineThreads();
        if (recorded > 0 && recorded != now) {
            notes.add("note: the run trained with " + recorded + " engine threads and resumes with " + now + "; it continues, "
                    + "but not bit for bit as it would have (set -Dai.djl.pytorch.num_threads=" + recorded + " for that)");
        }
        Boolean shim = folder.recordedMklIntelCpuShim();
        if (shim != null && shim != MklIntelCpuShim.loaded()) {
            notes.add("note: the run trained " + (shim ? "with" : "without") + " MKL's AVX2 kernels (" + MklIntelCpuShim.LIBRARY
                    + ") and resumes " + (shim ? "without" : "with") + " them; it continues, but not bit for bit as it would have");
        }
        return new PreparedRun(config, fitted, notes);
    }

    /** Refuses a data file whose content is not what the run began with. */
    private static void requireSameFile(DataSpec data) {
        if (data.sha256() == null) {
            return;
        }
        Path file = Path.of(data.dataset());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the run's data file " + file + " is gone; put it back to resume the run");
        }
        if (!DataSpec.sha256(file).equals(data.sha256())) {
            throw new IllegalArgumentException("the run's data file " + file + " has changed since the run began (its SHA-256 "
                    + "differs from config.json's); put the original back to resume, or start a new run on the new file");
        }
    }
}
