package org.ebgan4j.game;

import org.ebgan4j.objective.MarginPresets;
import org.ebgan4j.objective.MarginSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named game parameters given on top of a model's defaults, by the names {@code ebgan train} uses
 * ({@code margin}, {@code ptWeight}, {@code gamma}, ...). A spec reads the ones its model takes; the
 * ones left unread are reported, so that a parameter never silently does nothing.
 */
public final class GameParameters {

    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    private GameParameters(Map<String, Object> values) {
        this.values = values;
    }

    public static GameParameters none() {
        return new GameParameters(Map.of());
    }

    /** Parameters from a map; {@code null} values count as not given. */
    public static GameParameters of(Map<String, ?> given) {
        Map<String, Object> copy = new LinkedHashMap<>();
        given.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return new GameParameters(Collections.unmodifiableMap(copy));
    }

    /** The value given for {@code name}, or {@code fallback}; the value must be of {@code type}. */
    public <T> T get(String name, Class<T> type, T fallback) {
        read.add(name);
        return convert(name, values.get(name), type, fallback);
    }

    /**
     * A named value as {@code type}, or {@code fallback} when it is {@code null}: numbers convert to
     * Float, and whole ones to Integer and Long (values read from JSON come as any number type).
     */
    public static <T> T convert(String name, Object v, Class<T> type, T fallback) {
        if (v == null) {
            return fallback;
        }
        if (type == Float.class && v instanceof Number n) {
            return type.cast(n.floatValue());
        }
        if (type == Integer.class && v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return type.cast(n.intValue());
        }
        if (type == Long.class && v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return type.cast(n.longValue());
        }
        if (type.isEnum() && v instanceof String text) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (T constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(wanted)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("`" + name + "` '" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        if (!type.isInstance(v)) {
            String wanted = type == Integer.class || type == Long.class ? "a whole number" : type == Float.class ? "a number"
                    : type == Boolean.class ? "true or false" : type == String.class ? "a name" : "a " + type.getSimpleName();
            throw new IllegalArgumentException("`" + name + "` must be " + wanted + ", got " + v);
        }
        return type.cast(v);
    }

    public float getFloat(String name, float fallback) {
        return get(name, Float.class, fallback);
    }

    public int getInt(String name, int fallback) {
        return get(name, Integer.class, fallback);
    }

    /** Whether {@code name} was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The given parameters nobody has read, in the order given. */
    public List<String> unused() {
        List<String> left = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                left.add(name);
            }
        }
        return left;
    }

    /**
     * The margin schedule from {@code margin} (or {@code marginPreset}, the EBGAN paper's margin for
     * a data set), {@code marginDecay}, {@code marginEnd} and {@code marginDecaySteps}.
     */
    public MarginSchedule marginSchedule(float defaultMargin) {
        Float margin = get("margin", Float.class, null);
        String preset = get("marginPreset", String.class, null);
        if (margin != null && preset != null) {
            throw new IllegalArgumentException("give `margin` or `marginPreset`, not both");
        }
        float start = preset != null ? MarginPresets.of(preset) : margin != null ? margin : defaultMargin;
        MarginSchedule.Kind kind = get("marginDecay", MarginSchedule.Kind.class, MarginSchedule.Kind.CONSTANT);
        if (kind == MarginSchedule.Kind.CONSTANT && (has("marginEnd") || has("marginDecaySteps"))) {
            throw new IllegalArgumentException("`marginEnd` and `marginDecaySteps` need a `marginDecay` of linear or exponential");
        }
        float end = getFloat("marginEnd", start);
        long steps = get("marginDecaySteps", Long.class, 0L);
        return new MarginSchedule(kind, start, end, steps);
    }
}
