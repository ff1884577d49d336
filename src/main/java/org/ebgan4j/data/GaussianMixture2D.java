package org.ebgan4j.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.ebgan4j.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture of 2D Gaussians: samples from a seed and the exact density, for training on synthetic
 * data and measuring divergences against the truth. Users define their own in JSON:
 * {@code {"name": "...", "scale": 10, "components": [{"weight": 1, "mean": [0, 0], "cov": [[1, 0], [0, 1]]}]}};
 * {@code scale} maps coordinates to the networks' range ({@code value = coordinate / scale}).
 */
public record GaussianMixture2D(String name, double scale, List<Component> components) {

    /** One Gaussian: mixture weight, mean and full covariance. */
    public record Component(double weight, double[] mean, double[][] cov) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public GaussianMixture2D {
        if (components == null || components.isEmpty()) {
            throw new DatasetException("mixture '" + name + "' has no components");
        }
        if (!(scale > 0)) {
            throw new DatasetException("mixture '" + name + "' needs a positive scale, got " + scale);
        }
        double total = 0;
        for (Component c : components) {
            if (!(c.weight() > 0)) {
                throw new DatasetException("mixture '" + name + "' has a component of weight " + c.weight() + "; weights must be positive");
            }
            if (c.mean() == null || c.mean().length != 2 || c.cov() == null || c.cov().length != 2
                    || c.cov()[0].length != 2 || c.cov()[1].length != 2) {
                throw new DatasetException("mixture '" + name + "': each component needs a 2-vector mean and a 2x2 cov");
            }
            double[][] s = c.cov();
            if (Math.abs(s[0][1] - s[1][0]) > 1e-9 * (1 + Math.abs(s[0][1]))) {
                throw new DatasetException("mixture '" + name + "' has a non-symmetric covariance " + java.util.Arrays.deepToString(s));
            }
            if (!(s[0][0] > 0) || !(s[0][0] * s[1][1] - s[0][1] * s[1][0] > 0)) {
                throw new DatasetException("mixture '" + name + "' has a covariance that is not positive definite: "
                        + java.util.Arrays.deepToString(s));
            }
            total += c.weight();
        }
        double norm = total;
        components = components.stream()
                .map(c -> new Component(c.weight() / norm, c.mean().clone(), new double[][] {c.cov()[0].clone(), c.cov()[1].clone()}))
                .toList();
    }

    /** {@code n} points, {@code x0, y0, x1, y1, ...}, in the mixture's own coordinates. */
    public float[] sample(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = components.size();
        double[] cumulative = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += components.get(i).weight();
            cumulative[i] = acc;
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * acc;
            int c = 0;
            while (c < k - 1 && u >= cumulative[c]) {
                c++;
            }
            Component comp = components.get(c);
            double[][] s = comp.cov();
            // Cholesky factor of the 2x2 covariance.
            double a = Math.sqrt(s[0][0]);
            double b = s[1][0] / a;
            double d = Math.sqrt(s[1][1] - b * b);
            double g0 = standardNormal(rng);
            double g1 = standardNormal(rng);
            xy[2 * i] = (float) (comp.mean()[0] + a * g0);
            xy[2 * i + 1] = (float) (comp.mean()[1] + b * g0 + d * g1);
        }
        return xy;
    }

    /** A standard normal draw (Box-Muller), so that a seed gives the same numbers on every JVM. */
    public static double standardNormal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The mixture's probability density at (x, y). */
    public double density(double x, double y) {
        double p = 0;
        for (Component c : components) {
            double[][] s = c.cov();
            double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
            double dx = x - c.mean()[0];
            double dy = y - c.mean()[1];
            double q = (s[1][1] * dx * dx - (s[0][1] + s[1][0]) * dx * dy + s[0][0] * dy * dy) / det;
            p += c.weight() * Math.exp(-0.5 * q) / (2 * Math.PI * Math.sqrt(det));
        }
        return p;
    }

    public double logDensity(double x, double y) {
        return Math.log(density(x, y));
    }

    /** {@code n} samples as a data set of 2D points divided by {@link #scale()}. */
    public TensorDataset toDataset(int n, long seed) {
        float[] xy = sample(n, seed);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) (xy[i] / scale);
        }
        return new TensorDataset(name, xy, null, new long[] {2}, scale, 0);
    }

    public String toJson() throws IOException {
        return JSON.writeValueAsString(this);
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    public static GaussianMixture2D fromJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("mixture file " + file + " does not exist");
        }
        try {
            return JSON.readValue(file.toFile(), GaussianMixture2D.class);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof DatasetException ? e.getCause() : e;
            throw new DatasetException("cannot read mixture " + file + ": " + cause.getMessage().split("\n")[0], e);
        }
    }
}
