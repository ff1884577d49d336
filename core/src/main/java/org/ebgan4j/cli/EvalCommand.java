package org.ebgan4j.cli;

import org.ebgan4j.eval.ComparisonTable;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.eval.LinearProbe;
import org.ebgan4j.eval.RunEvaluation;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan eval}: inception score, FID, ranking by energy and linear probe of a run or a file of samples. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a run (or samples from any tool): inception score, FID with the digit classifier, "
                + "ranking by energy, linear probe. Writes eval.json and PNGs and prints a table.")
final class EvalCommand implements Callable<Integer> {

    @Mixin DeviceOption device;

    static final class Source {
        @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'") Path run;
        @Option(names = "--samples", required = true,
                description = "a .npy or .csv file of generated images in [0, 1], one per row (0..255 and [-1, 1] are mapped, "
                        + "with a note); IS and FID only") Path samples;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--metrics", description = "comma-separated: is, fid, rank, probe (default: is,fid for samples; "
            + "is,fid,probe for a run, plus rank when it was trained on one class)")
    String metrics;

    @Option(names = "--classifier", description = "classifier folder (default: classifiers/<the run's data set>)") Path classifier;
    @Option(names = "--dataset", description = "data set of the samples, to find the default classifier (default: mnist-json)")
    String dataset;
    @Option(names = "--n", description = "generated samples for IS and FID (default: 10000; a run only)") Integer n;
    @Option(names = "--rank-size", description = "images to rank, half real (default: 1000; a run only)") Integer rankSize;
    @Option(names = "--probe-seeds", description = "seeds of the linear probe (default: 10; a run only)") Integer probeSeeds;
    @Option(names = "--seed", description = "seed of the generated samples (default: 0; a run only)") Long seed;
    @Option(names = "--out", description = "folder for eval.json and the pictures (default: the run folder, "
            + "or the samples file's folder)") Path out;

    @Override
    public Integer call() throws Exception {
        if (source.samples != null) {
            refuseWithSamples("--n", n);
            refuseWithSamples("--rank-size", rankSize);
            refuseWithSamples("--probe-seeds", probeSeeds);
            refuseWithSamples("--seed", seed);
        } else if (dataset != null) {
            throw new IllegalArgumentException("--dataset picks the classifier of --samples; a run's classifier follows its own data set"
                    + " (give --classifier to choose another)");
        }
        Evaluation.Settings settings = new Evaluation.Settings(metrics == null ? null : Evaluation.Metric.parseList(metrics),
                Options.orElse(n, 10_000), Options.orElse(seed, 0L), Options.orElse(rankSize, 1000), Options.orElse(probeSeeds, 10),
                LinearProbe.Config.defaults());
        Evaluation.Report report;
        Path folder;
        if (source.run != null) {
            folder = out != null ? out : source.run;
            report = RunEvaluation.ofRun(source.run, settings, classifier, folder);
        } else {
            folder = out != null ? out : source.samples.toAbsolutePath().getParent();
            report = RunEvaluation.ofSamples(source.samples, settings, classifier, dataset, folder);
        }
        System.out.print(ComparisonTable.format(List.of(report), List.of(folder.toString())));
        System.out.println("wrote " + folder.resolve(RunEvaluation.REPORT)
                + (report.ranking() != null ? " and " + String.join(", ", report.ranking().pictures()) : ""));
        return 0;
    }

    /** A file of samples is measured whole, by IS and FID: settings of generated samples would do nothing. */
    private static void refuseWithSamples(String option, Object value) {
        if (value != null) {
            throw new IllegalArgumentException(option + " " + value + " applies to --run (generated samples); a file of --samples "
                    + "is measured whole: leave " + option + " out");
        }
    }
}
