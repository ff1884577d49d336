package org.ebgan4j.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.ebgan4j.io.AtomicFiles;
import org.ebgan4j.optim.Optimizer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A training run's complete state in one file: step, elapsed time, the game's own scalars, both
 * networks (batch-norm statistics included) and both optimisers' moments, followed by a CRC-32 of
 * all of it (format 2; format 1 had none and is still read). Written atomically, so a crash or a
 * diverged step never leaves a half-written or a bad checkpoint in place of the last good one; a
 * file damaged afterwards (truncated, a byte changed, another run's) is refused with a message that
 * says what is wrong with it, before any of it is used.
 */
public final class Checkpoint {

    private static final String MAGIC = "ebgan4j-checkpoint";
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint holds besides the tensors. */
    public record State(long step, double seconds, Map<String, Double> gameState) {}

    private Checkpoint() {}

    public static void save(Path file, State state, EnergyGan model, Optimizer optD, Optimizer optG,
            Optimizer optAux) throws IOException {
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
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
            new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
        });
    }

    /** Restores the networks and, when given, the optimisers; returns the saved state. */
    public static State load(Path file, EnergyGan model, Optimizer optD, Optimizer optG) throws IOException {
        return load(file, model, optD, optG, null);
    }

    /**
     * As {@link #load(Path, EnergyGan, Optimizer, Optimizer)}, with the auxiliary network's optimiser.
     *
     * @throws IllegalArgumentException when the file is not a whole, undamaged checkpoint of these networks
     */
    public static State load(Path file, EnergyGan model, Optimizer optD, Optimizer optG, Optimizer optAux)
            throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("the checkpoint " + file + " is a folder, not a file; remove it to train the run "
                    + "again from step 0");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no checkpoint at " + file + "; train the run first, or resume only a run that wrote one");
        }
        int version = verify(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.readUTF();
            in.readInt();
            Map<String, Object> header;
            State state;
            try {
                header = JSON.readValue(in.readUTF(), new TypeReference<LinkedHashMap<String, Object>>() {});
                state = JSON.convertValue(header, State.class);
            } catch (IOException | IllegalArgumentException e) {
                throw damaged(file, "its header is not readable");
            }
            try {
                model.loadParameters(in);
                if (optD != null) {
                    optD.load(in);
                    optG.load(in);
                    if (optAux != null) {
                        optAux.load(in);
                    }
                }
            } catch (EOFException e) {
                throw damaged(file, "it ends before the tensors of " + model.config().game().model() + "'s networks do");
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(file + " does not hold the networks that " + "config.json describes ("
                        + firstLine(e) + "): it was written for another architecture; use the checkpoint of this run");
            }
            if (version >= 2 && optD != null && in.available() != Long.BYTES) {
                throw new IllegalArgumentException(file + " holds more than the networks that config.json describes: "
                        + "it was written for another architecture; use the checkpoint of this run");
            }
            return state;
        }
    }

    /** The state a checkpoint holds (its step, time and game scalars), read without its tensors; the file is checked whole. */
    public static State state(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no checkpoint at " + file);
        }
        verify(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.readUTF();
            in.readInt();
            try {
                return JSON.readValue(in.readUTF(), State.class);
            } catch (IOException | IllegalArgumentException e) {
                throw damaged(file, "its header is not readable");
            }
        }
    }

    /** Checks the magic, the version and (format 2) the checksum over the whole file; returns the version. */
    private static int verify(Path file) throws IOException {
        long size = Files.size(file);
        int version;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            String magic;
            try {
                magic = in.readUTF();
                version = in.readInt();
            } catch (IOException e) {
                throw notACheckpoint(file, size);
            }
            if (!MAGIC.equals(magic)) {
                throw notACheckpoint(file, size);
            }
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException(file + " is a checkpoint of format " + version + ", which this ebgan4j does not "
                        + "read (1 to " + VERSION + ")" + (version > VERSION ? ": it was written by a newer ebgan4j" : ""));
            }
        }
        if (version == 1) {
            return version;
        }
        if (size < Long.BYTES + 2 + MAGIC.length() + 4) {
            throw damaged(file, "it is too short to hold its checksum");
        }
        CRC32 crc = new CRC32();
        long stored;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long remaining = size - Long.BYTES;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw damaged(file, "it changed while it was read");
                }
                crc.update(buffer, 0, n);
                remaining -= n;
            }
            stored = new DataInputStream(in).readLong();
        }
        if (stored != crc.getValue()) {
            throw damaged(file, "its checksum does not match its content: it was truncated, extended or changed after it was written");
        }
        return version;
    }

    private static IllegalArgumentException notACheckpoint(Path file, long size) {
        return new IllegalArgumentException(file + " is not an ebgan4j checkpoint (" + (size == 0 ? "it is empty"
                : "it does not start like one") + "); restore the run's own last.ckpt, or remove it to train the run again from step 0");
    }

    private static IllegalArgumentException damaged(Path file, String why) {
        return new IllegalArgumentException("the checkpoint " + file + " is damaged (" + why + "); restore it from a copy, "
                + "or remove it to train the run again from step 0");
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse("");
    }
}
