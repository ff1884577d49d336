package org.ebgan4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.experiments.grid.GridReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports rendered by a real browser, Debian's headless Chromium: the page's script ran without
 * errors, every embedded image decoded, the tables have their rows, a sort link sorts, and a
 * screenshot of each page is kept in {@code target/report-screenshots/}. Skipped where Chromium is not
 * installed, unless {@code EBGAN4J_REQUIRE_BROWSER} is set (CI sets it).
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private static void requireBrowser() {
        if (System.getenv("EBGAN4J_REQUIRE_BROWSER") != null) {
            assertThat(CHROMIUM).as("CI installs chromium (apt-get install chromium)").isExecutable();
        }
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    }

    /** The DOM after the page loaded and its script ran. */
    private String dom(Path page, String fragment) throws Exception {
        return chromium("--dump-dom", page.toUri() + fragment);
    }

    private void screenshot(Path page, String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "report-screenshots"));
        Path png = shots.resolve(name + ".png").toAbsolutePath();
        chromium("--screenshot=" + png, "--window-size=1280,1800", page.toUri().toString());
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(10_000);
        assertThat(head[1]).isEqualTo((byte) 'P');
    }

    private String chromium(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--virtual-time-budget=10000"));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(new File("/dev/null"))
                .redirectInput(new File("/dev/null")).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String body(String dom) {
        Matcher m = Pattern.compile("<body[^>]*>").matcher(dom);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private static void assertRendered(String dom, int images) {
        String body = body(dom);
        assertThat(body).contains("data-ready=\"true\"").contains("data-errors=\"0\"")
                .contains("data-images=\"" + images + "\"").contains("data-images-ok=\"" + images + "\"");
        assertThat(dom).contains("<div id=\"script-errors\"></div>");
    }

    @Test
    void aRunsReportRendersWithEveryImage() throws Exception {
        requireBrowser();
        Path report = RunReport.write(ReportFixtures.run(dir.resolve("run")));
        int images = ReportTest.count(Files.readString(report), "<img ");
        assertThat(images).isGreaterThanOrEqualTo(10);
        String dom = dom(report, "");
        assertRendered(dom, images);
        assertThat(dom).contains("k_t by step");
        screenshot(report, "run");
    }

    @Test
    void aGridsReportRendersAndSortsByAColumn() throws Exception {
        requireBrowser();
        GridReport grid = ReportFixtures.grid();
        Path figures = dir.resolve("figures");
        grid.write(figures);
        Path report = GridHtmlReport.write(grid, figures, dir.resolve("grid.html"), "store");
        String dom = dom(report, "");
        assertRendered(dom, 3);
        assertThat(rows(dom, "results")).hasSize(6);
        // Sorted by the inception score (column 9), largest first: EBGAN-PT 1.7, EBGAN 1.5, 0.9, GAN 0.2, 0.1, the failure.
        List<String> sorted = rows(dom(report, "#sort=results:9:desc"), "results");
        assertThat(sorted.stream().map(r -> r.split("\t")[0]).toList())
                .containsExactly("ebgan-pt-a", "ebgan-a", "ebgan-b", "gan-a", "gan-b", "gan-c");
        List<String> ascending = rows(dom(report, "#sort=results:9"), "results");
        assertThat(ascending.get(0).split("\t")[0]).isEqualTo("gan-b");
        screenshot(report, "grid");
    }

    @Test
    void aBench2dReportRenders() throws Exception {
        requireBrowser();
        Path report = Bench2dReport.write(ReportFixtures.bench2d(dir.resolve("b")));
        String dom = dom(report, "");
        assertRendered(dom, 2);
        assertThat(rows(dom, "kl-table")).hasSize(2);
        screenshot(report, "bench2d");
    }

    /** The body rows of a table in the DOM, cells joined by tabs. */
    private static List<String> rows(String dom, String id) {
        int start = dom.indexOf("<table id=\"" + id + "\"");
        assertThat(start).isNotNegative();
        String table = dom.substring(dom.indexOf("<tbody>", start), dom.indexOf("</tbody>", start));
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(String.join("\t", cells));
        }
        return rows;
    }
}
