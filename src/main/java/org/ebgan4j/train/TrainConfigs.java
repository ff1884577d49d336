package org.ebgan4j.train;

import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.ConvArchitecture;
import org.ebgan4j.nn.FullyConnectedSpec;
import org.ebgan4j.nn.NoiseKind;
import org.ebgan4j.nn.OutputActivation;
import org.ebgan4j.objective.BoundaryEquilibrium;
import org.ebgan4j.objective.NearestNeighbourEntropy;
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
        if (model.calibrated() && points) {
            return calibrated2d(model, data);
        }
        return new TrainConfig(
                data,
                network,
                TrainConfig.ObjectiveConfig.ebgan(model, Reduction.SUM,
                        MarginSchedule.constant(points ? 1f : MNIST_MARGIN), PullAwayTerm.DEFAULT_WEIGHT),
                model == ModelKind.BEGAN ? new TrainConfig.AdamConfig(1e-4f, 1e-4f, 0.5f, 0.999f)
                        : new TrainConfig.AdamConfig(1e-3f, 1e-3f, 0.5f, 0.999f),
                new TrainConfig.RunSchedule(64, 1, 0, 0, 10, 500, 500));
    }

    /** DCGAN's initialisation of convolutional weights, N(0, 0.02), in G and in D. */
    public static final float CONV_INIT_STD = 0.02f;

    /**
     * {@code base} with the convolutional networks of {@code arch}: the noise and data sizes follow the
     * architecture, weights start from N(0, 0.02) (DCGAN), everything else is kept.
     */
    public static TrainConfig convolutional(TrainConfig base, ConvArchitecture arch) {
        FullyConnectedSpec n = base.network();
        FullyConnectedSpec network = new FullyConnectedSpec(arch.noiseSize(), n.noise(), arch.dataSize(), n.layersG(), n.sizeG(),
                n.layersD(), n.sizeD(), n.dropoutD(), n.batchNormG(), n.batchNormD(), CONV_INIT_STD, CONV_INIT_STD,
                OutputActivation.TANH);
        return new TrainConfig(base.data(), network, base.objective(), base.optimizer(), base.schedule(), arch);
    }

    /**
     * The 2D experiments of the calibrated-EBGAN paper (appendix B.1) with the settings of its
     * authors' code: G FC(4,128)-BN-ReLU-FC(128,128)-BN-ReLU-FC(128,2) on normal noise, D
     * FC(2,128)-ReLU-FC(128,128)-ReLU-FC(128,1) (the inference net the same with 8 outputs), Adam
     * with beta1 = 0, lr 2e-4 for D and 10x for G, batch 500, the cost gap hinged at 10, k = 20
     * neighbours with per-dimension variance scaling. Per data set: epochs, when the per-epoch
     * learning-rate decay starts, its factor, the initial weight deviations and the entropy scale
     * (gaussians4: 100 epochs, decay 0.985 after 10, init 0.001/0.01, scale 1e-3; biased2: 100, 0.985
     * from the start, 0.001/0.01, 3e-4; spirals: 500, 0.99 after 200, 0.01/0.1, 5e-4). The GAN
     * baseline gets the same networks and schedule.
     */
    public static TrainConfig calibrated2d(ModelKind model, TrainConfig.DataConfig data) {
        String name = data.dataset().toLowerCase(java.util.Locale.ROOT);
        boolean spirals = name.contains("spiral");
        boolean biased = name.contains("biased");
        int epochs = spirals ? 500 : 100;
        int decayAfter = spirals ? 200 : biased ? 0 : 10;
        float decay = spirals ? 0.99f : 0.985f;
        float initG = spirals ? 0.01f : 0.001f;
        float initD = spirals ? 0.1f : 0.01f;
        float knnScale = spirals ? 5e-4f : biased ? 3e-4f : 1e-3f;
        FullyConnectedSpec network = new FullyConnectedSpec(4, NoiseKind.NORMAL, 2, 3, 128, 3, 128, 0f,
                true, false, initG, initD, OutputActivation.LINEAR);
        TrainConfig.ObjectiveConfig objective = new TrainConfig.ObjectiveConfig(model, Reduction.SUM,
                MarginSchedule.constant(10f), 0f, NearestNeighbourEntropy.DEFAULT_K,
                NearestNeighbourEntropy.Scaling.VARIANCE, model == ModelKind.EGAN_ENT_VI ? 1f : knnScale,
                BoundaryEquilibrium.DEFAULT_GAMMA);
        return new TrainConfig(data, network, objective,
                new TrainConfig.AdamConfig(2e-4f, 2e-3f, 0f, 0.999f, decay, decayAfter, 1e-5f),
                new TrainConfig.RunSchedule(500, epochs, 0, 0, 50, 5000, 5000));
    }
}
