package org.ebgan4j.plot;

import java.awt.Color;

/**
 * Viridis, a perceptually uniform colour scale from dark violet to yellow, by linear interpolation
 * between eleven evenly spaced control points. Brightness grows monotonically, so it reads correctly
 * in grey print too.
 */
public final class Colormap {

    // Viridis sampled at t = 0, 0.1, ..., 1; with eleven points the piecewise-linear error is
    // below 2 levels per channel, invisible next to the real map.
    private static final int[][] VIRIDIS = {
        {0x44, 0x01, 0x54}, {0x48, 0x24, 0x75}, {0x41, 0x44, 0x87}, {0x35, 0x5F, 0x8D},
        {0x2A, 0x78, 0x8E}, {0x21, 0x91, 0x8C}, {0x22, 0xA8, 0x84}, {0x44, 0xBF, 0x70},
        {0x7A, 0xD1, 0x51}, {0xBD, 0xDF, 0x26}, {0xFD, 0xE7, 0x25}
    };

    /** The colour of values that are not a number. */
    public static final Color MISSING = new Color(0x80, 0x80, 0x80);

    private Colormap() {}

    /** The colour of {@code t} in [0, 1]; values outside are clamped, NaN is {@link #MISSING}. */
    public static Color viridis(double t) {
        return new Color(viridisRgb(t));
    }

    /** {@link #viridis} as a packed 0xRRGGBB value, for writing rasters directly. */
    public static int viridisRgb(double t) {
        if (Double.isNaN(t)) {
            return MISSING.getRGB() & 0xffffff;
        }
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double f = u - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return (mix(a[0], b[0], f) << 16) | (mix(a[1], b[1], f) << 8) | mix(a[2], b[2], f);
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
