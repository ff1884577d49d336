package org.ebgan4j.eval;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A linear probe (Dai et al. 2017, appendix B.5): multinomial logistic regression on frozen features.
 * Features are standardised with the training set's mean and standard deviation, then a softmax
 * classifier is fitted by minibatch Adam on the cross-entropy with a small L2 penalty. The seed sets
 * the initial weights and the order of the minibatches; {@link #overSeeds} repeats the fit with seeds
 * 0..s-1 and summarises the test errors, as the paper's table does (min, mean, std over 10 seeds).
 * Pure Java, so the seeds run on parallel threads without touching DJL.
 */
public final class LinearProbe {

    /**
     * @param epochs passes over the training features
     * @param batch minibatch size
     * @param lr Adam learning rate
     * @param l2 weight of {@code 0.5 |W|^2} in the loss (biases are not penalised)
     */
    public record Config(int epochs, int batch, double lr, double l2) {
        public Config {
            if (epochs < 1 || batch < 1 || !(lr > 0) || !(l2 >= 0)) {
                throw new IllegalArgumentException("probe config needs epochs >= 1, batch >= 1, lr > 0, l2 >= 0; got "
                        + epochs + ", " + batch + ", " + lr + ", " + l2);
            }
        }

        public static Config defaults() {
            return new Config(30, 100, 1e-3, 1e-4);
        }
    }

    /** Test errors of one probe per seed, with their minimum, mean and sample standard deviation. */
    public record Summary(double min, double mean, double std, double[] errors) {

        public static Summary of(double[] errors) {
            if (errors.length == 0) {
                throw new IllegalArgumentException("no errors to summarise");
            }
            double mean = Arrays.stream(errors).average().orElseThrow();
            double var = 0;
            for (double e : errors) {
                var += (e - mean) * (e - mean);
            }
            double std = errors.length > 1 ? Math.sqrt(var / (errors.length - 1)) : 0;
            return new Summary(Arrays.stream(errors).min().orElseThrow(), mean, std, errors.clone());
        }
    }

    private final int dim;
    private final int classes;
    private final double[] shift;
    private final double[] scale;
    private final double[] weights; // classes x dim
    private final double[] biases;

    private LinearProbe(int dim, int classes, double[] shift, double[] scale, double[] weights, double[] biases) {
        this.dim = dim;
        this.classes = classes;
        this.shift = shift;
        this.scale = scale;
        this.weights = weights;
        this.biases = biases;
    }

    /** Fits a probe to n rows of {@code dim} features with labels in [0, classes). */
    public static LinearProbe fit(float[] x, int[] y, int dim, int classes, Config config, long seed) {
        int n = checkShapes(x, y, dim, classes);
        double[] shift = new double[dim];
        double[] scale = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                shift[j] += x[i * dim + j];
            }
        }
        for (int j = 0; j < dim; j++) {
            shift[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double d = x[i * dim + j] - shift[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < dim; j++) {
            // A constant feature (a dead unit) stays 0 after centring; keep it from dividing by 0.
            scale[j] = 1 / Math.max(Math.sqrt(scale[j] / n), 1e-6);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[classes * dim];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.01 * gaussian(random);
        }
        double[] b = new double[classes];
        LinearProbe probe = new LinearProbe(dim, classes, shift, scale, w, b);
        probe.train(x, y, n, config, random);
        return probe;
    }

    private void train(float[] x, int[] y, int n, Config config, SplittableRandom random) {
        int params = weights.length + biases.length;
        double[] m = new double[params];
        double[] v = new double[params];
        double[] grad = new double[params];
        double[] features = new double[dim];
        double[] p = new double[classes];
        int[] order = IntStream.range(0, n).toArray();
        double beta1 = 0.9;
        double beta2 = 0.999;
        long step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += config.batch()) {
                int to = Math.min(n, from + config.batch());
                Arrays.fill(grad, 0);
                for (int r = from; r < to; r++) {
                    int row = order[r];
                    standardise(x, row, features);
                    softmax(features, p);
                    p[y[row]] -= 1;
                    for (int c = 0; c < classes; c++) {
                        double g = p[c];
                        int base = c * dim;
                        for (int j = 0; j < dim; j++) {
                            grad[base + j] += g * features[j];
                        }
                        grad[weights.length + c] += g;
                    }
                }
                int size = to - from;
                step++;
                double correction1 = 1 - Math.pow(beta1, step);
                double correction2 = 1 - Math.pow(beta2, step);
                for (int k = 0; k < params; k++) {
                    double g = grad[k] / size;
                    boolean isWeight = k < weights.length;
                    if (isWeight) {
                        g += config.l2() * weights[k];
                    }
                    m[k] = beta1 * m[k] + (1 - beta1) * g;
                    v[k] = beta2 * v[k] + (1 - beta2) * g * g;
                    double delta = config.lr() * (m[k] / correction1) / (Math.sqrt(v[k] / correction2) + 1e-8);
                    if (isWeight) {
                        weights[k] -= delta;
                    } else {
                        biases[k - weights.length] -= delta;
                    }
                }
            }
        }
    }

    /** The most probable class of each of the n rows of {@code x}. */
    public int[] predict(float[] x) {
        int n = x.length / dim;
        int[] out = new int[n];
        double[] features = new double[dim];
        double[] p = new double[classes];
        for (int i = 0; i < n; i++) {
            standardise(x, i, features);
            softmax(features, p);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Fraction of rows whose predicted class differs from the label. */
    public double errorRate(float[] x, int[] y) {
        int n = checkShapes(x, y, dim, classes);
        int[] predicted = predict(x);
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            if (predicted[i] != y[i]) {
                wrong++;
            }
        }
        return (double) wrong / n;
    }

    /** Fits one probe per seed 0..seeds-1 (in parallel) and summarises their test errors. */
    public static Summary overSeeds(float[] trainX, int[] trainY, float[] testX, int[] testY, int dim, int classes,
            Config config, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("probe seeds must be at least 1; got " + seeds);
        }
        checkShapes(testX, testY, dim, classes);
        double[] errors = IntStream.range(0, seeds).parallel()
                .mapToDouble(s -> fit(trainX, trainY, dim, classes, config, s).errorRate(testX, testY))
                .toArray();
        return Summary.of(errors);
    }

    private void standardise(float[] x, int row, double[] out) {
        int base = row * dim;
        for (int j = 0; j < dim; j++) {
            out[j] = (x[base + j] - shift[j]) * scale[j];
        }
    }

    private void softmax(double[] features, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double z = biases[c];
            int base = c * dim;
            for (int j = 0; j < dim; j++) {
                z += weights[base + j] * features[j];
            }
            p[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < classes; c++) {
            p[c] /= sum;
        }
    }

    private static int checkShapes(float[] x, int[] y, int dim, int classes) {
        if (dim < 1 || classes < 2 || x.length != (long) y.length * dim || y.length == 0) {
            throw new IllegalArgumentException("probe needs n rows of " + dim + " features and n labels; got "
                    + x.length + " values and " + y.length + " labels");
        }
        for (int label : y) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
            }
        }
        return y.length;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
