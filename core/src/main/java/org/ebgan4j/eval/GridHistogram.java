package org.ebgan4j.eval;

import org.ebgan4j.data.GaussianMixture2D;

/**
 * A regular grid over a 2D box and the distributions on it that the calibrated-EBGAN paper compares
 * (appendix B.2): histograms of points (p_emp, p_gen), the analytic density at the cell centres
 * (p_data) and a softmax of negative energies (p_disc). Cells are indexed {@code iy * nx + ix}.
 */
public record GridHistogram(double xMin, double xMax, double yMin, double yMax, int nx, int ny) {

    /** The paper's resolution. */
    public static final int PAPER_CELLS = 100;

    public GridHistogram {
        if (!(xMax > xMin) || !(yMax > yMin) || nx < 1 || ny < 1) {
            throw new IllegalArgumentException("a grid needs a non-empty box and at least one cell per axis");
        }
    }

    /** A square grid of {@code cells x cells} over the bounding box of points, widened by 5% per side. */
    public static GridHistogram around(float[] xy, int cells) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : xy) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = 0.05 * (hi - lo);
        return new GridHistogram(lo - pad, hi + pad, lo - pad, hi + pad, cells, cells);
    }

    public int cells() {
        return nx * ny;
    }

    /** The cell of a point, or -1 outside the box. */
    public int cellOf(double x, double y) {
        if (x < xMin || x >= xMax || y < yMin || y >= yMax) {
            return -1;
        }
        int ix = Math.min(nx - 1, (int) ((x - xMin) / (xMax - xMin) * nx));
        int iy = Math.min(ny - 1, (int) ((y - yMin) / (yMax - yMin) * ny));
        return iy * nx + ix;
    }

    /** Fractions of the points (x, y pairs) in each cell; points outside the box are left out. */
    public double[] histogram(float[] xy) {
        double[] p = new double[cells()];
        int inside = 0;
        for (int i = 0; i + 1 < xy.length; i += 2) {
            int c = cellOf(xy[i], xy[i + 1]);
            if (c >= 0) {
                p[c]++;
                inside++;
            }
        }
        for (int c = 0; c < p.length; c++) {
            p[c] = inside == 0 ? 0 : p[c] / inside;
        }
        return p;
    }

    /** Cell centres as x, y pairs. */
    public float[] centres() {
        float[] xy = new float[2 * cells()];
        for (int iy = 0; iy < ny; iy++) {
            for (int ix = 0; ix < nx; ix++) {
                int c = iy * nx + ix;
                xy[2 * c] = (float) (xMin + (ix + 0.5) * (xMax - xMin) / nx);
                xy[2 * c + 1] = (float) (yMin + (iy + 0.5) * (yMax - yMin) / ny);
            }
        }
        return xy;
    }

    /** The mixture's density at the cell centres, normalised over the grid. */
    public double[] analytic(GaussianMixture2D mixture) {
        float[] xy = centres();
        double[] p = new double[cells()];
        for (int c = 0; c < p.length; c++) {
            p[c] = mixture.density(xy[2 * c], xy[2 * c + 1]);
        }
        return normalise(p);
    }

    /** {@code softmax(-E)} over the cells, computed stably (shifted by the minimum energy). */
    public static double[] softmaxOfNegative(float[] energies) {
        double min = Double.POSITIVE_INFINITY;
        for (float e : energies) {
            min = Math.min(min, e);
        }
        double[] p = new double[energies.length];
        for (int c = 0; c < p.length; c++) {
            p[c] = Math.exp(-(energies[c] - min));
        }
        return normalise(p);
    }

    static double[] normalise(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
