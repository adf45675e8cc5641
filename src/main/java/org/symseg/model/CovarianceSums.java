package org.symseg.model;

import java.io.Serializable;

/**
 * Running sums from which a covariance matrix follows: the count, the sum of each channel and of
 * each product of two channels. The sums are exact ({@link FixedSums}: values are rounded to
 * multiples of 2^-18, about 4e-6, far below the spread of any descriptor channel), so they do
 * not depend on the order or grouping of the rows: tiles can be summed where they lie, in any
 * partitioning, and merged in any order, and the covariance comes out bit for bit the same.
 */
public final class CovarianceSums implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final double SCALE = 0x1p18;

    private final int dimensions;
    private long count;
    private final FixedSums sums;
    /** Upper triangle, row by row: channel i times channels i..d-1 start at {@code rowStart[i]}. */
    private final FixedSums products;
    private final int[] rowStart;

    public CovarianceSums(int dimensions) {
        this.dimensions = dimensions;
        this.sums = new FixedSums(dimensions);
        this.products = new FixedSums(dimensions * (dimensions + 1) / 2);
        this.rowStart = new int[dimensions];
        for (int i = 1; i < dimensions; i++) {
            rowStart[i] = rowStart[i - 1] + dimensions - (i - 1);
        }
    }

    /** Adds the row of {@code dimensions} values at {@code data[offset ...]}. */
    public void add(float[] data, int offset) {
        addAll(data, new int[] {offset});
    }

    /**
     * Adds the rows at the given offsets of {@code data}, four at a time, so each product sum is
     * loaded and stored once per four rows (the loop is bound by that traffic). The products are
     * gathered in a square whose row i starts at column i, so that the inner loop indexes the
     * product sums and the rows alike and C2 compiles it to SIMD (with the triangle's own offsets it
     * did not: 2.3 times slower); they move into the exact sums before they could stop being exact
     * and at the end.
     */
    public void addAll(float[] data, int[] offsets) {
        double[][] square = offsets.length < 4 ? null : new double[dimensions][dimensions];
        double bound = 0;
        double[][] rows = new double[4][dimensions];
        double[] largest = new double[4];
        int r = 0;
        for (; r + 4 <= offsets.length; r += 4) {
            double increase = 0;
            for (int k = 0; k < 4; k++) {
                largest[k] = quantize(data, offsets[r + k], rows[k]);
                increase += largest[k] * largest[k];
            }
            if (bound + increase >= FixedSums.EXACT) {
                moveProducts(square, bound);
                bound = 0;
            }
            bound += increase;
            addFour(square, rows, largest);
        }
        for (; r < offsets.length; r++) {
            double m = quantize(data, offsets[r], rows[0]);
            addOne(rows[0], m);
        }
        moveProducts(square, bound);
        count += offsets.length;
    }

    /** The row's values as integers of 2^-18 in {@code q}; returns a bound on their magnitudes. */
    private double quantize(float[] data, int offset, double[] q) {
        for (int j = 0; j < dimensions; j++) {
            q[j] = data[offset + j];
        }
        return FixedSums.quantize(q, 0, dimensions, SCALE, q);
    }

    private void addOne(double[] a, double largest) {
        double[] s = sums.pending(largest);
        double[] p = products.pending(largest * largest);
        for (int i = 0; i < dimensions; i++) {
            double ai = a[i];
            s[i] += ai;
            int at = rowStart[i] - i;
            for (int j = i; j < dimensions; j++) {
                p[at + j] += ai * a[j];
            }
        }
    }

    private void addFour(double[][] square, double[][] rows, double[] largest) {
        double[] s = sums.pending(largest[0] + largest[1] + largest[2] + largest[3]);
        double[] a = rows[0];
        double[] b = rows[1];
        double[] c = rows[2];
        double[] d = rows[3];
        for (int i = 0; i < dimensions; i++) {
            double ai = a[i];
            double bi = b[i];
            double ci = c[i];
            double di = d[i];
            s[i] += ai + bi + ci + di;
            double[] p = square[i];
            for (int j = i; j < dimensions; j++) {
                p[j] += ai * a[j] + bi * b[j] + ci * c[j] + di * d[j];
            }
        }
    }

    /** Adds the square's upper triangle, whose sums are at most {@code bound}, and clears it. */
    private void moveProducts(double[][] square, double bound) {
        if (square == null || bound == 0) {
            return;
        }
        double[] p = products.pending(bound);
        for (int i = 0; i < dimensions; i++) {
            int at = rowStart[i] - i;
            for (int j = i; j < dimensions; j++) {
                p[at + j] += square[i][j];
                square[i][j] = 0;
            }
        }
    }

    public CovarianceSums merge(CovarianceSums other) {
        count += other.count;
        sums.merge(other.sums);
        products.merge(other.products);
        return this;
    }

    public long count() {
        return count;
    }

    /** The sample covariance matrix (divided by n - 1). */
    public double[][] covariance() {
        double[][] c = new double[dimensions][dimensions];
        double n = count;
        double unit = 1 / (SCALE * SCALE);
        for (int i = 0; i < dimensions; i++) {
            double si = sums.total(i);
            for (int j = i; j < dimensions; j++) {
                double product = products.total(rowStart[i] + j - i);
                double v = (product - si * sums.total(j) / n) / Math.max(1, n - 1) * unit;
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
