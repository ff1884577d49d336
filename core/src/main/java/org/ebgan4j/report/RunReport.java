package org.ebgan4j.report;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.io.Json;
import org.ebgan4j.plot.MetricsCurves;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The report of one training run ({@code report.html} in its folder): the configuration, the curves of
 * every metric the run logged (losses; real and fake energy with the margin; the pull-away term,
 * k_t and M_global for BEGAN, the entropy terms and anything else, each on its own chart), the sample
 * grids and, for 2D data, the energy heatmaps over training, and the evaluation table of
 * {@code ebgan eval} when the run has one.
 */
public final class RunReport {

    /** The report's file name in a run folder. */
    public static final String FILE = "report.html";
    /** Most sample snapshots shown (evenly spaced, the last always). */
    static final int MAX_SNAPSHOTS = 8;

    /** The papers' names of metrics logged under shorter ones. */
    private static final Map<String, String> NAMES = Map.of("k", "k_t", "pt", "pull-away term");

    private RunReport() {}

    /** Writes {@code report.html} into {@code runDir} and returns it. */
    public static Path write(Path runDir) throws IOException {
        return write(runDir, runDir.resolve(FILE));
    }

    public static Path write(Path runDir, Path file) throws IOException {
        Path config = runDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no run in " + runDir + " (config.json is missing); point it at a folder written by 'ebgan train'");
        }
        JsonNode cfg = Json.mapper().readTree(config.toFile());
        String model = cfg.path("game").path("model").asText("?");
        String dataset = cfg.path("data").path("dataset").asText("?");
        HtmlReport page = new HtmlReport(model + " on " + dataset + ": " + runDir.toAbsolutePath().normalize().getFileName());
        page.muted("Run folder " + runDir.toAbsolutePath().normalize() + "; written by ebgan4j.");

        Path metrics = runDir.resolve("metrics.jsonl");
        List<JsonNode> lines = Files.isRegularFile(metrics) ? MetricsCurves.read(metrics) : List.of();
        page.heading("Summary");
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("model", model));
        summary.add(List.of("data", dataset));
        if (!lines.isEmpty()) {
            JsonNode last = lines.get(lines.size() - 1);
            for (Iterator<Map.Entry<String, JsonNode>> it = last.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                summary.add(List.of("last " + e.getKey(), number(e.getValue())));
            }
        }
        page.table("summary", List.of("field", "value"), summary, false);

        page.heading("Curves");
        if (lines.isEmpty()) {
            page.muted("No metrics were logged.");
        } else {
            curves(page, metrics, lines);
        }

        page.heading("Samples over training");
        List<Path> snapshots = snapshots(runDir.resolve("samples"));
        if (snapshots.isEmpty()) {
            page.muted("No sample pictures (the run was trained without them).");
        }
        for (Path png : snapshots) {
            String tag = png.getFileName().toString().replace(".png", "");
            // "step-0000200" reads "step 200"; "final" stays.
            String when = tag.replaceFirst("^step-0*(?=\\d)", "step ");
            page.image(png, "samples at " + when);
            page.image(png.resolveSibling(tag + "-energy.png"), "learned energy at " + when);
        }

        Path eval = runDir.resolve("eval.json");
        page.heading("Evaluation");
        if (Files.isRegularFile(eval)) {
            List<List<String>> rows = new ArrayList<>();
            flatten("", Json.mapper().readTree(eval.toFile()), rows);
            page.table("evaluation", List.of("measure", "value"), rows, true);
            for (String picture : List.of("ranking.png", "energy-histogram.png")) {
                page.image(runDir.resolve(picture), picture);
            }
        } else {
            page.muted("Not evaluated yet: 'ebgan eval --run " + runDir + "' adds the inception score, FID, ranking and probe here.");
        }

        page.heading("Configuration");
        page.preformatted(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(cfg));
        return page.write(file);
    }

    /** Losses, energies with the margin, then every other logged metric on its own chart. */
    private static void curves(HtmlReport page, Path metrics, List<JsonNode> lines) throws IOException {
        Set<String> fields = new LinkedHashSet<>();
        for (JsonNode line : lines) {
            line.fieldNames().forEachRemaining(fields::add);
        }
        fields.removeAll(List.of("step", "epoch", "seconds"));
        List<List<String>> groups = new ArrayList<>();
        groups.add(present(fields, "loss_d", "loss_g"));
        groups.add(present(fields, "energy_real", "energy_fake", "margin"));
        Set<String> left = new LinkedHashSet<>(fields);
        groups.forEach(left::removeAll);
        for (String f : left) {
            groups.add(List.of(f));
        }
        for (List<String> group : groups) {
            if (!group.isEmpty()) {
                String title = String.join(", ", group.stream().map(f -> NAMES.getOrDefault(f, f)).toList());
                page.image(MetricsCurves.render(metrics, title, group.toArray(String[]::new)), title + " by step");
            }
        }
    }

    private static List<String> present(Set<String> fields, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (fields.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The sample pictures by step (at most {@link #MAX_SNAPSHOTS}, evenly spaced), then the final one. */
    static List<Path> snapshots(Path samples) throws IOException {
        if (!Files.isDirectory(samples)) {
            return List.of();
        }
        List<Path> steps;
        Path last;
        try (Stream<Path> s = Files.list(samples)) {
            List<Path> all = s.filter(p -> p.getFileName().toString().endsWith(".png"))
                    .filter(p -> !p.getFileName().toString().endsWith("-energy.png")).sorted().toList();
            steps = all.stream().filter(p -> p.getFileName().toString().startsWith("step-")).toList();
            last = all.stream().filter(p -> p.getFileName().toString().equals("final.png")).findFirst().orElse(null);
        }
        List<Path> out = new ArrayList<>();
        int keep = last == null ? MAX_SNAPSHOTS : MAX_SNAPSHOTS - 1;
        if (steps.size() <= keep) {
            out.addAll(steps);
        } else {
            for (int i = 0; i < keep; i++) {
                out.add(steps.get((int) Math.round(i * (steps.size() - 1) / (double) (keep - 1))));
            }
        }
        if (last != null) {
            out.add(last);
        }
        return out;
    }

    /** Leaves of a JSON tree as (dotted path, value) rows. */
    static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows));
        } else if (node.isArray()) {
            if (node.size() <= 12 && !node.isEmpty() && node.get(0).isValueNode()) {
                List<String> values = new ArrayList<>();
                node.forEach(v -> values.add(number(v)));
                rows.add(List.of(prefix, String.join(", ", values)));
            } else if (node.size() <= 12) {
                for (int i = 0; i < node.size(); i++) {
                    flatten(prefix + "[" + i + "]", node.get(i), rows);
                }
            }
        } else {
            rows.add(List.of(prefix, number(node)));
        }
    }

    static String number(JsonNode v) {
        if (v.isFloatingPointNumber()) {
            return String.format(Locale.ROOT, "%.6g", v.asDouble());
        }
        return v.asText();
    }
}
