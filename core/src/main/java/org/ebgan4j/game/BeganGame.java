package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.ebgan4j.energy.AutoencoderEnergy;
import org.ebgan4j.energy.Reduction;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.BoundaryEquilibrium;

import java.util.List;
import java.util.Map;

/** BEGAN: the auto-encoder's L1 loss under the equilibrium controller k_t (state of the game, checkpointed). */
public final class BeganGame implements AdversarialGame {

    public static final String K = "k";
    public static final String CONVERGENCE = "m_global";

    /**
     * BEGAN's parameters (Berthelot et al. 2017, eq. 4).
     *
     * @param gamma the diversity ratio E[L(G(z))] / E[L(x)] that k_t steers towards, in (0, 1]
     * @param lambdaK the learning rate of k_t (the paper's 0.001)
     * @param lrHalveAfter epochs without a new lowest epoch mean of M_global after which both learning
     *     rates are halved (the paper: "when the measure of convergence stalls"); 0 for never
     */
    @ModelNames(value = "began", descriptions = "BEGAN: auto-encoder L1 energy with the equilibrium controller k_t")
    public record Spec(float gamma, float lambdaK, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int lrHalveAfter) implements GameSpec {

        public Spec(float gamma, float lambdaK) {
            this(gamma, lambdaK, 0);
        }

        public Spec {
            if (lrHalveAfter < 0) {
                throw new IllegalArgumentException("`lrHalveAfter` must be 0 (never) or a number of epochs, got " + lrHalveAfter);
            }
            if (!(gamma > 0 && gamma <= 1)) {
                throw new IllegalArgumentException("`gamma` must lie in (0, 1], got " + gamma);
            }
            if (!(lambdaK > 0 && lambdaK < 1)) {
                throw new IllegalArgumentException("`lambdaK` must lie in (0, 1), got " + lambdaK);
            }
        }

        /** The paper's gamma 0.5 and lambda_k 0.001. */
        public static Spec of(String model, DataTraits data, GameParameters given) {
            return new Spec(given.getFloat("gamma", BoundaryEquilibrium.DEFAULT_GAMMA),
                    given.getFloat("lambdaK", BoundaryEquilibrium.LAMBDA_K), given.getInt("lrHalveAfter", 0));
        }

        @Override
        public String model() {
            return "began";
        }

        /** Berthelot et al. train with Adam at 0.0001. */
        @Override
        public float paperLearningRate() {
            return 1e-4f;
        }

        @Override
        public BeganGame create(NetworkSpec networks) {
            return new BeganGame(new AutoencoderEnergy(networks.encoder(), networks.decoder(), Reduction.MEAN,
                    AutoencoderEnergy.ErrorNorm.ABSOLUTE), gamma, lambdaK, lrHalveAfter);
        }
    }

    /** The learning-rate factor, in the metrics and the checkpoint. */
    public static final String LR_FACTOR = "lr_factor";

    private final AutoencoderEnergy energy;
    private final float gamma;
    private final float lambda;
    private final int lrHalveAfter;
    private double k;
    // The halving's state: this epoch's sum and count of M_global, the lowest epoch mean so far, epochs since.
    private double epochSum;
    private double epochSteps;
    private double bestEpochMean = Double.MAX_VALUE; // none yet (a finite value, for the checkpoint's JSON)
    private double stalledEpochs;
    private double lrFactor = 1;

    public BeganGame(AutoencoderEnergy energy, float gamma, float lambda) {
        this(energy, gamma, lambda, 0);
    }

    public BeganGame(AutoencoderEnergy energy, float gamma, float lambda, int lrHalveAfter) {
        this.energy = energy;
        this.gamma = gamma;
        this.lambda = lambda;
        this.lrHalveAfter = lrHalveAfter;
    }

    @Override
    public AutoencoderEnergy discriminator() {
        return energy;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realLoss = energy.energy(ps, real, true);
        NDArray fakeLoss = energy.energy(ps, fake, true);
        metrics.defer(StepMetrics.ENERGY_REAL, realLoss.mean())
                .defer(StepMetrics.ENERGY_FAKE, fakeLoss.mean())
                .put(K, k);
        return BoundaryEquilibrium.discriminatorLoss(realLoss, fakeLoss, (float) k);
    }

    /** L(G(z_G)) on the generator's own noise; the trainer logs it as {@code loss_g}, which k_t then reads. */
    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        return BoundaryEquilibrium.generatorLoss(energy.energy(ps, fake, true));
    }

    /** z_D and z_G are drawn apart, as in the paper. */
    @Override
    public boolean separateGeneratorNoise() {
        return true;
    }

    /**
     * Moves k with L(x) of this step's discriminator pass and L(G(z_G)) of its generator pass (the
     * paper's k_{t+1} = k_t + lambda_k (gamma L(x) - L(G(z_G)))), and logs M_global from the same two.
     */
    @Override
    public void afterStep(StepMetrics metrics) {
        double real = metrics.get(StepMetrics.ENERGY_REAL);
        double fake = metrics.get(StepMetrics.LOSS_G); // L_G = L(G(z_G)) exactly (eq. 4)
        double convergence = BoundaryEquilibrium.convergence(gamma, real, fake);
        metrics.put(CONVERGENCE, convergence);
        k = BoundaryEquilibrium.updateK(k, gamma, lambda, real, fake);
        epochSum += convergence;
        epochSteps++;
        if (lrHalveAfter > 0) {
            metrics.put(LR_FACTOR, lrFactor);
        }
    }

    /** With {@code lrHalveAfter} set: halves the learning rates once M_global's epoch mean has not reached a new low for that many epochs. */
    @Override
    public void onEpoch(long epoch) {
        double mean = epochSteps == 0 ? Double.NaN : epochSum / epochSteps;
        epochSum = 0;
        epochSteps = 0;
        if (lrHalveAfter == 0 || Double.isNaN(mean)) {
            return;
        }
        if (mean < bestEpochMean) {
            bestEpochMean = mean;
            stalledEpochs = 0;
        } else if (++stalledEpochs >= lrHalveAfter) {
            lrFactor /= 2;
            stalledEpochs = 0;
        }
    }

    @Override
    public double learningRateFactor() {
        return lrFactor;
    }

    public double k() {
        return k;
    }

    @Override
    public Map<String, Double> state() {
        return Map.of(K, k, "m_global_epoch_sum", epochSum, "m_global_epoch_steps", epochSteps, "m_global_best_epoch_mean",
                bestEpochMean, "stalled_epochs", stalledEpochs, LR_FACTOR, lrFactor);
    }

    @Override
    public void restore(Map<String, Double> state) {
        k = state.getOrDefault(K, 0.0);
        epochSum = state.getOrDefault("m_global_epoch_sum", 0.0);
        epochSteps = state.getOrDefault("m_global_epoch_steps", 0.0);
        bestEpochMean = state.getOrDefault("m_global_best_epoch_mean", Double.MAX_VALUE);
        stalledEpochs = state.getOrDefault("stalled_epochs", 0.0);
        lrFactor = state.getOrDefault(LR_FACTOR, 1.0);
    }

    @Override
    public List<MetricsChart> charts() {
        return List.of(new MetricsChart("began", "BEGAN: k_t and M_global", List.of(K, CONVERGENCE)));
    }
}
