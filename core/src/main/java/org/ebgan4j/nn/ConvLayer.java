package org.ebgan4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One convolutional layer in the papers' notation, {@code (64)4c2s}: 64 feature maps, a 4x4 kernel,
 * stride 2. ebgan4j reads three kinds:
 * <ul>
 *   <li>{@code c}: convolution; padding {@code (k - s + 1) / 2} unless given, so {@code 4c2s} halves the side
 *       and {@code 3c1s} keeps it;</li>
 *   <li>{@code t}: transposed (fractionally-strided) convolution; padding {@code (k - s) / 2} unless given,
 *       so {@code 4t2s} doubles the side;</li>
 *   <li>{@code u}: nearest-neighbour upsampling by s, then a k x k convolution that keeps the side
 *       (BEGAN's alternative to transposed convolutions).</li>
 * </ul>
 * An explicit padding follows as {@code Np}: {@code (512)4t1s0p} maps 1x1 to 4x4 and {@code (1024)7c1s0p}
 * 7x7 to 1x1, which is how fully connected layers between maps and vectors are written.
 *
 * @param kind c, t or u
 * @param filters output maps
 * @param kernel kernel side
 * @param stride stride (c, t) or upsampling factor (u)
 * @param padding zero padding per side (for u, of the convolution after upsampling)
 */
public record ConvLayer(Kind kind, int filters, int kernel, int stride, int padding) {

    /** Layer kinds, by their letter in the notation. */
    public enum Kind {
        CONV('c'), TRANSPOSED('t'), UPSAMPLE('u');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(char letter) {
            for (Kind k : values()) {
                if (k.letter == letter) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown layer kind '" + letter + "'");
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\((\\d+)\\)(\\d+)([ctu])(\\d+)s(?:(\\d+)p)?");

    public ConvLayer {
        if (filters < 1 || kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("layer needs filters, kernel and stride >= 1 and padding >= 0; got ("
                    + filters + ")" + kernel + kind.letter + stride + "s" + padding + "p");
        }
        if (kind == Kind.TRANSPOSED && padding > kernel - 1) {
            throw new IllegalArgumentException("a transposed convolution's padding must be at most kernel - 1; got " + padding);
        }
    }

    /** Parses one token such as {@code (64)4c2s} or {@code (512)4t1s0p}. */
    public static ConvLayer parse(String token) {
        Matcher m = TOKEN.matcher(token.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read layer '" + token.trim() + "'; write (maps)kernel[c|t|u]stride's'[padding'p'], "
                    + "e.g. (64)4c2s, (128)4t2s, (64)3u2s, (512)4t1s0p");
        }
        int filters = Integer.parseInt(m.group(1));
        int kernel = Integer.parseInt(m.group(2));
        Kind kind = Kind.of(m.group(3).charAt(0));
        int stride = Integer.parseInt(m.group(4));
        if (kind == Kind.UPSAMPLE && kernel % 2 == 0 && m.group(5) == null) {
            throw new IllegalArgumentException("layer '" + token.trim() + "': after upsampling, only an odd kernel keeps the side "
                    + "with the default padding; use e.g. (" + filters + ")3u" + stride + "s, or give the padding (Np)");
        }
        int padding = m.group(5) != null ? Integer.parseInt(m.group(5)) : defaultPadding(kind, kernel, stride);
        return new ConvLayer(kind, filters, kernel, stride, padding);
    }

    /** Parses a dash-separated list such as {@code (64)4c2s-(128)4c2s-(256)4c2s}. */
    public static List<ConvLayer> parseList(String notation) {
        if (notation == null || notation.isBlank()) {
            throw new IllegalArgumentException("empty layer list; write e.g. (64)4c2s-(128)4c2s");
        }
        List<ConvLayer> layers = new ArrayList<>();
        for (String token : notation.split("-", -1)) {
            layers.add(parse(token));
        }
        return layers;
    }

    private static int defaultPadding(Kind kind, int kernel, int stride) {
        return switch (kind) {
            case CONV -> Math.max(0, (kernel - stride + 1) / 2);
            case TRANSPOSED -> Math.max(0, (kernel - stride) / 2);
            case UPSAMPLE -> (kernel - 1) / 2;
        };
    }

    /** The side of this layer's output for an input side; fails if the layer does not fit. */
    public long outputSide(long side) {
        long out = switch (kind) {
            case CONV -> (side + 2L * padding - kernel) / stride + 1;
            case TRANSPOSED -> (side - 1) * stride - 2L * padding + kernel;
            case UPSAMPLE -> side * stride + 2L * padding - kernel + 1;
        };
        if (out < 1 || (kind == Kind.CONV && side + 2L * padding < kernel)) {
            throw new IllegalArgumentException(this + " does not fit an input of side " + side);
        }
        return out;
    }

    /** Back to the notation, padding always written. */
    @Override
    public String toString() {
        return "(" + filters + ")" + kernel + kind.letter + stride + "s" + padding + "p";
    }

    /** A list back to the notation. */
    public static String toNotation(List<ConvLayer> layers) {
        return String.join("-", layers.stream().map(ConvLayer::toString).toList());
    }
}
