package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.SyntheticDigits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ebgan gamma-sweep} end to end on generated IDX digits. */
class GammaSweepCommandTest {

    @Test
    @Tag("slow")
    void aSweepTrainsOneBeganPerGammaAndTablesThem(@TempDir Path tmp) throws Exception {
        Path data = SyntheticDigits.writeIdx(tmp.resolve("idx"), 40, 10, 1).toAbsolutePath();
        Path cls = tmp.resolve("cls");
        CliRun c = CliRun.of("classifier", "train", "--dataset", "mnist", "--data-dir", data.toString(), "--epochs", "2", "--batch", "32",
                "--shift", "0", "--quiet", "--out", cls.toString());
        assertThat(c.code()).as(c.err()).isZero();
        Path out = tmp.resolve("sweep");
        CliRun s = CliRun.of("gamma-sweep", "--gammas", "0.3,1.0", "--dataset", "mnist", "--data-dir", data.toString(), "--classifier",
                cls.toString(), "--steps", "12", "--batch", "10", "--hold-out", "20", "--samples", "200", "--out", out.toString());
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("gamma 0.30: 12 steps", "gamma 1.00: 12 steps", "| 0.30 | 12 |", "| 1.00 | 12 |");
        assertThat(out.resolve("gamma-0.3/config.json")).exists();
        assertThat(Files.readString(out.resolve("gamma-sweep.md"))).contains("mean pairwise distance");
        // The runs differ by gamma alone: same seed, so the same first step, then k_t moves differently.
        assertThat(Files.readString(out.resolve("gamma-0.3/config.json"))).contains("0.3");
        // Run again: nothing is retrained, the table is the same.
        CliRun again = CliRun.of("gamma-sweep", "--gammas", "0.3,1.0", "--dataset", "mnist", "--data-dir", data.toString(),
                "--classifier", cls.toString(), "--steps", "12", "--batch", "10", "--hold-out", "20", "--samples", "200", "--out",
                out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out().substring(again.out().indexOf("| gamma"))).isEqualTo(s.out().substring(s.out().indexOf("| gamma")));
        CliRun bad = CliRun.of("gamma-sweep", "--gammas", "1.5", "--classifier", cls.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--gammas must each lie in (0, 1]");
    }
}
