package org.ebgan4j.train;

import org.ebgan4j.data.TensorDataset;

import java.io.IOException;

/**
 * A run ready to train: its config and its training data, fitted to the networks.
 *
 * @param data what the trainer reads: images fitted to a convolutional architecture (or left as
 *     loaded when it cuts random crops), vectors as they are
 */
public record PreparedRun(TrainConfig config, TensorDataset data) {

    /**
     * The run in {@code folder}, ready to continue: its own config, optionally with a new length
     * ({@code null} keeps a value), and the data it trained on, loaded again with the run's seed.
     */
    public static PreparedRun resume(RunFolder folder, Integer epochs, Long steps) throws IOException {
        if (epochs != null && steps != null) {
            throw new IllegalArgumentException("give `steps` or `epochs`, not both");
        }
        TrainConfig config = folder.readConfig();
        if (epochs != null || steps != null) {
            config = config.withSchedule(config.schedule().withLength(epochs, steps));
        }
        TensorDataset loaded = config.data().load(config.schedule().seed()).train();
        return new PreparedRun(config, config.fit(loaded));
    }
}
