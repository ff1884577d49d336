package org.ebgan4j.game;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named scalars of one training step (losses, mean energies, PT), in insertion order. A value may be
 * {@link #defer deferred}: put as the engine's array and read back, with every other deferred value,
 * the first time any value is read; on a GPU in one copy, so that a step waits for the device once
 * per phase instead of once per metric (a GPU runs ahead of the host until a value is read).
 */
public final class StepMetrics {

    public static final String LOSS_D = "loss_d";
    public static final String LOSS_G = "loss_g";
    public static final String ENERGY_REAL = "energy_real";
    public static final String ENERGY_FAKE = "energy_fake";
    public static final String PULL_AWAY = "pt";
    public static final String MARGIN = "margin";

    private final Map<String, Double> values = new LinkedHashMap<>();
    private final List<String> pendingNames = new ArrayList<>();
    private final List<NDArray> pending = new ArrayList<>();

    public StepMetrics put(String name, double value) {
        values.put(name, value);
        return this;
    }

    /**
     * Records the one-element array {@code scalar} as {@code name}, read when a value is next read
     * ({@link #resolve}); it must stay open until then.
     */
    public StepMetrics defer(String name, NDArray scalar) {
        if (scalar.size() != 1) {
            throw new IllegalArgumentException("metric " + name + " must be one value, got an array of shape " + scalar.getShape());
        }
        values.put(name, Double.NaN);
        pendingNames.add(name);
        pending.add(scalar);
        return this;
    }

    /** Reads every deferred value back from the engine: on a GPU in one copy, on the CPU one by one. */
    public StepMetrics resolve() {
        if (pending.isEmpty()) {
            return this;
        }
        float[] read;
        if (pending.size() == 1 || !pending.get(0).getDevice().isGpu()) {
            // On the CPU a read waits for nothing: one copy per value, no gathering operations in the step.
            read = new float[pending.size()];
            for (int i = 0; i < read.length; i++) {
                read[i] = pending.get(i).getFloat();
            }
        } else {
            NDList flat = new NDList(pending.size());
            for (NDArray a : pending) {
                flat.add(a.flatten());
            }
            try (NDArray all = NDArrays.concat(flat)) {
                read = all.toFloatArray();
            } finally {
                flat.close();
            }
        }
        for (int i = 0; i < read.length; i++) {
            values.put(pendingNames.get(i), (double) read[i]);
        }
        pending.clear();
        pendingNames.clear();
        return this;
    }

    public double get(String name) {
        resolve();
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    public Map<String, Double> asMap() {
        resolve();
        return values;
    }

    /** The first metric that is NaN or infinite, or {@code null}. */
    public String firstNonFinite() {
        resolve();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }
}
