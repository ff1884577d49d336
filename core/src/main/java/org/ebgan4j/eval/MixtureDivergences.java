package org.ebgan4j.eval;

import org.ebgan4j.data.GaussianMixture2D;
import org.ebgan4j.train.EnergyGan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well a model trained on a 2D mixture matches it (Dai et al. 2017, appendix B.2, Table 2): on
 * a 100x100 grid over the training points, the histogram of the training samples p_emp, that of
 * generated samples p_gen, the analytic density p_data and the discriminator's
 * {@code p_disc = softmax(-E(x))} over the cells, and ten KL divergences between them. For the GAN
 * the energy is the negative logit, so p_disc = softmax(logit(x)).
 *
 * @param energies the learned energy at every cell's centre
 * @param distributions p_emp, p_gen, p_data and p_disc by their short names
 * @param kl the divergences of Table 2 by label, in its order
 */
public record MixtureDivergences(GridHistogram grid, float[] energies, Map<String, double[]> distributions,
        Map<String, Double> kl) {

    /** The ten divergences of Table 2, in its order: (first, second) of KL(first || second). */
    public static final String[][] DIVERGENCES = {
        {"gen", "emp"}, {"emp", "gen"}, {"gen", "data"}, {"data", "gen"}, {"disc", "emp"},
        {"emp", "disc"}, {"disc", "data"}, {"data", "disc"}, {"gen", "disc"}, {"disc", "gen"}
    };

    /** The grid the divergences are measured on. */
    public enum Canvas {
        /**
         * The authors' (their code's {@code create_meshgrid}, the paper being silent on the range):
         * per axis 1.5 times the training points' range, 100 nodes, every point in its nearest node's
         * cell, as the paper says.
         */
        AUTHORS,
        /** One square box over the joint range of both axes, 5% wider, points outside it left out (ebgan4j before). */
        BOX;

        public GridHistogram over(float[] training) {
            return this == AUTHORS ? GridHistogram.authorsCanvas(training, GridHistogram.PAPER_CELLS)
                    : GridHistogram.around(training, GridHistogram.PAPER_CELLS);
        }
    }

    /** Measures {@code gan} against {@code mixture} on the authors' canvas. */
    public static MixtureDivergences measure(EnergyGan gan, GaussianMixture2D mixture, float[] training, float[] generated) {
        return measure(gan, mixture, training, generated, Canvas.AUTHORS);
    }

    /**
     * Measures {@code gan} against {@code mixture}.
     *
     * @param training the training points, in the mixture's units (row-major x, y)
     * @param generated generated points in the same units, as many as the paper's histograms take (100K)
     * @param canvas the grid, over the training points
     */
    public static MixtureDivergences measure(EnergyGan gan, GaussianMixture2D mixture, float[] training, float[] generated,
            Canvas canvas) {
        GridHistogram grid = canvas.over(training);
        float[] energies = gan.energies(gan.fromRaw(grid.centres()), grid.cells());
        Map<String, double[]> p = new LinkedHashMap<>();
        p.put("emp", grid.histogram(training));
        p.put("gen", grid.histogram(generated));
        p.put("data", grid.analytic(mixture));
        p.put("disc", GridHistogram.softmaxOfNegative(energies));
        Map<String, Double> kl = new LinkedHashMap<>();
        for (String[] d : DIVERGENCES) {
            kl.put(label(d), KlDivergence.of(p.get(d[0]), p.get(d[1])));
        }
        return new MixtureDivergences(grid, energies, p, kl);
    }

    /** KL(p_first || p_second), for short names emp, gen, data and disc. */
    public double of(String first, String second) {
        Double v = kl.get(label(new String[] {first, second}));
        if (v == null) {
            throw new IllegalArgumentException("Table 2 has no KL(p_" + first + "||p_" + second + ")");
        }
        return v;
    }

    /** "KL(p_gen||p_emp)" and so on. */
    public static String label(String[] pair) {
        return "KL(p_" + pair[0] + "||p_" + pair[1] + ")";
    }
}
