package org.ebgan4j.eval;

import org.ebgan4j.data.GaussianMixture2D;

/**
 * A regular grid over a 2D box and the distributions on it that the calibrated-EBGAN paper compares
 * (appendix B.2): histograms of points (p_emp, p_gen), the analytic density at the cell centres
 * (p_data) and a softmax of negative energies (p_disc). Cells are indexed {@code iy * nx + ix}.
 *
 * @param nearest whether a point outside the box counts in its nearest cell (the paper: "each sample
 *     assigned to its nearest cell"), or is left out
 */
public record GridHistogram(double xMin, double xMax, double yMin, double yMax, int nx, int ny, boolean nearest) {

    /** The paper's resolution. */
    public static final int PAPER_CELLS = 100;

    public GridHistogram {
        if (!(xMax > xMin) || !(yMax > yMin) || nx < 1 || ny < 1) {
            throw new IllegalArgumentException("a grid needs a non-empty box and at least one cell per axis");
        }
    }

    /** A grid that leaves points outside its box out. */
    public GridHistogram(double xMin, double xMax, double yMin, double yMax, int nx, int ny) {
        this(xMin, xMax, yMin, yMax, nx, ny, false);
    }

    /**
     * The authors' canvas (their {@code create_meshgrid}): per axis, the points' range pushed out by
     * half of its half-width on each side (1.5 times as wide, about the same centre), and
     * {@code nodes} evenly spaced nodes from edge to edge; each node is the centre of a cell, and
     * every point counts in its nearest node's cell, inside the canvas or not.
     */
    public static GridHistogram authorsCanvas(float[] xy, int nodes) {
        if (nodes < 2) {
            throw new IllegalArgumentException("the canvas needs at least 2 nodes per axis, got " + nodes);
        }
        double[] x = widened(xy, 0);
        double[] y = widened(xy, 1);
        double hx = (x[1] - x[0]) / (nodes - 1) / 2;
        double hy = (y[1] - y[0]) / (nodes - 1) / 2;
        return new GridHistogram(x[0] - hx, x[1] + hx, y[0] - hy, y[1] + hy, nodes, nodes, true);
    }

    /** One axis's range, each end pushed out by half the distance from the middle. */
    private static double[] widened(float[] xy, int axis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = axis; i < xy.length; i += 2) {
            lo = Math.min(lo, xy[i]);
            hi = Math.max(hi, xy[i]);
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the points have no extent along axis " + axis + "; a canvas needs some");
        }
        double mid = (lo + hi) / 2;
        return new double[] {lo + 0.5 * (lo - mid), hi + 0.5 * (hi - mid)};
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

    /** The cell of a point; outside the box, its nearest cell when {@link #nearest}, else -1. */
    public int cellOf(double x, double y) {
        if (!nearest && (x < xMin || x >= xMax || y < yMin || y >= yMax)) {
            return -1;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return -1;
        }
        int ix = (int) Math.max(0, Math.min(nx - 1, Math.floor((x - xMin) / (xMax - xMin) * nx)));
        int iy = (int) Math.max(0, Math.min(ny - 1, Math.floor((y - yMin) / (yMax - yMin) * ny)));
        return iy * nx + ix;
    }

    /** Fractions of the points (x, y pairs) in each cell; points without a cell ({@link #cellOf} -1) are left out. */
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
