package org.ebgan4j.cli;

import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.train.TrainConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;

/** {@code ebgan compare}: the {@code eval.json} of several runs side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Print the evaluations (eval.json) of several runs side by side.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders (or folders) holding an eval.json")
    List<Path> runs;

    @Override
    public Integer call() throws Exception {
        List<Evaluation.Report> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path run : runs) {
            Path file = run.resolve(EvalCommand.REPORT);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(run + " has no " + EvalCommand.REPORT + "; run 'ebgan eval --run " + run + "' first");
            }
            reports.add(TrainConfig.json().readValue(file.toFile(), Evaluation.Report.class));
            names.add(run.getFileName() == null ? run.toString() : run.getFileName().toString());
        }
        printTable(reports, names);
        return 0;
    }

    /** One column per report, one row per measurement that at least one report has. */
    static void printTable(List<Evaluation.Report> reports, List<String> names) {
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
        rows.add(row("probe error, random D", reports, r -> r.probe() == null ? null : probe(r.probe().random())));
        rows.add(row("classifier accuracy", reports, r -> r.classifier() == null ? null : pct(r.classifier().heldOutAccuracy())));
        rows.removeIf(cells -> cells != rows.get(0) && java.util.Arrays.stream(cells, 1, cells.length).allMatch(c -> c.equals("-")));
        int[] widths = new int[reports.size() + 1];
        for (String[] cells : rows) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        for (String[] cells : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                line.append(i == 0 ? String.format("%-" + widths[0] + "s", cells[0]) : String.format("  %" + widths[i] + "s", cells[i]));
            }
            System.out.println(line.toString().stripTrailing());
        }
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

    private static String probe(Evaluation.ProbeErrors e) {
        return String.format(java.util.Locale.ROOT, "%.2f%% +- %.2f (min %.2f%%)", 100 * e.mean(), 100 * e.std(), 100 * e.min());
    }
}
