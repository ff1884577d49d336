package org.ebgan4j.eval;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.train.EnergyGan;
import org.ebgan4j.train.MetricsLog;
import org.ebgan4j.train.RunFolder;
import org.ebgan4j.train.TrainConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An evaluation that reads its inputs from files and leaves {@code eval.json} (and the ranking's
 * pictures) in a folder: a run folder, or a file of samples from any tool. Measuring again merges
 * into the report already there, so that one metric can be redone without losing the others.
 */
public final class RunEvaluation {

    /** The report's file name in its folder. */
    public static final String REPORT = "eval.json";

    private static final Logger LOG = LoggerFactory.getLogger(RunEvaluation.class);

    private RunEvaluation() {}

    /** Where {@code ebgan classifier train} puts the classifier of a data set, relative to the working directory. */
    public static Path defaultClassifier(String dataset) {
        return Path.of("classifiers", Path.of(dataset).getFileName().toString());
    }

    /**
     * Measures a trained run.
     *
     * @param settings what to measure; {@code null} metrics mean {@link Evaluation.Metric#defaultsFor}
     * @param classifierDir the classifier of IS and FID, or {@code null} for the data set's default
     * @param outDir where eval.json and the pictures go, or {@code null} for the run folder
     */
    public static Evaluation.Report ofRun(Path runDir, Evaluation.Settings settings, Path classifierDir, Path outDir)
            throws IOException {
        RunFolder run = new RunFolder(runDir);
        if (!Files.isRegularFile(run.config())) {
            throw new IllegalArgumentException(runDir + " is not a run folder (no config.json); train one with 'ebgan train'");
        }
        TrainConfig config = run.readConfig();
        Set<Evaluation.Metric> metrics = settings.metrics() != null ? settings.metrics() : Evaluation.Metric.defaultsFor(config);
        Evaluation.Settings s = settings.withMetrics(metrics);
        boolean needsClassifier = metrics.contains(Evaluation.Metric.IS) || metrics.contains(Evaluation.Metric.FID);
        Path classifier = classifierDir != null ? classifierDir : defaultClassifier(config.data().dataset());
        Path folder = outDir != null ? outDir : runDir;
        Files.createDirectories(folder);
        Evaluation.Report report;
        try (EnergyGan model = EnergyGan.load(run); DigitClassifier c = needsClassifier ? DigitClassifier.load(classifier) : null) {
            report = Evaluation.ofRun(runDir.toString(), model, lastStep(run), c, needsClassifier ? classifier : null, s, folder);
        }
        return writeMerged(folder, report);
    }

    /**
     * Measures generated images from a {@code .npy} or {@code .csv} file, one image in [0, 1] per row:
     * the inception score and FID only.
     *
     * @param dataset the data set whose default classifier to use when {@code classifierDir} is {@code null}
     * @param outDir where eval.json goes, or {@code null} for the samples' folder
     */
    public static Evaluation.Report ofSamples(Path samples, Evaluation.Settings settings, Path classifierDir, String dataset,
            Path outDir) throws IOException {
        Set<Evaluation.Metric> metrics = settings.metrics() != null ? settings.metrics() : Evaluation.Metric.forSamples();
        if (metrics.contains(Evaluation.Metric.RANK) || metrics.contains(Evaluation.Metric.PROBE)) {
            throw new IllegalArgumentException("rank and probe need a model's energies; give `run` instead of `samples`");
        }
        Evaluation.Settings s = settings.withMetrics(EnumSet.copyOf(metrics));
        Path folder = outDir != null ? outDir : samples.toAbsolutePath().getParent();
        Path classifier = classifierDir != null ? classifierDir : defaultClassifier(dataset != null ? dataset : "mnist-json");
        Evaluation.Report report;
        try (DigitClassifier c = DigitClassifier.load(classifier)) {
            float[] values = SampleInputs.read(samples, SampleInputs.Reader.ofClassifier(c.side()), System.err);
            int pixels = c.side() * c.side();
            if (values.length / pixels < 2) {
                throw new IllegalArgumentException(samples + " holds 1 image; the inception score and FID need at least 2 "
                        + "(thousands for a stable score)");
            }
            for (int i = 0; i < values.length; i++) {
                // Files hold pixels in [0, 1]; the classifier reads the networks' [-1, 1].
                values[i] = values[i] * 2f - 1f;
            }
            report = Evaluation.ofSamples(samples.toString(), values, values.length / pixels, c, s, classifier);
        }
        Files.createDirectories(folder);
        return writeMerged(folder, report);
    }

    /** The report in a folder. */
    public static Evaluation.Report read(Path folder) throws IOException {
        Path file = folder.resolve(REPORT);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(folder + " has no " + REPORT + "; evaluate it first (RunEvaluation.ofRun, or ebgan eval)");
        }
        try {
            return Json.mapper().readValue(file.toFile(), Evaluation.Report.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(file + " is not an evaluation report that can be read" + at
                    + "; measure the run again with 'ebgan eval'");
        }
    }

    /**
     * Writes {@code report} over the folder's {@code eval.json}, keeping the measurements it lacks from
     * an earlier report of the same source and step ({@link Evaluation.Report#over}); returns what was written.
     */
    public static Evaluation.Report writeMerged(Path folder, Evaluation.Report report) throws IOException {
        Path file = folder.resolve(REPORT);
        Evaluation.Report merged = report.over(readEarlier(file));
        AtomicFiles.writeString(file, Json.mapper().writeValueAsString(merged) + "\n");
        return merged;
    }

    /** The report already in the folder, or {@code null} if there is none or it cannot be read (it is then replaced). */
    private static Evaluation.Report readEarlier(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().readValue(file.toFile(), Evaluation.Report.class);
        } catch (IOException e) {
            LOG.warn("replacing unreadable {} ({})", file, e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }

    private static Long lastStep(RunFolder run) throws IOException {
        if (!Files.isRegularFile(run.metrics())) {
            return null;
        }
        List<com.fasterxml.jackson.databind.JsonNode> rows = MetricsLog.read(run.metrics());
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).path("step").asLong();
    }
}
