package org.ebgan4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ebgan4j.experiments.grid.GridReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pages' content, read as text: what a browser is shown (ReportBrowserTest renders them). */
class ReportTest {

    @TempDir
    Path dir;

    static int count(String html, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aRunsReportHoldsItsCurvesSnapshotsAndConfigAndNeedsNoOtherFile() throws Exception {
        Path run = ReportFixtures.run(dir.resolve("run"));
        String html = Files.readString(RunReport.write(run));
        // BEGAN logs k_t and M_global: each gets a chart, beside the losses and the energies.
        assertThat(html).contains("k_t by step").contains("m_global by step").contains("loss_d, loss_g by step")
                .contains("energy_real, energy_fake by step");
        // Snapshots at steps 20 and 40 and the final one, each with its energy heatmap (2D data).
        assertThat(html).contains("samples at step 20").contains("samples at step 40").contains("samples at final")
                .contains("learned energy at step 20").contains("learned energy at final");
        assertThat(html).contains("&quot;model&quot; : &quot;began&quot;");
        assertThat(html).contains("Not evaluated yet");
        // Every picture is inside the page; nothing refers to another file or the network.
        assertThat(count(html, "<img ")).isEqualTo(count(html, "src=\"data:image/png;base64,"));
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("src=\"file");
    }

    @Test
    void aGridsReportTablesEveryTrialAndTheBestFirst() throws Exception {
        GridReport grid = ReportFixtures.grid();
        Path figures = dir.resolve("figures");
        grid.write(figures);
        String html = Files.readString(GridHtmlReport.write(grid, figures, dir.resolve("grid.html"), "store"));
        String results = html.substring(html.indexOf("<table id=\"results\""), html.indexOf("</table>", html.indexOf("<table id=\"results\"")));
        assertThat(count(results, "<tr>")).isEqualTo(1 + 6);
        assertThat(results).contains("class=\"sortable\"");
        String best = html.substring(html.indexOf("<table id=\"best\""), html.indexOf("</table>", html.indexOf("<table id=\"best\"")));
        // Five scored trials, best first: EBGAN-PT 1.7, EBGAN 1.5, ...; the failure has no score.
        assertThat(count(best, "<tr>")).isEqualTo(1 + 5);
        assertThat(best.indexOf("ebgan-pt-a")).isLessThan(best.indexOf("ebgan-a<"));
        assertThat(best.indexOf("ebgan-a<")).isLessThan(best.indexOf("ebgan-b"));
        assertThat(count(html, "<img ")).isEqualTo(3);
    }

    @Test
    void aBench2dReportHoldsTheTableAndEveryCell() throws Exception {
        Path b = ReportFixtures.bench2d(dir.resolve("b"));
        String html = Files.readString(Bench2dReport.write(b));
        assertThat(html).contains("<table id=\"kl-table\"").contains("<td class=\"n\">0.80</td>");
        assertThat(count(html, "<img ")).isEqualTo(2);
        assertThat(html).contains("gaussians4-egan-ent-nn");
    }

    @Test
    void textIsEscapedAndAFolderWithoutARunIsRefused() {
        HtmlReport page = new HtmlReport("a <b> & \"c\"");
        page.table("t", List.of("<h>"), List.of(List.of("</td><script>")), false);
        assertThat(page.html()).contains("a &lt;b&gt; &amp; &quot;c&quot;").contains("&lt;/td&gt;&lt;script&gt;")
                .doesNotContain("<h>");
        assertThatThrownBy(() -> RunReport.write(dir)).hasMessageContaining("config.json is missing");
        assertThatThrownBy(() -> Bench2dReport.write(dir)).hasMessageContaining("cells/ is missing");
    }
}
