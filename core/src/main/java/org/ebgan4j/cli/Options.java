package org.ebgan4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parsing helpers, and the translation of the library's parameter names into this command line's flags. */
final class Options {

    /** The library names a parameter as {@code `layersG`}; its flag is {@code --layers-g}. */
    private static final Pattern PARAMETER = Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`");

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

    /** A library message with every {@code `parameter`} written as the flag that sets it. */
    static String translate(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(flag(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code layersG} to {@code --layers-g}. */
    static String flag(String parameter) {
        StringBuilder flag = new StringBuilder("--");
        for (char c : parameter.toCharArray()) {
            if (Character.isUpperCase(c)) {
                flag.append('-').append(Character.toLowerCase(c));
            } else {
                flag.append(c);
            }
        }
        return flag.toString();
    }

    /** {@code --layers-g} to {@code layersG}: the library's name of what a flag sets. */
    static String parameter(String flag) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : flag.replaceFirst("^-+", "").toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
