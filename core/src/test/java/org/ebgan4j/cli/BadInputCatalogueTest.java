package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-input catalogue: every entry must exit with its code and one line naming the problem,
 * print no stack trace and leave every file of the sandbox as it was. The totals are printed at the end.
 */
class BadInputCatalogueTest {

    /** A part of the catalogue: the cases of one kind of input, with the files they need made in the fixtures. */
    interface Section {
        List<BadInput> cases(CatalogueFixtures f) throws IOException;
    }

    @TempDir
    static Path sandbox;

    private static CatalogueFixtures fixtures;
    private static final Catalogue.Totals TOTALS = new Catalogue.Totals();

    @BeforeAll
    static void buildFixtures() throws IOException {
        fixtures = CatalogueFixtures.build(sandbox);
    }

    @AfterAll
    static void printTotals() {
        System.out.println(TOTALS);
        assertThat(TOTALS.cases.get()).as("catalogue size").isGreaterThanOrEqualTo(150);
    }

    @TestFactory
    Stream<DynamicTest> cliValues() throws IOException {
        return section(new CliValueCases());
    }

    @TestFactory
    Stream<DynamicTest> runFolders() throws IOException {
        return section(new RunFolderCases());
    }

    @TestFactory
    Stream<DynamicTest> checkpoints() throws IOException {
        return section(new CheckpointCases());
    }

    @TestFactory
    Stream<DynamicTest> dataFiles() throws IOException {
        return section(new DataFileCases());
    }

    @TestFactory
    Stream<DynamicTest> sampleFiles() throws IOException {
        return section(new SampleFileCases());
    }

    @TestFactory
    Stream<DynamicTest> mixtureFiles() throws IOException {
        return section(new MixtureFileCases());
    }

    private static Stream<DynamicTest> section(Section section) throws IOException {
        return section.cases(fixtures).stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Catalogue.Outcome o = Catalogue.run(sandbox, c);
            TOTALS.add(o);
            assertThat(o.problems()).as("%s: ebgan %s%n  -> exit %d, stderr: %s%n  stdout: %s", c, String.join(" ", c.args()),
                    o.run().code(), o.run().err().strip(), o.run().out().strip()).isEmpty();
        }));
    }
}
