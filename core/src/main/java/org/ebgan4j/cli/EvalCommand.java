package org.ebgan4j.cli;

import org.ebgan4j.eval.ComparisonTable;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.eval.LinearProbe;
import org.ebgan4j.eval.RunEvaluation;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan eval}: inception score, FID, ranking by energy and linear probe of a run or a file of samples. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a run (or samples from any tool): inception score, FID with the digit classifier, "
                + "ranking by energy, linear probe. Writes eval.json and PNGs and prints a table.")
final class EvalCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--run", required = true, description = "run folder written by 'ebgan train'") Path run;
        @Option(names = "--samples", required = true,
                description = "a .npy or .csv file of generated images in [0, 1], one row per image (IS and FID only)") Path samples;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--metrics", description = "comma-separated: is, fid, rank, probe (default: is,fid for samples; "
            + "is,fid,probe for a run, plus rank when it was trained on one class)")
    String metrics;

    @Option(names = "--classifier", description = "classifier folder (default: classifiers/<the run's data set>)") Path classifier;
    @Option(names = "--dataset", description = "data set of the samples, to find the default classifier (default: mnist-json)")
    String dataset;
    @Option(names = "--n", defaultValue = "10000", description = "generated samples for IS and FID (default: ${DEFAULT-VALUE})") int n;
    @Option(names = "--rank-size", defaultValue = "1000", description = "images to rank, half real (default: ${DEFAULT-VALUE})")
    int rankSize;
    @Option(names = "--probe-seeds", defaultValue = "10", description = "seeds of the linear probe (default: ${DEFAULT-VALUE})")
    int probeSeeds;
    @Option(names = "--seed", defaultValue = "0", description = "seed of the generated samples (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--out", description = "folder for eval.json and the pictures (default: the run folder, "
            + "or the samples file's folder)") Path out;

    @Override
    public Integer call() throws Exception {
        Evaluation.Settings settings = new Evaluation.Settings(metrics == null ? null : Evaluation.Metric.parseList(metrics),
                n, seed, rankSize, probeSeeds, LinearProbe.Config.defaults());
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
}
