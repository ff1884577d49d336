package org.ebgan4j.train;

import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.OutputActivation;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.PullAwayTerm;

/** Default configurations, from the papers where they say. */
public final class TrainConfigs {

    /** EBGAN paper, MNIST: margin 10 (on the summed squared reconstruction error, see {@link Reduction}). */
    public static final float MNIST_MARGIN = 10f;

    private TrainConfigs() {}

    /**
     * Fully connected defaults: for images, G 3x800 and D 2x256 (one encoder layer of 256 and the
     * decoder) with batch norm, Tanh outputs, noise of 100; for 2D points the calibrated-EBGAN
     * paper's sizes (noise 4, 128 units) with linear outputs. Adam with lr 0.001 (EBGAN paper) and
     * beta1 0.5, batch 64, one epoch.
     */
    public static TrainConfig defaults(ModelKind model, String dataset, int dataDim) {
        return defaults(model, new TrainConfig.DataConfig(dataset, null, 0, 0.5, 0.5), dataDim);
    }

    /** As {@link #defaults(ModelKind, String, int)}, for a data source described in full. */
    public static TrainConfig defaults(ModelKind model, TrainConfig.DataConfig data, int dataDim) {
        boolean points = dataDim <= 3;
        FullyConnectedSpec network = points
                ? FullyConnectedSpec.ebgan(4, dataDim, 3, 128, 2, 128, 0f, true, OutputActivation.LINEAR)
                : FullyConnectedSpec.ebgan(100, dataDim, 3, 800, 2, 256, 0f, true, OutputActivation.TANH);
        return new TrainConfig(
                data,
                network,
                new TrainConfig.ObjectiveConfig(model, Reduction.SUM,
                        MarginSchedule.constant(points ? 1f : MNIST_MARGIN), PullAwayTerm.DEFAULT_WEIGHT),
                new TrainConfig.AdamConfig(1e-3f, 1e-3f, 0.5f, 0.999f),
                new TrainConfig.RunSchedule(64, 1, 0, 0, 10, 500, 500));
    }
}
