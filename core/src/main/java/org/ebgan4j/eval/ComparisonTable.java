package org.ebgan4j.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Evaluation reports side by side, as {@code ebgan compare} and {@code ebgan eval} print them: one column per report. */
public final class ComparisonTable {

    private ComparisonTable() {}

    /** One column per report, one row per measurement that at least one report has. */
    public static String format(List<Evaluation.Report> reports, List<String> names) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("", reports, r -> null, names));
        rows.add(row("model", reports, r -> r.model()));
        rows.add(row("data set", reports, r -> r.dataset()));
        rows.add(row("steps", reports, r -> r.steps() == null ? null : r.steps().toString()));
        rows.add(row("inception score (eq. 6)", reports, r -> r.inception() == null ? null : fmt(r.inception().score())));
        rows.add(row("exp(inception score)", reports, r -> r.inception() == null ? null
                : fmt(r.inception().expScore()) + " +- " + fmt(r.inception().splitStd())));
        rows.add(row("  real held-out (ceiling)", reports, r -> r.inceptionReal() == null ? null
                : fmt(r.inceptionReal().score()) + " / exp " + fmt(r.inceptionReal().expScore())));
        rows.add(row("FID (classifier features)", reports, r -> r.fid() == null ? null : fmt(r.fid())));
        rows.add(row("  real vs real (floor)", reports, r -> r.fidReal() == null ? null : fmt(r.fidReal())));
        rows.add(row("rank: real in top half", reports, r -> r.ranking() == null ? null : pct(r.ranking().realFractionTopHalf())));
        rows.add(row("rank: real in bottom half", reports, r -> r.ranking() == null ? null
                : pct(r.ranking().realFractionBottomHalf())));
        rows.add(row("probe error, trained D", reports, r -> r.probe() == null ? null : probe(r.probe().trained())));
        rows.add(row("  paper, Table 3 (MNIST)", reports, r -> published(r, r.model(), r.probe() == null ? null : r.probe().trained())));
        rows.add(row("probe error, random D", reports, r -> r.probe() == null ? null : probe(r.probe().random())));
        rows.add(row("  paper, Table 3 (MNIST)", reports, r -> published(r, PublishedResults.RANDOM,
                r.probe() == null ? null : r.probe().random())));
        rows.add(row("classifier accuracy", reports, r -> r.classifier() == null ? null : pct(r.classifier().heldOutAccuracy())));
        rows.removeIf(cells -> cells != rows.get(0) && java.util.Arrays.stream(cells, 1, cells.length).allMatch(c -> c.equals("-")));
        int[] widths = new int[reports.size() + 1];
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[0] + "s", cells[0]) : String.format("  %" + widths[i] + "s", cells[i]));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String[] row(String label, List<Evaluation.Report> reports, Function<Evaluation.Report, String> cell) {
        String[] cells = new String[reports.size() + 1];
        cells[0] = label;
        for (int i = 0; i < reports.size(); i++) {
            String c = cell.apply(reports.get(i));
            cells[i + 1] = c == null ? "-" : c;
        }
        return cells;
    }

    private static String[] row(String label, List<Evaluation.Report> reports, Function<Evaluation.Report, String> cell,
            List<String> names) {
        String[] cells = row(label, reports, cell);
        for (int i = 0; i < names.size(); i++) {
            cells[i + 1] = names.get(i);
        }
        return cells;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
    }

    /**
     * The calibrated-EBGAN paper's probe error for this model on digits (its Table 3), and whether ours
     * is lower; null where the paper has no such figure.
     */
    private static String published(Evaluation.Report r, String column, Evaluation.ProbeErrors ours) {
        if (ours == null || !PublishedResults.digits(r.dataset())) {
            return null;
        }
        return PublishedResults.calibratedTable3(column).map(p -> probe(p) + (ours.mean() < p.mean() ? ", ours lower"
                : ours.mean() > p.mean() ? ", ours higher" : ", equal")).orElse(null);
    }

    private static String probe(Evaluation.ProbeErrors e) {
        return String.format(java.util.Locale.ROOT, "%.2f%% +- %.2f (min %.2f%%)", 100 * e.mean(), 100 * e.std(), 100 * e.min());
    }
}
