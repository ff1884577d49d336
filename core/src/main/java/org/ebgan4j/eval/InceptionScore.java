package org.ebgan4j.eval;

/**
 * The inception score as the EBGAN paper uses it (Zhao et al. 2017, eq. 6):
 * {@code I = E_x KL(p(y|x) || p(y))}, where {@code p(y)} is the mean of the classifier's predictions
 * over the samples. Without the exponential it lies in [0, ln K] for K classes (ln 10 for digits):
 * 0 when every prediction is the same, ln K when each is confident and the classes are balanced.
 * {@code exp(I)} (Salimans et al. 2016) is given beside it, as the mean over {@value #SPLITS} equal
 * splits with the splits' standard deviation, the convention other tools report.
 */
public final class InceptionScore {

    /** Number of splits for the spread of the exponentiated score. */
    public static final int SPLITS = 10;

    /** A predicted probability is taken as at least this much, so that {@code 0 log 0} is 0 and no log sees 0. */
    private static final double FLOOR = 1e-12;

    private InceptionScore() {}

    /**
     * @param score eq. 6 over all samples
     * @param expScore mean over the splits of {@code exp(I)} of each split
     * @param splitStd sample standard deviation of the splits' {@code exp(I)} (0 with one split)
     * @param samples number of samples scored
     */
    public record Result(double score, double expScore, double splitStd, int samples) {}

    /**
     * @param probs n rows of k class probabilities, row-major; each row must be a distribution
     * @throws IllegalArgumentException if the table has the wrong size or a row is not a distribution
     */
    public static Result compute(float[] probs, int n, int k) {
        if (n <= 0 || k <= 1 || probs.length != (long) n * k) {
            throw new IllegalArgumentException("inception score needs n > 0 rows of k > 1 probabilities; got "
                    + probs.length + " values for n=" + n + ", k=" + k);
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                float p = probs[i * k + c];
                if (!(p >= 0 && p <= 1.0001f)) {
                    throw new IllegalArgumentException("row " + i + " has probability " + p + "; pass softmax outputs");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("row " + i + " sums to " + sum + "; pass softmax outputs");
            }
        }
        double score = klOfRows(probs, 0, n, k);
        int splits = Math.min(SPLITS, n);
        double[] exps = new double[splits];
        for (int s = 0; s < splits; s++) {
            int from = (int) ((long) s * n / splits);
            int to = (int) ((long) (s + 1) * n / splits);
            exps[s] = Math.exp(klOfRows(probs, from, to, k));
        }
        double mean = 0;
        for (double e : exps) {
            mean += e;
        }
        mean /= splits;
        double var = 0;
        for (double e : exps) {
            var += (e - mean) * (e - mean);
        }
        double std = splits > 1 ? Math.sqrt(var / (splits - 1)) : 0;
        return new Result(score, mean, std, n);
    }

    /** Mean over rows [from, to) of KL(row || mean of those rows). */
    private static double klOfRows(float[] probs, int from, int to, int k) {
        double[] marginal = new double[k];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < k; c++) {
                marginal[c] += probs[i * k + c];
            }
        }
        for (int c = 0; c < k; c++) {
            marginal[c] = Math.max(marginal[c] / (to - from), FLOOR);
        }
        double total = 0;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < k; c++) {
                double p = probs[i * k + c];
                if (p > 0) {
                    total += p * Math.log(Math.max(p, FLOOR) / marginal[c]);
                }
            }
        }
        return Math.max(0, total / (to - from));
    }
}
