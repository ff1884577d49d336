package org.ebgan4j.cli;

import com.fasterxml.jackson.databind.JsonNode;

import org.ebgan4j.eval.DigitClassifier;
import org.ebgan4j.eval.Evaluation;
import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.SampleWriters;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.MetricsLog;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ebgan eval}: inception score, FID, ranking by energy and linear probe of a run or a file of samples. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure a run (or samples from any tool): inception score, FID with the digit classifier, "
                + "ranking by energy, linear probe. Writes eval.json and PNGs and prints a table.")
final class EvalCommand implements Callable<Integer> {

    static final String REPORT = "eval.json";

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
        Evaluation.Report report;
        Path folder;
        if (source.run != null) {
            RunFolder run = new RunFolder(source.run);
            if (!Files.isRegularFile(run.config())) {
                throw new IllegalArgumentException(source.run + " is not a run folder (no config.json); train one with 'ebgan train'");
            }
            TrainConfig config = run.readConfig();
            folder = out != null ? out : source.run;
            Evaluation.Settings settings = settings(metrics != null ? metrics
                    : config.data().label() != null ? "is,fid,rank,probe" : "is,fid,probe");
            boolean needsClassifier = settings.metrics().contains(Evaluation.Metric.IS)
                    || settings.metrics().contains(Evaluation.Metric.FID);
            Path classifierDir = classifier != null ? classifier : ClassifierCommand.defaultFolder(config.data().dataset());
            try (EnergyGan model = EnergyGan.load(run);
                    DigitClassifier c = needsClassifier ? DigitClassifier.load(classifierDir) : null) {
                report = Evaluation.ofRun(source.run.toString(), model, lastStep(run), c, needsClassifier ? classifierDir : null,
                        settings, folder);
            }
        } else {
            Evaluation.Settings settings = settings(metrics != null ? metrics : "is,fid");
            if (settings.metrics().contains(Evaluation.Metric.RANK) || settings.metrics().contains(Evaluation.Metric.PROBE)) {
                throw new IllegalArgumentException("rank and probe need a model's energies; give --run instead of --samples");
            }
            folder = out != null ? out : source.samples.toAbsolutePath().getParent();
            Path classifierDir = classifier != null ? classifier
                    : ClassifierCommand.defaultFolder(dataset != null ? dataset : "mnist-json");
            try (DigitClassifier c = DigitClassifier.load(classifierDir)) {
                SampleWriters.Samples s = SampleWriters.read(source.samples);
                int pixels = c.side() * c.side();
                if (s.values().length == 0 || s.values().length % pixels != 0) {
                    throw new IllegalArgumentException(source.samples + " holds " + s.values().length + " values, not a whole number of "
                            + c.side() + "x" + c.side() + " images that the classifier reads");
                }
                float[] values = s.values();
                for (int i = 0; i < values.length; i++) {
                    // Files hold pixels in [0, 1]; the classifier reads the networks' [-1, 1].
                    values[i] = values[i] * 2f - 1f;
                }
                report = Evaluation.ofSamples(source.samples.toString(), values, values.length / pixels, c, settings, classifierDir);
            }
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(REPORT);
        report = report.over(readEarlier(file));
        AtomicFiles.writeString(file, TrainConfig.json().writeValueAsString(report) + "\n");
        CompareCommand.printTable(List.of(report), List.of(folder.toString()));
        System.out.println("wrote " + file + (report.ranking() != null ? " and " + String.join(", ", report.ranking().pictures()) : ""));
        return 0;
    }

    private Evaluation.Settings settings(String list) {
        Evaluation.Settings d = Evaluation.Settings.defaults(Evaluation.Metric.parseList(list));
        return new Evaluation.Settings(d.metrics(), n, seed, rankSize, probeSeeds, d.probe());
    }

    /** The report already in the folder, or {@code null} if there is none or it cannot be read (it is then replaced). */
    private static Evaluation.Report readEarlier(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return TrainConfig.json().readValue(file.toFile(), Evaluation.Report.class);
        } catch (java.io.IOException e) {
            System.err.println("ebgan: replacing unreadable " + file + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return null;
        }
    }

    private static Long lastStep(RunFolder run) throws java.io.IOException {
        if (!Files.isRegularFile(run.metrics())) {
            return null;
        }
        List<JsonNode> rows = MetricsLog.read(run.metrics());
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).path("step").asLong();
    }
}
