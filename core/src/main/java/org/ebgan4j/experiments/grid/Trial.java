package org.ebgan4j.experiments.grid;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a grid: the train options that define it (the grid's base with its axes' values),
 * an id derived from those options, a seed derived from the grid's seed and the id, and the label
 * of each axis value (for reports).
 *
 * @param options everything {@link org.ebgan4j.train.TrainConfigBuilder#option} is given, the seed included
 */
public record Trial(String id, long seed, Map<String, Object> options, Map<String, String> labels) {

    public Trial {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** The model this trial trains. */
    public String model() {
        return String.valueOf(options.get("model"));
    }

    /** An option as a number, or {@code fallback} when the trial does not set it. */
    public double number(String option, double fallback) {
        Object v = options.get(option);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }
}
