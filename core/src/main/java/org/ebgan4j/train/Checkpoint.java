package org.ebgan4j.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.optim.Optimizer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run's complete state in one file: step, elapsed time, the game's own scalars, both
 * networks (batch-norm statistics included) and both optimisers' moments. Written atomically, so a
 * crash or a diverged step never leaves a half-written or a bad checkpoint in place of the last good one.
 */
public final class Checkpoint {

    private static final String MAGIC = "ebgan4j-checkpoint";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint holds besides the tensors. */
    public record State(long step, double seconds, Map<String, Double> gameState) {}

    private Checkpoint() {}

    public static void save(Path file, State state, EnergyGan model, Optimizer optD, Optimizer optG,
            Optimizer optAux) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(JSON.writeValueAsString(state));
            model.saveParameters(out);
            optD.save(out);
            optG.save(out);
            if (optAux != null) {
                optAux.save(out);
            }
            out.flush();
        });
    }

    /** Restores the networks and, when given, the optimisers; returns the saved state. */
    public static State load(Path file, EnergyGan model, Optimizer optD, Optimizer optG) throws IOException {
        return load(file, model, optD, optG, null);
    }

    /** As {@link #load(Path, EnergyGan, Optimizer, Optimizer)}, with the auxiliary network's optimiser. */
    public static State load(Path file, EnergyGan model, Optimizer optD, Optimizer optG, Optimizer optAux)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no checkpoint at " + file + "; train the run first, or resume only a run that wrote one");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic = in.readUTF();
            int version = in.readInt();
            if (!MAGIC.equals(magic) || version != VERSION) {
                throw new IOException(file + " is not an ebgan4j checkpoint of version " + VERSION);
            }
            Map<String, Object> header = JSON.readValue(in.readUTF(), new TypeReference<LinkedHashMap<String, Object>>() {});
            model.loadParameters(in);
            if (optD != null) {
                optD.load(in);
                optG.load(in);
                if (optAux != null) {
                    optAux.load(in);
                }
            }
            return JSON.convertValue(header, State.class);
        }
    }
}
