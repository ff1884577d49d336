package org.ebgan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ebgan4j.data.SyntheticDigits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the catalogue's bad inputs are tried against, built once in a sandbox: generated IDX digits, a
 * classifier, a trained 2D run and a trained image run (small networks, so that hashing the sandbox
 * around every case stays cheap), and a folder for each case's own bad files.
 */
final class CatalogueFixtures {

    final Path sandbox;
    final Path idx;
    final Path classifier;
    final Path run2d;
    final Path runImage;
    private final Path inputs;
    private final AtomicInteger counter = new AtomicInteger();

    private CatalogueFixtures(Path sandbox) {
        this.sandbox = sandbox;
        this.idx = sandbox.resolve("idx");
        this.classifier = sandbox.resolve("classifier");
        this.run2d = sandbox.resolve("run2d");
        this.runImage = sandbox.resolve("run-image");
        this.inputs = sandbox.resolve("inputs");
    }

    static CatalogueFixtures build(Path sandbox) throws IOException {
        CatalogueFixtures f = new CatalogueFixtures(sandbox);
        SyntheticDigits.writeIdx(f.idx, 20, 5, 1);
        ok(CliRun.of("classifier", "train", "--dataset", "mnist", "--data-dir", f.idx.toString(), "--epochs", "1", "--batch", "32",
                "--shift", "0", "--quiet", "--out", f.classifier.toString()));
        ok(CliRun.of("train", "--model", "ebgan-pt", "--dataset", "gaussians4", "--max-samples", "512", "--steps", "20", "--batch", "32",
                "--checkpoint-every", "10", "--sample-every", "1000", "--quiet", "--out", f.run2d.toString()));
        ok(CliRun.of("train", "--model", "ebgan", "--dataset", "mnist", "--data-dir", f.idx.toString(), "--steps", "6", "--batch", "16",
                "--size-g", "32", "--size-d", "16", "--checkpoint-every", "3", "--sample-every", "1000", "--quiet",
                "--out", f.runImage.toString()));
        Files.createDirectories(f.inputs);
        return f;
    }

    private static void ok(CliRun r) {
        assertThat(r.code()).as(r.err()).isZero();
    }

    /** A fresh path in the inputs folder that does not exist yet, ending in {@code suffix}. */
    Path fresh(String suffix) {
        return inputs.resolve("case-" + counter.incrementAndGet() + suffix);
    }

    /** A new file in the inputs folder holding {@code content}. */
    Path text(String suffix, String content) throws IOException {
        return Files.writeString(fresh(suffix), content, StandardCharsets.UTF_8);
    }

    /** A new file in the inputs folder holding {@code content}. */
    Path bytes(String suffix, byte[] content) throws IOException {
        return Files.write(fresh(suffix), content);
    }

    /** A copy of a run folder, for cases that damage one. */
    Path copyOf(Path run) throws IOException {
        Path copy = fresh("-run");
        try (var files = Files.walk(run)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(run.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /** A path under the inputs folder that is never created (for --out of refused commands). */
    String out(String suffix) {
        return fresh(suffix).toString();
    }
}
