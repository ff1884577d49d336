package org.ebgan4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.List;

class PublishedResultsTest {

    @Test
    void table3IsThePapersProbeErrorAsFractions() {
        Evaluation.ProbeErrors nn = PublishedResults.calibratedTable3("egan-ent-nn").orElseThrow();
        assertThat(nn.min()).isCloseTo(0.0116, within(1e-12));
        assertThat(nn.mean()).isCloseTo(0.0119, within(1e-12));
        assertThat(nn.std()).isCloseTo(0.00024, within(1e-12));
        assertThat(PublishedResults.calibratedTable3(PublishedResults.RANDOM).orElseThrow().mean()).isCloseTo(0.03409, within(1e-12));
        assertThat(PublishedResults.calibratedTable3("began")).isEmpty();
    }

    @Test
    void theComparisonTablePrintsTable3BesideOursOnDigitsOnly() {
        Evaluation.Probe probe = new Evaluation.Probe(256, 9000, 1000, 10, new Evaluation.ProbeErrors(0.011, 0.0125, 0.001),
                new Evaluation.ProbeErrors(0.03, 0.031, 0.002));
        Evaluation.Report digits = new Evaluation.Report("run", "gan", "mnist-json", 100L, null, null, null, null, null, null, probe);
        Evaluation.Report fashion = new Evaluation.Report("run", "gan", "fashion-mnist", 100L, null, null, null, null, null, null,
                probe);
        String table = ComparisonTable.format(List.of(digits, fashion), List.of("a", "b"));
        // GAN: the paper's 1.259% mean against our 1.25%; random weights 3.409% against our 3.10%.
        assertThat(table).contains("paper, Table 3 (MNIST)").contains("1.26% +- 0.03 (min 1.22%), ours lower")
                .contains("3.41% +- 0.12 (min 3.26%), ours lower");
        assertThat(table.lines().filter(l -> l.contains("paper, Table 3")).toList())
                .allMatch(l -> l.stripTrailing().endsWith("-"), "no published figure for Fashion-MNIST");
    }

    @Test
    void aReferenceTableWithAWordForANumberIsRefusedByName() {
        assertThatThrownBy(() -> PublishedResults.parseTable(List.of("dataset,model,KL(p_gen||p_emp)", "spirals,gan,high"), "x.csv"))
                .hasMessage("x.csv: 'high' under KL(p_gen||p_emp) is not a number");
    }
}
