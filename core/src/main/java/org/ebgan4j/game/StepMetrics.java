package org.ebgan4j.game;

import java.util.LinkedHashMap;
import java.util.Map;

/** Named scalars of one training step (losses, mean energies, PT), in insertion order. */
public final class StepMetrics {

    public static final String LOSS_D = "loss_d";
    public static final String LOSS_G = "loss_g";
    public static final String ENERGY_REAL = "energy_real";
    public static final String ENERGY_FAKE = "energy_fake";
    public static final String PULL_AWAY = "pt";
    public static final String MARGIN = "margin";

    private final Map<String, Double> values = new LinkedHashMap<>();

    public StepMetrics put(String name, double value) {
        values.put(name, value);
        return this;
    }

    public double get(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    public Map<String, Double> asMap() {
        return values;
    }

    /** The first metric that is NaN or infinite, or {@code null}. */
    public String firstNonFinite() {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                return e.getKey();
            }
        }
        return null;
    }
}
