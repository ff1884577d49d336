package org.ebgan4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import org.ebgan4j.energy.ScalarCost;
import org.ebgan4j.objective.CostGapObjective;
import org.ebgan4j.objective.MarginSchedule;
import org.ebgan4j.objective.NearestNeighbourEntropy;
import org.ebgan4j.objective.VariationalEntropy;

/**
 * The calibrated energy GANs (Dai et al. 2017): a scalar cost under the cost-gap objective, with
 * the generator's entropy term constant (EGAN-Const), estimated from nearest neighbours
 * (EGAN-Ent-NN) or bounded with an inference network (EGAN-Ent-VI).
 */
public final class CalibratedGame implements AdversarialGame {

    /** The generator's entropy term. */
    public sealed interface Entropy permits Constant, NearestNeighbours, Variational {}

    /** No entropy term: EGAN-Const. */
    public record Constant() implements Entropy {}

    /** The nearest-neighbour gradient with k neighbours, its scaling and scale. */
    public record NearestNeighbours(int k, NearestNeighbourEntropy.Scaling scaling, float scale) implements Entropy {}

    /** The variational bound with an inference network q(z|x) that outputs means and log-deviations. */
    public record Variational(Block inference, float weight) implements Entropy {}

    /** Metric name of the entropy term's value. */
    public static final String ENTROPY = "entropy_term";

    private final ScalarCost cost;
    private final MarginSchedule margin;
    private final Entropy entropy;

    public CalibratedGame(ScalarCost cost, MarginSchedule margin, Entropy entropy) {
        this.cost = cost;
        this.margin = margin;
        this.entropy = entropy;
    }

    @Override
    public ScalarCost discriminator() {
        return cost;
    }

    @Override
    public Block auxiliary() {
        return entropy instanceof Variational v ? v.inference() : null;
    }

    @Override
    public NDArray discriminatorLoss(ParameterStore ps, NDArray real, NDArray fake, long step, StepMetrics metrics) {
        NDArray realCost = cost.energy(ps, real, true);
        NDArray fakeCost = cost.energy(ps, fake, true);
        float m = margin.at(step);
        metrics.put(StepMetrics.ENERGY_REAL, realCost.mean().getFloat())
                .put(StepMetrics.ENERGY_FAKE, fakeCost.mean().getFloat())
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
            metrics.put(ENTROPY, term.getFloat());
            loss = loss.add(term);
        } else if (entropy instanceof Variational vi) {
            NDArray q = vi.inference().forward(ps, new NDList(fake), true).singletonOrThrow();
            NDArray nll = VariationalEntropy.negativeLogLikelihood(z, q);
            metrics.put(ENTROPY, nll.getFloat());
            loss = loss.add(nll.mul(vi.weight()));
        }
        return loss;
    }
}
