package org.ebgan4j.cli;

import org.ebgan4j.report.Bench2dReport;
import org.ebgan4j.report.GridHtmlReport;
import org.ebgan4j.report.RunReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ebgan report}: one self-contained HTML page of a run, a grid or a bench2d experiment. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML file (pictures and data inside, no network needed) of a run folder, a grid's "
                + "results store or a bench2d folder: configuration, curves, samples, energy heatmaps, tables.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "a run (from 'ebgan train'), a grid store or a bench2d folder")
    Path folder;

    @Option(names = "--out", description = "the HTML file (default: report.html in the folder)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            throw new IllegalArgumentException("--out " + out + " does not end in .html; give the name of the page to write, like report.html");
        }
        Path written = write(folder, out);
        System.out.println("wrote " + written + " (" + Files.size(written) / 1024 + " KiB); open it in a browser");
        return 0;
    }

    /** The report of whatever {@code folder} holds, to {@code out} or the folder's {@code report.html}. */
    static Path write(Path folder, Path out) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder; give a run folder, a grid store or a bench2d folder");
        }
        Path file = out != null ? out : folder.resolve(RunReport.FILE);
        if (Files.isRegularFile(folder.resolve("config.json"))) {
            return RunReport.write(folder, file);
        }
        if (Files.isRegularFile(folder.resolve("results.jsonl")) || Files.isRegularFile(folder.resolve("spec.json"))) {
            Path written = GridHtmlReport.write(folder);
            if (out != null) {
                Files.copy(written, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return out;
            }
            return written;
        }
        if (Files.isDirectory(folder.resolve("cells"))) {
            return Bench2dReport.write(folder, file);
        }
        throw new IllegalArgumentException(folder + " holds no run (config.json), grid (results.jsonl) or bench2d experiment (cells/)");
    }

    /** Writes the report at the end of a job; a failure is a warning, never the job's failure. */
    static void atEnd(Path folder, PrintStream log) {
        try {
            log.println("report: " + write(folder, null));
        } catch (IOException | RuntimeException e) {
            log.println("ebgan: warning: no report written for " + folder + ": " + Failures.oneLine(String.valueOf(e.getMessage())));
        }
    }
}
