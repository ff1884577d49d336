package org.ebgan4j.train;

import org.ebgan4j.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one training run: {@code config.json} (everything needed to reproduce it),
 * {@code metrics.jsonl}, {@code samples/} and {@code checkpoints/last.ckpt}.
 */
public final class RunFolder {

    private final Path root;

    public RunFolder(Path root) {
        this.root = root;
    }

    /** {@code base}, or {@code base-2}, {@code base-3} ... the first that does not exist yet. */
    public static RunFolder free(Path base) {
        Path p = base;
        for (int i = 2; Files.exists(p); i++) {
            p = Path.of(base + "-" + i);
        }
        return new RunFolder(p);
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path checkpoint() {
        return root.resolve("checkpoints").resolve("last.ckpt");
    }

    public boolean hasCheckpoint() {
        return Files.isRegularFile(checkpoint());
    }

    /**
     * Prepares the folder for a fresh run, refusing one that already holds a run so that nothing
     * written before is overwritten by accident.
     */
    public void createFresh(TrainConfig config) throws IOException {
        if (Files.exists(config()) || hasCheckpoint()) {
            throw new IllegalArgumentException("run folder " + root + " already holds a run; "
                    + "pass `resume` to continue it, or choose another `out`");
        }
        Files.createDirectories(samples());
        Files.createDirectories(checkpoint().getParent());
        AtomicFiles.writeString(config(), config.toJson());
    }

    /** Reads the config of an existing run. */
    public TrainConfig readConfig() throws IOException {
        if (!Files.isRegularFile(config())) {
            throw new IllegalArgumentException("no run in " + root + " (config.json is missing); "
                    + "point `run` at a folder written by 'ebgan train'");
        }
        try {
            return TrainConfig.fromJson(config());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // An older version's config, or a hand edit: name the file and the field, not Jackson's internals.
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("(top level)");
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String problem = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            if (problem.startsWith("Missing creator property")) {
                problem = "the field is missing";
            }
            throw new IllegalArgumentException(config() + " cannot be read at '" + field + "' (" + problem
                    + "); it may come from an older ebgan4j or a hand edit: fix that field, or retrain the run");
        }
    }
}
