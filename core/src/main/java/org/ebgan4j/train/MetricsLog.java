package org.ebgan4j.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ebgan4j.game.StepMetrics;
import org.ebgan4j.io.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code metrics.jsonl}: one JSON object per logged step (step, epoch, losses, energies, seconds). */
public final class MetricsLog implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter writer;

    public MetricsLog(Path file) {
        this.file = file;
    }

    /**
     * Drops the lines logged after {@code step}, so that a run resumed from the checkpoint of that
     * step logs each later step exactly once.
     */
    public void truncateAfter(long step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                if (JSON.readTree(line).path("step").asLong() <= step) {
                    kept.add(line);
                }
            } catch (IOException e) {
                // A line cut by a crash mid-write: drop it, it is re-logged after the resume.
            }
        }
        AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    public void append(long step, long epoch, StepMetrics metrics, double seconds) throws IOException {
        if (writer == null) {
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("step", step);
        line.put("epoch", epoch);
        for (Map.Entry<String, Double> e : metrics.asMap().entrySet()) {
            line.put(e.getKey(), e.getValue());
        }
        line.put("seconds", Math.round(seconds * 1000) / 1000.0);
        writer.write(JSON.writeValueAsString(line));
        writer.write('\n');
        writer.flush();
    }

    /** Every line of a metrics file, parsed. */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
