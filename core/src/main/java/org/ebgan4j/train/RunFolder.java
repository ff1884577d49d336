package org.ebgan4j.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.io.Json;
import org.ebgan4j.nn.ComputeDevice;
import org.ebgan4j.nn.MklIntelCpuShim;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of one training run: {@code config.json} (everything needed to reproduce it, and the
 * device and engine thread count it trained with), {@code metrics.jsonl}, {@code samples/} and
 * {@code checkpoints/last.ckpt}.
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

    /** Whether the folder holds a run: its {@code config.json}. */
    public boolean holdsRun() {
        return Files.isRegularFile(config());
    }

    /**
     * Prepares the folder for a fresh run, refusing one that already holds a run, and a folder that
     * holds other files, so that nothing written before is overwritten by accident.
     */
    public void createFresh(TrainConfig config) throws IOException {
        createFresh(config, ComputeDevice.current());
    }

    /** As {@link #createFresh(TrainConfig)}, for a run that trains on {@code device}. */
    public void createFresh(TrainConfig config, Device device) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("the run folder " + root + " is a file; give a new or empty folder as `out`");
        }
        if (holdsRun() || hasCheckpoint()) {
            throw new IllegalArgumentException("run folder " + root + " already holds a run; "
                    + "pass `resume` to continue it, or choose another `out`");
        }
        if (Files.isDirectory(root)) {
            removeTemporaries();
            try (Stream<Path> entries = Files.list(root)) {
                List<String> names = entries.map(p -> p.getFileName().toString()).sorted().limit(3).toList();
                if (!names.isEmpty()) {
                    throw new IllegalArgumentException("the folder " + root + " is not empty (" + String.join(", ", names)
                            + ") and holds no run (no config.json): give a new or empty folder as `out`; nothing in it was changed");
                }
            }
        }
        // The config first: a run killed at any moment after this line is resumable.
        Files.createDirectories(root);
        writeConfig(config, device);
        Files.createDirectories(samples());
        Files.createDirectories(checkpoint().getParent());
    }

    /** As {@link #writeConfig(TrainConfig, Device)}, for a run on this process's {@link ComputeDevice}. */
    public void writeConfig(TrainConfig config) throws IOException {
        writeConfig(config, ComputeDevice.current());
    }

    /**
     * Writes {@code config.json}: the config, and what the bits of a run depend on besides it: the
     * device it trains on ({@code cpu} or {@code gpu:N}, and the hardware in words), the engine's
     * thread count (PyTorch's CPU reductions split their sums by thread) and whether MKL ran its AVX2
     * kernels through {@link MklIntelCpuShim} (they sum in another order than its generic ones).
     */
    public void writeConfig(TrainConfig config, Device device) throws IOException {
        ObjectNode tree = (ObjectNode) Json.strict().readTree(config.toJson());
        tree.putObject("engine").put("device", ComputeDevice.name(device)).put("deviceName", ComputeDevice.describe(device))
                .put("threads", engineThreads()).put("mklIntelCpuShim", MklIntelCpuShim.loaded());
        AtomicFiles.writeString(config(), Json.strict().writeValueAsString(tree));
    }

    /** The device recorded in {@code config.json} ({@code cpu} or {@code gpu:N}), or null when the run's config does not say (older runs). */
    public String recordedDevice() throws IOException {
        JsonNode v = Json.strict().readTree(config().toFile()).path("engine").path("device");
        return v.isTextual() ? v.textValue() : null;
    }

    /** The thread count recorded in {@code config.json}, or 0 when the run's config does not say (older runs). */
    public int recordedThreads() throws IOException {
        JsonNode tree = Json.strict().readTree(config().toFile());
        return tree.path("engine").path("threads").asInt(0);
    }

    /** Whether the run recorded MKL's AVX2 kernels through the shim; null when its config does not say (older runs). */
    public Boolean recordedMklIntelCpuShim() throws IOException {
        JsonNode v = Json.strict().readTree(config().toFile()).path("engine").path("mklIntelCpuShim");
        return v.isBoolean() ? v.booleanValue() : null;
    }

    /** The intra-op threads of the PyTorch engine in this process. */
    public static int engineThreads() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }

    /**
     * Removes the temporary files that writes interrupted by a crash left beside their targets
     * ({@link AtomicFiles}); returns how many.
     */
    public int removeTemporaries() throws IOException {
        int removed = 0;
        for (Path dir : List.of(root, checkpoint().getParent(), samples())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.filter(AtomicFiles::isTemporary).toList()) {
                    Files.deleteIfExists(p);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Reads the config of an existing run. */
    public TrainConfig readConfig() throws IOException {
        if (Files.isRegularFile(root)) {
            throw new IllegalArgumentException(root + " is a file, not a run folder; point `run` at a folder written by 'ebgan train'");
        }
        if (!Files.isRegularFile(config())) {
            throw new IllegalArgumentException("no run in " + root + " (config.json is missing); "
                    + "point `run` at a folder written by 'ebgan train'");
        }
        try {
            return TrainConfig.fromJson(config());
        } catch (JsonMappingException e) {
            // An older version's config, or a hand edit: name the file and the field, not Jackson's internals.
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("(top level)");
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String problem = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            if (problem.startsWith("Missing creator property")) {
                problem = "the field is missing";
            } else if (problem.startsWith("Unrecognized field")) {
                problem = "no such field";
            } else if (cause instanceof IllegalArgumentException) {
                problem = cause.getMessage();
            }
            throw new IllegalArgumentException(config() + " cannot be read at '" + field + "' (" + problem
                    + "); it may come from an older ebgan4j or a hand edit: fix that field, or retrain the run");
        } catch (JsonProcessingException | CharConversionException e) {
            String where = e instanceof JsonProcessingException j && j.getLocation() != null
                    ? " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() : "";
            throw new IllegalArgumentException(config() + " is not valid JSON" + where + " (" + firstLine(e)
                    + "); restore the file written by 'ebgan train', or retrain the run");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(config() + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("").strip();
    }
}
