package org.ebgan4j.train;

import org.ebgan4j.game.DataTraits;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.NoiseKind;
import org.ebgan4j.nn.OutputActivation;

/**
 * How the calibrated-EBGAN paper trains on 2D data (appendix B.1), with the settings of its authors'
 * code where the paper is silent: G FC(4,128)-BN-ReLU-FC(128,128)-BN-ReLU-FC(128,2) on normal noise,
 * D FC(2,128)-ReLU-FC(128,128)-ReLU-FC(128,1) without batch normalisation (the inference net the
 * same with 8 outputs), Adam with beta1 = 0, lr 2e-4 for D and 10x for G, batch 500. Per data set:
 * epochs, when the per-epoch learning-rate decay starts, its factor and the initial weight deviations
 * (gaussians4: 100 epochs, decay 0.985 after 10, init 0.001/0.01; biased2: 100, 0.985 from the start,
 * 0.001/0.01; spirals: 500, 0.99 after 200, 0.01/0.1). The calibrated games use it on 2D data by
 * default, and the 2D experiment gives the GAN baseline the same.
 */
public final class Calibrated2dRecipe {

    private Calibrated2dRecipe() {}

    static FullyConnectedSpec networks(DataTraits data) {
        boolean spirals = data.named("spiral");
        float initG = spirals ? 0.01f : 0.001f;
        float initD = spirals ? 0.1f : 0.01f;
        return new FullyConnectedSpec(4, NoiseKind.NORMAL, data.sampleSize(), 3, 128, 3, 128, 0f, true, false, initG, initD,
                OutputActivation.LINEAR);
    }

    static TrainConfig.OptimizerConfig optimizer(DataTraits data) {
        boolean spirals = data.named("spiral");
        TrainConfig.OptimizerConfig adam = TrainConfig.OptimizerConfig.adam(2e-4f, 2e-3f, 0f, 0.999f);
        return new TrainConfig.OptimizerConfig(adam.discriminator(), adam.generator(), spirals ? 0.99f : 0.985f,
                spirals ? 200 : data.named("biased") ? 0 : 10, 1e-5f);
    }

    /** The paper's number of epochs for a data set. */
    public static int epochs(String dataset) {
        return dataset.toLowerCase(java.util.Locale.ROOT).contains("spiral") ? 500 : 100;
    }

    static TrainConfig.RunSchedule schedule(DataTraits data) {
        return new TrainConfig.RunSchedule(500, epochs(data.dataset()), 0, 0, 50, 5000, 5000);
    }
}
