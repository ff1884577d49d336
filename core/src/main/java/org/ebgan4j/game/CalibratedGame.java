package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.ebgan4j.energy.ScalarCost;
import org.ebgan4j.nn.NetworkSpec;
import org.ebgan4j.objective.CostGapObjective;
import org.ebgan4j.objective.CostGapUpdateRule;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.ebgan4j.objective.Scalars;
import org.ebgan4j.objective.VariationalEntropy;

import java.util.Map;

/**
 * The calibrated energy GANs (Dai et al. 2017): a scalar cost under the cost-gap objective, with
 * the generator's entropy term constant (EGAN-Const), estimated from nearest neighbours
 * (EGAN-Ent-NN) or bounded with an inference network (EGAN-Ent-VI).
 */
public final class CalibratedGame implements AdversarialGame {

    /** The generator's entropy term, which names the model. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Constant.class, name = "constant"),
        @JsonSubTypes.Type(value = NearestNeighbours.class, name = "nearest-neighbours"),
        @JsonSubTypes.Type(value = Variational.class, name = "variational")
    })
    public sealed interface Entropy permits Constant, NearestNeighbours, Variational {}

    /** No entropy term: EGAN-Const. */
    public record Constant() implements Entropy {}

    /** The nearest-neighbour gradient (section 4.1, eq. 10-11) with k neighbours, its scaling and scale. */
    public record NearestNeighbours(int k, NearestNeighbourEntropy.Scaling scaling, float scale) implements Entropy {
        public NearestNeighbours {
            if (k < 1) {
                throw new IllegalArgumentException("`knnK` must be at least 1, got " + k);
            }
            if (scaling == null || !(scale > 0) || Float.isInfinite(scale)) {
                throw new IllegalArgumentException("`entropyScale` must be positive, got " + scale);
            }
        }
    }

    /** The variational bound (section 4.2) with an inference network q(z|x), weighted in G's loss. */
    public record Variational(float weight) implements Entropy {
        public Variational {
            if (!(weight > 0) || Float.isInfinite(weight)) {
                throw new IllegalArgumentException("`entropyScale` must be positive, got " + weight);
            }
        }
    }

    /**
     * The calibrated games' parameters.
     *
     * @param costMargin the hinge m on the cost gap (the authors' code: 10; 0 for none)
     * @param entropy the entropy term
     * @param updateRule which networks each step updates, from the last cost gap (the authors' 2D rule); null for both, always
     */
    @ModelNames(value = {"egan-const", "egan-ent-nn", "egan-ent-vi"}, descriptions = {
        "calibrated energy GAN with a constant entropy term: the cost gap alone",
        "calibrated energy GAN, entropy gradient from nearest neighbours",
        "calibrated energy GAN, entropy from a variational bound with an inference network"})
    public record Spec(MarginSchedule costMargin, Entropy entropy,
            @JsonInclude(JsonInclude.Include.NON_NULL) CostGapUpdateRule updateRule) implements GameSpec {

        /** Both networks every step. */
        public Spec(MarginSchedule costMargin, Entropy entropy) {
            this(costMargin, entropy, null);
        }

        /** The authors' hinge on the cost gap. */
        public static final float COST_MARGIN = 10f;
        /** The authors' entropy scale on images (eq. 11) and the variational bound's weight there. */
        public static final float IMAGE_ENTROPY_SCALE = 0.02f;

        public Spec {
            if (costMargin == null || entropy == null) {
                throw new IllegalArgumentException("a calibrated game needs a cost margin and an entropy term");
            }
        }

        /**
         * The authors' settings: cost gap hinged at 10; k = 20 neighbours, per-dimension variance
         * scaling and a scale per 2D data set (gaussians4 1e-3, biased2 3e-4, spirals 5e-4), unit
         * scaling and 0.02 on images; the variational bound weighted 1 on 2D points and 0.02 on images.
         */
        public static Spec of(String model, DataTraits data, GameParameters given) {
            // The authors' 2D code has no hinge on the four Gaussians (margin None there, 10 on the others).
            MarginSchedule margin = given.marginSchedule(data.points() && data.named("gaussians") ? 0f : COST_MARGIN);
            String rule = given.get("updateRule", String.class, data.points() ? "cost-gap" : "both");
            CostGapUpdateRule updateRule = switch (rule) {
                case "cost-gap" -> CostGapUpdateRule.authors2d(data.named("biased"));
                case "both" -> null;
                default -> throw new IllegalArgumentException("`updateRule` '" + rule + "' is not one of cost-gap, both");
            };
            Entropy entropy = switch (model) {
                case "egan-ent-nn" -> new NearestNeighbours(given.getInt("knnK", NearestNeighbourEntropy.DEFAULT_K),
                        given.get("entropyScaling", NearestNeighbourEntropy.Scaling.class,
                                data.points() ? NearestNeighbourEntropy.Scaling.VARIANCE : NearestNeighbourEntropy.Scaling.UNIT),
                        given.getFloat("entropyScale", data.points() ? nearestNeighbourScale2d(data) : IMAGE_ENTROPY_SCALE));
                case "egan-ent-vi" -> new Variational(given.getFloat("entropyScale", data.points() ? 1f : IMAGE_ENTROPY_SCALE));
                default -> new Constant();
            };
            return new Spec(margin, entropy, updateRule);
        }

        private static float nearestNeighbourScale2d(DataTraits data) {
            return data.named("spiral") ? 5e-4f : data.named("biased") ? 3e-4f : 1e-3f;
        }

        @Override
        public String model() {
            if (entropy instanceof NearestNeighbours) {
                return "egan-ent-nn";
            }
            return entropy instanceof Variational ? "egan-ent-vi" : "egan-const";
        }

        @Override
        public CalibratedGame create(NetworkSpec networks) {
            return new CalibratedGame(new ScalarCost(networks.critic()), costMargin, entropy,
                    entropy instanceof Variational ? networks.inference() : null, updateRule);
        }
    }

