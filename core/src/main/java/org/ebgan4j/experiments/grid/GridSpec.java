package org.ebgan4j.experiments.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.ebgan4j.io.Json;
import org.ebgan4j.train.NoiseSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A grid search as data: train options shared by every trial ({@code base}), named axes whose values
 * are crossed, constraints every trial must meet, and optionally a seeded stratified sample of some
 * axes. Every axis is a {@code train} option by its camel-case name ({@code layersG},
 * {@code dropoutD}, {@code lr}, ...); a value may also be an object that sets several options at once
 * ({@code {"label": "sgd-sgd-0.01", "optimD": "sgd", "optimG": "sgd", "lr": 0.01}}).
 *
 * <p>Expansion is deterministic: axes are crossed in the order given, the first outermost. A trial's
 * id is its model and a hash of its options (not of its data folder), so it is the same on every
 * machine and in every order; its seed is a function of the grid's seed and that id.
 *
 * @param seed the grid's seed; a trial's own seed comes from it and the trial's id
 * @param sample a stratified sample of some axes instead of all their combinations, or {@code null}
 * @param scoring how each trained model is scored
 * @param retries how often a failed trial is tried again before it is recorded as failed
 */
public record GridSpec(String name, long seed, Map<String, Object> base, List<Axis> axes, List<String> constraints,
        Sample sample, Scoring scoring, Integer retries) {

    /** Tries of a failed trial before it is recorded as failed, unless the grid says. */
    public static final int DEFAULT_RETRIES = 2;

    /** Reads grid files strictly (an unknown field is an error) but lets optional fields be left out. */
    private static final com.fasterxml.jackson.databind.ObjectMapper READER = Json.strict().copy()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The options that name where data is, not what a trial is: they do not enter its id. */
    private static final Set<String> NOT_IN_ID = Set.of("dataDir", "seed");

    /** One named axis and its values, each an option's value or an object of options. */
    public record Axis(String name, List<Object> values) {
        public Axis {
            if (name == null || name.isBlank() || values == null || values.isEmpty()) {
                throw new IllegalArgumentException("an axis needs a name and at least one value");
            }
            values = List.copyOf(values);
        }
    }

    /**
     * A seeded stratified sample of the combinations of {@code axes}: {@code count} of them, spread
     * as evenly as possible over the strata that the values of {@code strata} define.
     */
    public record Sample(int count, List<String> axes, List<String> strata, long seed) {
        public Sample {
            if (count < 1 || axes == null || axes.isEmpty()) {
                throw new IllegalArgumentException("a sample needs a positive count and the axes it samples");
            }
            strata = strata == null ? List.of() : List.copyOf(strata);
            if (!axes.containsAll(strata)) {
                throw new IllegalArgumentException("the strata " + strata + " must be among the sampled axes " + axes);
            }
        }
    }

    /**
     * How a trained model is scored: the inception score (EBGAN paper, eq. 6) of {@code samples}
     * generated images with the grid's digit classifier, and the FID when asked.
     */
    public record Scoring(int samples, boolean fid) {
        public Scoring {
            if (samples < 100) {
                throw new IllegalArgumentException("scoring needs at least 100 samples, got " + samples);
            }
        }
    }

    public GridSpec {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a grid needs a name of letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        base = base == null ? Map.of() : new LinkedHashMap<>(base);
        axes = axes == null ? List.of() : List.copyOf(axes);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        constraints.forEach(Constraint::new);
        scoring = scoring == null ? new Scoring(5000, false) : scoring;
        retries = retries == null ? DEFAULT_RETRIES : retries;
        if (retries < 0) {
            throw new IllegalArgumentException("`retries` must be 0 or more, got " + retries);
        }
        Set<String> names = new HashSet<>();
        for (Axis a : axes) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("axis '" + a.name() + "' appears twice");
            }
        }
        if (sample != null && !names.containsAll(sample.axes())) {
            throw new IllegalArgumentException("the sample names axes " + sample.axes() + " but the grid has " + names);
        }
        if (!base.containsKey("model") && axes.stream().noneMatch(a -> setsOption(a, "model"))) {
            throw new IllegalArgumentException("grid '" + name + "' names no model, in its base or on an axis");
        }
    }

    private static boolean setsOption(Axis axis, String option) {
        return axis.name().equals(option) || axis.values().stream().anyMatch(v -> v instanceof Map<?, ?> m && m.containsKey(option));
    }

    /** This grid with other base options on top of its own (a data folder, a budget). */
    public GridSpec withBase(Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overrides.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return new GridSpec(name, seed, merged, axes, constraints, sample, scoring, retries);
    }

    /** This grid reading its data from {@code dir} (made absolute: trials run in other working folders). */
    public GridSpec withDataDir(Path dir) {
        return dir == null ? this : withBase(java.util.Collections.singletonMap("dataDir", dir.toAbsolutePath().toString()));
    }

    /** This grid with another training budget: {@code epochs} or {@code steps} (not both; {@code null} keeps the grid's). */
    public GridSpec withBudget(Integer epochs, Long steps) {
        if (epochs != null && steps != null) {
            throw new IllegalArgumentException("give `epochs` or `steps`, not both");
        }
        Map<String, Object> budget = new LinkedHashMap<>();
        if (epochs != null) {
            budget.put("epochs", epochs);
            budget.put("steps", null);
        }
        if (steps != null) {
            budget.put("steps", steps);
            budget.put("epochs", null);
        }
        return budget.isEmpty() ? this : withBase(budget);
    }

    /** Every trial, in expansion order. */
    public List<Trial> expand() {
        List<Axis> sampled = new ArrayList<>();
        List<Axis> crossed = new ArrayList<>();
        for (Axis a : axes) {
            (sample != null && sample.axes().contains(a.name()) ? sampled : crossed).add(a);
        }
        List<Point> outer = sample != null ? stratified(product(sampled)) : List.of(new Point(Map.of(), Map.of()));
        List<Point> inner = product(crossed);
        List<Constraint> rules = constraints.stream().map(Constraint::new).toList();
        List<Trial> trials = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Point o : outer) {
            for (Point i : inner) {
                Map<String, Object> options = new LinkedHashMap<>(base);
                options.putAll(o.options());
                options.putAll(i.options());
                if (!rules.stream().allMatch(r -> r.test(options))) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>(o.labels());
                labels.putAll(i.labels());
                String id = id(options);
                if (!ids.add(id)) {
                    throw new IllegalArgumentException("grid '" + name + "' has two trials with the same options " + labels
                            + ": two axes set the same option");
                }
                long trialSeed = Math.floorMod(NoiseSource.mix(seed, Long.parseUnsignedLong(id.substring(id.length() - 12), 16), 7),
                        1L << 31);
                options.put("seed", trialSeed);
                trials.add(new Trial(id, trialSeed, options, labels));
            }
        }
        return trials;
    }

    /** One combination of axis values: the options it sets and each axis's label. */
    private record Point(Map<String, Object> options, Map<String, String> labels) {}

    private static List<Point> product(List<Axis> axes) {
        List<Point> points = new ArrayList<>(List.of(new Point(Map.of(), Map.of())));
        for (Axis axis : axes) {
            List<Point> next = new ArrayList<>();
            for (Point p : points) {
                for (Object value : axis.values()) {
                    Map<String, Object> options = new LinkedHashMap<>(p.options());
                    Map<String, String> labels = new LinkedHashMap<>(p.labels());
                    labels.put(axis.name(), settings(axis.name(), value, options));
                    next.add(new Point(options, labels));
                }
            }
            points = next;
        }
        return points;
    }

    /** Puts the options an axis value sets into {@code options} and returns its label. */
    private static String settings(String axis, Object value, Map<String, Object> options) {
        if (!(value instanceof Map<?, ?> map)) {
            options.put(axis, value);
            return label(value);
        }
        StringBuilder label = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("label")) {
                continue;
            }
            options.put(key, e.getValue());
            label.append(label.isEmpty() ? "" : ",").append(key).append('=').append(label(e.getValue()));
        }
        return map.containsKey("label") ? String.valueOf(map.get("label")) : label.toString();
    }

    /** A value as a label: numbers in plain decimals (0.0001, not 1.0E-4), whole ones without a point. */
    public static String label(Object value) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return new java.math.BigDecimal(Double.toString(n.doubleValue())).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** {@code sample.count} points, the same number (or one more) from each stratum, chosen by the sample's seed. */
    private List<Point> stratified(List<Point> all) {
        Map<List<String>, List<Integer>> strata = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            List<String> key = new ArrayList<>();
            for (String s : sample.strata()) {
                key.add(all.get(i).labels().get(s));
            }
            strata.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        if (sample.count() > all.size()) {
            throw new IllegalArgumentException("the sample asks for " + sample.count() + " of only " + all.size() + " combinations");
        }
        SplittableRandom rng = new SplittableRandom(sample.seed());
        int per = sample.count() / strata.size();
        int extra = sample.count() % strata.size();
        boolean[] chosen = new boolean[all.size()];
        int k = 0;
        for (List<Integer> members : strata.values()) {
            int take = Math.min(members.size(), per + (k++ < extra ? 1 : 0));
            List<Integer> shuffled = new ArrayList<>(members);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Integer t = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, t);
            }
            shuffled.subList(0, take).forEach(i -> chosen[i] = true);
        }
        List<Point> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (chosen[i]) {
                picked.add(all.get(i));
            }
        }
        if (picked.size() < sample.count()) {
            throw new IllegalArgumentException("the sample asks for " + sample.count() + " combinations spread over " + strata.size()
                    + " strata, but their sizes allow only " + picked.size());
        }
        return picked;
    }

    /** The model, then 12 hex digits of SHA-256 over the options in a canonical form. */
    static String id(Map<String, Object> options) {
        Map<String, Object> canonical = new TreeMap<>();
        options.forEach((k, v) -> {
            if (!NOT_IN_ID.contains(k)) {
                canonical.put(k, v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())
                        ? (Object) n.longValue() : v instanceof Number n ? (Object) n.doubleValue() : v);
            }
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                    Json.strict().writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return options.getOrDefault("model", "trial") + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A grid from a JSON file of this shape; unknown fields are refused. */
    public static GridSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no grid file " + file);
        }
        GridSpec spec = parse(Files.readString(file), file.toString());
        Object dir = spec.base().get("dataDir");
        // A data folder given relative to the grid file: the trials run elsewhere, so it is made absolute here.
        if (dir != null && !Path.of(dir.toString()).isAbsolute()) {
            spec = spec.withDataDir(file.toAbsolutePath().getParent().resolve(dir.toString()).normalize());
        }
        return spec;
    }

    /** A built-in grid ({@link #PRESETS}) or a JSON file. */
    public static GridSpec named(String presetOrFile) throws IOException {
        if (PRESETS.contains(presetOrFile)) {
            try (InputStream in = GridSpec.class.getResourceAsStream("/grids/" + presetOrFile + ".json")) {
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), presetOrFile);
            }
        }
        if (presetOrFile.endsWith(".json")) {
            return read(Path.of(presetOrFile));
        }
        throw new IllegalArgumentException("unknown grid '" + presetOrFile + "'; presets: " + String.join(", ", PRESETS)
                + ", or a grid .json file");
    }

    /** The EBGAN paper's Table 1 grids, and the stratified sample of them measured on one machine. */
    public static final List<String> PRESETS = List.of("ebgan-table1", "ebgan-pt-table1", "gan-table1", "table1-sample");

    private static GridSpec parse(String json, String source) {
        try {
            return READER.readValue(json, GridSpec.class);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String problem = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            String at = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("(top level)");
            throw new IllegalArgumentException("grid " + source + " cannot be read at '" + at + "': " + problem);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("grid " + source + " is not JSON: " + e.getOriginalMessage());
        }
    }

    public String toJson() {
        try {
            return Json.strict().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
