package org.ebgan4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing helpers that turn a bad value into a one-line message naming the option and its choices. */
final class Options {

    private Options() {}

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new IllegalArgumentException(option + " '" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
