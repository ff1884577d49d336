package org.ebgan4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The report of a {@code bench2d} folder ({@code report.html}): the KL table beside the paper's
 * values, as {@code table.csv} holds it, and every cell's figure (true energy, learned energy and
 * samples).
 */
public final class Bench2dReport {

    private Bench2dReport() {}

    public static Path write(Path dir) throws IOException {
        return write(dir, dir.resolve(RunReport.FILE));
    }

    public static Path write(Path dir, Path file) throws IOException {
        Path csv = dir.resolve("table.csv");
        Path cells = dir.resolve("cells");
        if (!Files.isDirectory(cells)) {
            throw new IllegalArgumentException("no bench2d experiment in " + dir + " (cells/ is missing); point it at the folder of 'ebgan bench2d --out'");
        }
        HtmlReport page = new HtmlReport("Calibrated EBGANs on 2D mixtures: " + dir.toAbsolutePath().normalize().getFileName());
        page.muted("Experiment folder " + dir.toAbsolutePath().normalize() + ".");
        page.heading("KL divergences (Table 2)");
        if (Files.isRegularFile(csv)) {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                List<String> headers = Arrays.asList(lines.get(0).split(",", -1));
                List<List<String>> rows = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (!line.isBlank()) {
                        rows.add(Arrays.asList(line.split(",", -1)));
                    }
                }
                page.table("kl-table", headers, rows, true);
            }
            Path md = dir.resolve("table.md");
            if (Files.isRegularFile(md)) {
                page.preformatted(Files.readString(md, StandardCharsets.UTF_8));
            }
        } else {
            page.muted("No table yet: the experiment has not finished a cell.");
        }
        page.heading("Cells: true energy | learned energy | samples");
        List<Path> cellDirs;
        try (Stream<Path> s = Files.list(cells)) {
            cellDirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path cell : cellDirs) {
            page.image(cell.resolve("figure.png"), cell.getFileName().toString());
        }
        return page.write(file);
    }
}
