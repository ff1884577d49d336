package org.ebgan4j.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A mixture of 2D Gaussians: seeded samples and the exact density, for training on synthetic data
 * and measuring divergences against the truth. Users define their own in JSON:
 * <pre>{"name": "ring", "scale": 10, "components": [{"weight": 1, "mean": [0, 0], "cov": [[1, 0], [0, 1]]}]}</pre>
 * In a file, either every component has a positive weight and the weights sum to one, or none has
 * one and they weigh the same; no other keys are allowed; means and standard deviations lie within
 * {@value #COORDINATE_LIMIT}; covariances must be symmetric positive definite (see {@link #fromJson}).
 * The constructor normalises any positive weights. {@code scale} maps coordinates to the networks'
 * range, {@code value = coordinate / scale}; when it is left out, {@link #boundingScale} is used.
 */
public final class GaussianMixture2D {

    /** One Gaussian: mixture weight, mean and full covariance. */
    public record Component(double weight, double[] mean, double[][] cov) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final double scale;
    private final List<Component> components;
    /** Per component: the inverse covariance (a, b, c for [[a, b], [b, c]]) and log(w / (2 pi sqrt(det))). */
    private final double[][] precision;
    private final double[] logNorm;

    public GaussianMixture2D(String name, double scale, List<Component> components) {
        String what = "mixture '" + name + "'";
        if (components == null || components.isEmpty()) {
            throw new DatasetException(what + " has no components");
        }
        double total = 0;
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            String comp = what + " component " + i;
            if (!(c.weight() > 0) || Double.isInfinite(c.weight())) {
                throw new DatasetException(comp + " has weight " + c.weight() + "; weights must be positive");
            }
            if (c.mean() == null || c.mean().length != 2 || c.cov() == null || c.cov().length != 2
                    || c.cov()[0] == null || c.cov()[1] == null || c.cov()[0].length != 2 || c.cov()[1].length != 2) {
                throw new DatasetException(comp + " needs a mean of 2 numbers and a 2x2 cov");
            }
            double[][] s = c.cov();
            if (!allFinite(c.mean()[0], c.mean()[1])) {
                throw new DatasetException(comp + " has the mean " + Arrays.toString(c.mean()) + ", which is not finite");
            }
            if (!allFinite(s[0][0], s[0][1], s[1][0], s[1][1])) {
                throw new DatasetException(comp + " has the cov " + Arrays.deepToString(s) + ", which is not finite");
            }
            if (Math.abs(c.mean()[0]) > COORDINATE_LIMIT || Math.abs(c.mean()[1]) > COORDINATE_LIMIT) {
                throw new DatasetException(comp + " has the mean " + Arrays.toString(c.mean()) + ", beyond +-1e6, where float samples "
                        + "lose their precision; write the mixture in smaller units (\"scale\" maps them to the networks' range)");
            }
            double limit = COORDINATE_LIMIT * COORDINATE_LIMIT;
            if (Math.abs(s[0][0]) > limit || Math.abs(s[1][1]) > limit || Math.abs(s[0][1]) > limit || Math.abs(s[1][0]) > limit) {
                throw new DatasetException(comp + " has the cov " + Arrays.deepToString(s) + ", a deviation beyond 1e6, where float "
                        + "samples lose their precision; write the mixture in smaller units (\"scale\" maps them to the networks' range)");
            }
            if (Math.abs(s[0][1] - s[1][0]) > 1e-9 * (1 + Math.abs(s[0][1]))) {
                throw new DatasetException(comp + " has a covariance that is not symmetric: " + Arrays.deepToString(s));
            }
            if (!(s[0][0] > 0) || !(s[0][0] * s[1][1] - s[0][1] * s[0][1] > 0)) {
                throw new DatasetException(comp + " has a covariance that is not positive definite: " + Arrays.deepToString(s));
            }
            total += c.weight();
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new DatasetException(what + " needs a positive scale, got " + scale);
        }
        double norm = total;
        // Copies, so that the caller's arrays cannot change a validated mixture; the covariance is symmetrised.
        this.components = components.stream()
                .map(c -> {
                    double off = (c.cov()[0][1] + c.cov()[1][0]) / 2;
                    return new Component(c.weight() / norm, c.mean().clone(),
                            new double[][] {{c.cov()[0][0], off}, {off, c.cov()[1][1]}});
                })
                .toList();
        this.name = name;
        this.scale = scale;
        int k = this.components.size();
        this.precision = new double[k][];
        this.logNorm = new double[k];
        for (int i = 0; i < k; i++) {
            Component c = this.components.get(i);
            double[][] s = c.cov();
            double det = s[0][0] * s[1][1] - s[0][1] * s[0][1];
            precision[i] = new double[] {s[1][1] / det, -s[0][1] / det, s[0][0] / det};
            logNorm[i] = Math.log(c.weight()) - Math.log(2 * Math.PI) - 0.5 * Math.log(det);
        }
    }

    public String name() {
        return name;
    }

    /** Coordinates per network unit: {@code coordinate = value * scale}. */
    public double scale() {
        return scale;
    }

    /** The components, weights normalised to sum to one; do not modify their arrays. */
    public List<Component> components() {
        return components;
    }

    /**
     * A scale that puts almost all the mass in [-1, 1]: the largest {@code |mean| + 3 sd} over the
     * components and both axes, rounded up to a whole number.
     */
    public static double boundingScale(List<Component> components) {
        double bound = 0;
        for (Component c : components) {
            for (int axis = 0; axis < 2; axis++) {
                bound = Math.max(bound, Math.abs(c.mean()[axis]) + 3 * Math.sqrt(c.cov()[axis][axis]));
            }
        }
        return Math.max(1, Math.ceil(bound));
    }

    /** {@code n} points, {@code x0, y0, x1, y1, ...}, in the mixture's own coordinates. */
    public float[] sample(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = components.size();
        double[] cumulative = new double[k];
        double[][] cholesky = new double[k][];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            Component c = components.get(i);
            acc += c.weight();
            cumulative[i] = acc;
            double a = Math.sqrt(c.cov()[0][0]);
            double b = c.cov()[1][0] / a;
            cholesky[i] = new double[] {a, b, Math.sqrt(c.cov()[1][1] - b * b)};
        }
        float[] xy = new float[2 * n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble() * acc;
            int c = Arrays.binarySearch(cumulative, u);
            c = c >= 0 ? Math.min(c + 1, k - 1) : Math.min(-c - 1, k - 1);
            double[] mean = components.get(c).mean();
            double[] l = cholesky[c];
            double g0 = standardNormal(rng);
            double g1 = standardNormal(rng);
            xy[2 * i] = (float) (mean[0] + l[0] * g0);
            xy[2 * i + 1] = (float) (mean[1] + l[1] * g0 + l[2] * g1);
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
        for (int i = 0; i < logNorm.length; i++) {
            p += Math.exp(logNorm[i] + exponent(i, x, y));
        }
        return p;
    }

    /** The log of {@link #density}, accurate far out in the tails where the density itself underflows. */
    public double logDensity(double x, double y) {
        double[] logs = new double[logNorm.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logs.length; i++) {
            logs[i] = logNorm[i] + exponent(i, x, y);
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        for (double l : logs) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum);
    }

    /** {@code -(d^T Sigma^-1 d) / 2} for component {@code i}, with {@code d = (x, y) - mean}. */
    private double exponent(int i, double x, double y) {
        double[] mean = components.get(i).mean();
        double[] q = precision[i];
        double dx = x - mean[0];
        double dy = y - mean[1];
        return -0.5 * (q[0] * dx * dx + 2 * q[1] * dx * dy + q[2] * dy * dy);
    }

    /** The mixture's mean, {@code sum w_k mu_k}. */
    public double[] mean() {
        double[] m = new double[2];
        for (Component c : components) {
            m[0] += c.weight() * c.mean()[0];
            m[1] += c.weight() * c.mean()[1];
        }
        return m;
    }

    /** The mixture's covariance, {@code sum w_k (Sigma_k + mu_k mu_k^T) - mu mu^T}. */
    public double[][] covariance() {
        double[] m = mean();
        double[][] s = new double[2][2];
        for (Component c : components) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    s[i][j] += c.weight() * (c.cov()[i][j] + c.mean()[i] * c.mean()[j]);
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                s[i][j] -= m[i] * m[j];
            }
        }
        return s;
    }

    /** {@code n} samples as a data set of 2D points divided by {@link #scale()}, named after the mixture. */
    public TensorDataset toDataset(int n, long seed) {
        return toDataset(n, seed, name);
    }

    /** {@code n} samples as a data set of 2D points divided by {@link #scale()}. */
    public TensorDataset toDataset(int n, long seed, String datasetName) {
        float[] xy = sample(n, seed);
        for (int i = 0; i < xy.length; i++) {
            xy[i] = (float) (xy[i] / scale);
        }
        return new TensorDataset(datasetName, xy, null, new long[] {2}, scale, 0);
    }

    /** The mixture in the JSON layout that {@link #fromJson} reads. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("scale", scale);
        ArrayNode comps = root.putArray("components");
        for (Component c : components) {
            ObjectNode o = comps.addObject();
            o.put("weight", c.weight());
            o.putArray("mean").add(c.mean()[0]).add(c.mean()[1]);
            ArrayNode cov = o.putArray("cov");
            cov.addArray().add(c.cov()[0][0]).add(c.cov()[0][1]);
            cov.addArray().add(c.cov()[1][0]).add(c.cov()[1][1]);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * Reads a mixture file: an object with {@code components} (each {@code weight}, {@code mean},
     * {@code cov}) and optionally {@code name} and {@code scale}, nothing else. Either every component
     * has a weight and the weights sum to 1 (within {@value #WEIGHT_SUM_TOLERANCE}), or none has one and
     * they weigh the same.
     *
     * @throws DatasetException naming the file, the field and the problem
     */
    public static GaussianMixture2D fromJson(Path file) {
        if (Files.isDirectory(file)) {
            throw new DatasetException("mixture file " + file + " is a folder; give a .json file like " + EXAMPLE);
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("mixture file " + file + " does not exist; write one like " + EXAMPLE);
        }
        String where = "mixture file " + file;
        JsonNode root;
        try {
            root = READER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String problem = firstLine(e.getOriginalMessage());
            if (problem.startsWith("Trailing token")) {
                problem = "more follows the JSON object (trailing token); give one object";
            } else if (problem.startsWith("Non-standard token")) {
                problem = problem.replaceFirst(":.*", "") + " (NaN and Infinity are not JSON numbers; give finite numbers)";
            } else if (problem.contains("comment")) {
                problem = "JSON has no comments; remove them";
            }
            throw new DatasetException(where + " is not valid JSON" + at + ": " + problem, e);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + where + ": " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(where + " must hold one JSON object with a \"components\" array, like " + EXAMPLE);
        }
        requireKeys(root, KEYS, where);
        String base = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        JsonNode nameNode = root.path("name");
        if (!nameNode.isMissingNode() && !(nameNode.isTextual() && !nameNode.asText().isBlank())) {
            throw new DatasetException(where + ": \"name\" must be a non-empty string, got " + describe(nameNode));
        }
        String name = nameNode.isTextual() ? nameNode.asText() : base;
        JsonNode comps = root.path("components");
        if (comps.isMissingNode()) {
            throw new DatasetException(where + " has no \"components\"; give an array of them, like " + EXAMPLE);
        }
        if (!comps.isArray() || comps.isEmpty()) {
            throw new DatasetException(where + " needs a non-empty \"components\" array, got " + describe(comps));
        }
        List<Component> list = new ArrayList<>();
        int weighted = 0;
        for (int i = 0; i < comps.size(); i++) {
            JsonNode c = comps.get(i);
            if (c.has("weight")) {
                weighted++;
            }
            list.add(component(c, where + " component " + i));
        }
        if (weighted > 0 && weighted < list.size()) {
            int missing = 0;
            while (comps.get(missing).has("weight")) {
                missing++;
            }
            throw new DatasetException(where + " component " + missing + " has no \"weight\" while others have one; give every "
                    + "component a weight (summing to 1), or none for equal weights");
        }
        JsonNode scaleNode = root.path("scale");
        if (!scaleNode.isMissingNode() && !scaleNode.isNumber()) {
            throw new DatasetException(where + ": \"scale\" must be a number, got " + describe(scaleNode));
        }
        GaussianMixture2D mixture;
        try {
            mixture = new GaussianMixture2D(name, scaleNode.isNumber() ? scaleNode.asDouble() : boundingScale(list), list);
        } catch (DatasetException e) {
            String own = "mixture '" + name + "'";
            String m = e.getMessage();
            throw new DatasetException(m.startsWith(own) ? where + m.substring(own.length()) : where + ": " + m, e);
        }
        if (weighted > 0) {
            requireUnitSum(list, where);
        }
        if (scaleNode.isNumber()) {
            requireSensibleScale(mixture, where);
        }
        return mixture;
    }

    /** Tolerance of the sum of a mixture file's weights around 1. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-3;

    /** Means and standard deviations beyond this are refused: float samples would lose their precision. */
    public static final double COORDINATE_LIMIT = 1e6;

    /** A given scale must bring the mixture's extent ({@code |mean| + 3 sd}) to within this factor of 1, either way. */
    static final double SCALE_FACTOR_LIMIT = 1000;

    private static final String EXAMPLE =
            "{\"name\": \"one\", \"components\": [{\"weight\": 1, \"mean\": [0, 0], \"cov\": [[1, 0], [0, 1]]}]}";
    private static final List<String> KEYS = List.of("name", "scale", "components");
    private static final List<String> COMPONENT_KEYS = List.of("weight", "mean", "cov");
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static void requireKeys(JsonNode node, List<String> keys, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!keys.contains(key)) {
                String lower = key.toLowerCase(Locale.ROOT);
                String close = keys.stream().filter(k -> editDistance(k, lower) <= 2 || (lower.length() >= 3 && lower.startsWith(k)))
                        .findFirst()
                        .map(k -> "did you mean \"" + k + "\"? ").orElse("");
                throw new DatasetException(where + " has an unknown key \"" + key + "\"; " + close + "the keys are "
                        + String.join(", ", keys));
            }
        }
    }

    private static void requireUnitSum(List<Component> list, String where) {
        double sum = 0;
        for (Component c : list) {
            sum += c.weight();
        }
        if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
            throw new DatasetException(where + ": the weights sum to " + (float) sum + ", not 1; divide each by " + (float) sum
                    + ", or leave every weight out for equal weights");
        }
    }

    private static void requireSensibleScale(GaussianMixture2D m, String where) {
        double extent = 0;
        for (Component c : m.components) {
            for (int axis = 0; axis < 2; axis++) {
                extent = Math.max(extent, Math.abs(c.mean()[axis]) + 3 * Math.sqrt(c.cov()[axis][axis]));
            }
        }
        double units = extent / m.scale;
        if (units > SCALE_FACTOR_LIMIT || units < 1 / SCALE_FACTOR_LIMIT) {
            throw new DatasetException(String.format(Locale.ROOT, "%s: \"scale\" %s puts the mixture's points up to %.3g from 0 in the "
                    + "networks' units, which expect about 1; leave \"scale\" out (it is then %s) or set it near %.3g", where,
                    m.scale, units, boundingScale(m.components), extent));
        }
    }

    private static Component component(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new DatasetException(where + " must be an object with \"weight\", \"mean\" and \"cov\", got " + describe(node));
        }
        requireKeys(node, COMPONENT_KEYS, where);
        JsonNode weight = node.path("weight");
        if (!weight.isMissingNode() && !weight.isNumber()) {
            throw new DatasetException(where + ": \"weight\" must be a number, got " + describe(weight));
        }
        JsonNode meanNode = node.path("mean");
        double[] mean = numbers(meanNode);
        if (mean == null) {
            throw new DatasetException(where + ": \"mean\" must be two numbers, like [0, 0]; got " + describe(meanNode));
        }
        JsonNode covNode = node.path("cov");
        double[] row0 = covNode.isArray() && covNode.size() == 2 ? numbers(covNode.get(0)) : null;
        double[] row1 = covNode.isArray() && covNode.size() == 2 ? numbers(covNode.get(1)) : null;
        if (row0 == null || row1 == null) {
            throw new DatasetException(where + ": \"cov\" must be a 2x2 matrix of numbers, like [[1, 0], [0, 1]]; got " + describe(covNode));
        }
        return new Component(weight.isNumber() ? weight.asDouble() : 1, mean, new double[][] {row0, row1});
    }

    private static double[] numbers(JsonNode pair) {
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isNumber()) {
            return null;
        }
        return new double[] {pair.get(0).asDouble(), pair.get(1).asDouble()};
    }

    /** A JSON value for a message: its text, or what it is when that is long or missing. */
    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String kind = node.isTextual() ? "the string " : node.isArray() ? "the array " : node.isObject() ? "the object " : "";
        String text = node.toString();
        return kind + (text.length() > 60 ? text.substring(0, 57) + "..." : text);
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int swap = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + swap);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return name + " (" + components.size() + " Gaussians, scale " + scale + ")";
    }

    private static boolean allFinite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }
}
