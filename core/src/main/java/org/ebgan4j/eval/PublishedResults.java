package org.ebgan4j.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The papers' published numbers, shipped as class-path resources ({@code /papers/}), for printing
 * beside ours: the calibrated-EBGAN paper's (Dai et al., ICLR 2017) Table 2, the KL divergences of
 * the 2D experiment, and its Table 3, the linear probe's test error on MNIST.
 */
public final class PublishedResults {

    /** Table 2 in the layout of {@code bench2d}'s {@code table.csv}. */
    public static final String TABLE2 = "/papers/cegan-table2.csv";

    /** Table 3: min, mean and std of the probe's test error (%) per model, and for random weights. */
    public static final String TABLE3 = "/papers/cegan-table3.csv";

    /** Table 3's column of a discriminator with random weights. */
    public static final String RANDOM = "random";

    private PublishedResults() {}

    /**
     * Table 2 keyed {@code dataset/model} (ebgan4j's names: gaussians4, biased2, spirals; gan,
     * egan-const, egan-ent-vi, egan-ent-nn), each row keyed by divergence label, {@code KL(p_gen||p_emp)}.
     */
    public static Map<String, Map<String, Double>> calibratedTable2() {
        return parseTable(lines(TABLE2), TABLE2);
    }

    /**
     * Rows of a table in the layout of {@code table.csv}: a header {@code dataset,model,<labels>...}
     * and one row per cell, empty fields allowed; keyed {@code dataset/model}.
     */
    public static Map<String, Map<String, Double>> parseTable(List<String> lines, String source) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; expected a header 'dataset,model,KL(p_gen||p_emp),...'");
        }
        String[] header = lines.get(0).split(",");
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 2) {
                throw new IllegalArgumentException(source + ": row '" + line + "' needs a data set and a model before its values");
            }
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 2; i < Math.min(header.length, cells.length); i++) {
                if (!cells[i].isBlank()) {
                    try {
                        row.put(header[i].trim(), Double.parseDouble(cells[i].trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + ": '" + cells[i].trim() + "' under " + header[i].trim()
                                + " is not a number");
                    }
                }
            }
            table.put(cells[0].trim() + "/" + cells[1].trim(), row);
        }
        return table;
    }

    /**
     * Table 3's errors, as fractions, for a model of ebgan4j's naming (egan-ent-nn, egan-const, gan)
     * or {@link #RANDOM}; empty for a model the table has no column for.
     */
    public static Optional<Evaluation.ProbeErrors> calibratedTable3(String model) {
        List<String> lines = lines(TABLE3);
        String[] header = lines.get(0).split(",");
        int column = -1;
        for (int i = 1; i < header.length; i++) {
            if (header[i].trim().equalsIgnoreCase(model)) {
                column = i;
            }
        }
        if (column < 0) {
            return Optional.empty();
        }
        Map<String, Double> byStatistic = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            byStatistic.put(cells[0].trim(), Double.parseDouble(cells[column].trim()) / 100);
        }
        return Optional.of(new Evaluation.ProbeErrors(byStatistic.get("min"), byStatistic.get("mean"), byStatistic.get("std")));
    }

    /** Whether a data set is handwritten digits, on which Table 3 was measured. */
    public static boolean digits(String dataset) {
        String d = dataset == null ? "" : dataset.toLowerCase(Locale.ROOT);
        return d.equals("mnist") || d.equals("mnist-json");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = PublishedResults.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
