package org.ebgan4j.plot;

import java.awt.Color;

/** A perceptually ordered colour scale (viridis, by linear interpolation between control points). */
public final class Colormap {

    private static final int[][] VIRIDIS = {
        {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
        {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}
    };

    private Colormap() {}

    /** The colour of {@code t} in [0, 1] (clamped; NaN maps to grey). */
    public static Color viridis(double t) {
        if (Double.isNaN(t)) {
            return Color.GRAY;
        }
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double f = u - i;
        int[] a = VIRIDIS[i];
        int[] b = VIRIDIS[i + 1];
        return new Color(mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
