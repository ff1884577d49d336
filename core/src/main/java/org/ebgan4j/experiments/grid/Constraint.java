package org.ebgan4j.experiments.grid;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition every trial of a grid must meet, written as {@code a OP b} where each side is an
 * option's name or a number (or a quoted name for text options) and OP is one of
 * {@code < <= > >= == !=}: {@code "layersG <= 4"}, {@code "sizeG >= sizeD"}, {@code "model != 'gan'"}.
 * An option a trial does not set fails every comparison but {@code !=}.
 */
public record Constraint(String text) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\S+)\\s*(<=|>=|==|!=|<|>)\\s*(\\S+)\\s*");

    public Constraint {
        if (text == null || !FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("a constraint reads 'a <= b' (an option or a number each side; < <= > >= == !=), got '"
                    + text + "'");
        }
    }

    /** Whether a trial with these options meets the constraint. */
    public boolean test(Map<String, Object> options) {
        Matcher m = FORM.matcher(text);
        m.matches();
        Object a = value(m.group(1), options);
        Object b = value(m.group(3), options);
        String op = m.group(2);
        if (a == null || b == null) {
            return op.equals("!=");
        }
        if (a instanceof Number x && b instanceof Number y) {
            int c = Double.compare(x.doubleValue(), y.doubleValue());
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "==" -> c == 0;
                default -> c != 0;
            };
        }
        boolean equal = String.valueOf(a).equals(String.valueOf(b));
        return switch (op) {
            case "==" -> equal;
            case "!=" -> !equal;
            default -> throw new IllegalArgumentException("constraint '" + text + "' orders text; only == and != compare names");
        };
    }

    private static Object value(String token, Map<String, Object> options) {
        if (token.length() >= 2 && (token.startsWith("'") && token.endsWith("'") || token.startsWith("\"") && token.endsWith("\""))) {
            return token.substring(1, token.length() - 1);
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            Object v = options.get(token);
            return v instanceof Boolean bool ? (bool ? 1.0 : 0.0) : v;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