    /** The last cost gap, in the checkpoint. */
    public static final String GAP = "cost_gap";

    /** Metric name of the entropy term's value. */
    public static final String ENTROPY = "entropy_term";

    private final ScalarCost cost;
    private final MarginSchedule margin;
    private final Entropy entropy;
    private final Block inference;
    private final CostGapUpdateRule updateRule;
    private double gap = CostGapUpdateRule.INITIAL_GAP;

    /** @param inference q(z|x), which outputs means and log-deviations; required for {@link Variational} only */
    public CalibratedGame(ScalarCost cost, MarginSchedule margin, Entropy entropy, Block inference) {
        this(cost, margin, entropy, inference, null);
    }

    /** @param updateRule which networks each step updates, or null for both */
    public CalibratedGame(ScalarCost cost, MarginSchedule margin, Entropy entropy, Block inference, CostGapUpdateRule updateRule) {
        if ((entropy instanceof Variational) != (inference != null)) {
            throw new IllegalArgumentException("the variational entropy, and only it, needs an inference network");
        }
        this.cost = cost;
        this.margin = margin;
        this.entropy = entropy;
        this.inference = inference;
        this.updateRule = updateRule;
    }

    @Override
    public CostGapUpdateRule.Update nextUpdate() {
        return updateRule == null ? CostGapUpdateRule.Update.BOTH : updateRule.choose(gap);
    }

    /** The cost gap of this step's discriminator pass, before its update, decides the next step's updates. */
    @Override
    public void afterStep(StepMetrics metrics) {
        gap = metrics.get(StepMetrics.LOSS_D);
    }

    @Override
    public Map<String, Double> state() {
        return updateRule == null ? Map.of() : Map.of(GAP, gap);
    }

    @Override
    public void restore(Map<String, Double> state) {
        gap = state.getOrDefault(GAP, CostGapUpdateRule.INITIAL_GAP);
    }

    @Override
    public ScalarCost discriminator() {
        return cost;
    }

    @Override
    public Block auxiliary() {
        return inference;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realCost = cost.energy(ps, real, true);
        NDArray fakeCost = cost.energy(ps, fake, true);
        float m = margin.at(step);
        metrics.defer(StepMetrics.ENERGY_REAL, realCost.mean())
                .defer(StepMetrics.ENERGY_FAKE, fakeCost.mean())
                .put(StepMetrics.MARGIN, m);
        return CostGapObjective.discriminatorLoss(realCost, fakeCost, m);
    }

    @Override
    public NDArray generatorLoss(ParameterStore ps, NDArray z, NDArray fake, long step, StepMetrics metrics) {
        NDArray loss = CostGapObjective.generatorLoss(cost.energy(ps, fake, true));
        if (entropy instanceof NearestNeighbours nn) {
            long n = fake.getShape().get(0);
            int dim = (int) (fake.size() / n);
            float[] g = NearestNeighbourEntropy.gradient(fake.toFloatArray(), (int) n, dim, nn.k(), nn.scaling(), nn.scale());
            NDArray term = NearestNeighbourEntropy.surrogate(fake, fake.getManager().create(g));
            metrics.defer(ENTROPY, term);
            loss = loss.add(term);
        } else if (entropy instanceof Variational vi) {
            NDArray q = inference.forward(ps, new NDList(fake), true).singletonOrThrow();
            NDArray nll = VariationalEntropy.negativeLogLikelihood(z, q);
            metrics.defer(ENTROPY, nll);
            loss = loss.add(nll.mul(Scalars.of(nll, vi.weight())));
        }
        return loss;
    }
}
