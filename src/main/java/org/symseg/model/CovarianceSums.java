package org.symseg.model;

import java.io.Serializable;
import java.util.Iterator;

/**
 * Running sums from which a covariance matrix follows: the count, the sum of each channel and of
 * each product of two channels. Partial sums of separate parts merge by addition, so a cluster
 * can sum its partitions apart and the driver add them up in a fixed order.
 */
public final class CovarianceSums implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int dimensions;
    private long count;
    private final double[] sums;
    /** Upper triangle, row by row: products[i] holds channels i..d-1 times channel i. */
    private final double[][] products;

    public CovarianceSums(int dimensions) {
        this.dimensions = dimensions;
        this.sums = new double[dimensions];
        this.products = new double[dimensions][];
        for (int i = 0; i < dimensions; i++) {
            products[i] = new double[dimensions - i];
        }
    }

    public void add(float[] row) {
        count++;
        for (int i = 0; i < dimensions; i++) {
            double xi = row[i];
            sums[i] += xi;
            double[] p = products[i];
            // an axpy the JIT vectorizes: the costly part of a fit over millions of points
            for (int j = i; j < dimensions; j++) {
                p[j - i] += xi * row[j];
            }
        }
    }

    /**
     * Adds every row. Rows go four at a time, so each product sum is loaded and stored once per
     * four rows instead of once per row (the loop was bound by that traffic); each sum still adds
     * the rows one after the other in their order, so the result equals {@link #add} row by row,
     * bit for bit.
     */
    public void addAll(Iterator<float[]> rows) {
        float[][] four = new float[4][];
        double[][] scratch = new double[4][dimensions];
        int pending = 0;
        while (rows.hasNext()) {
            four[pending++] = rows.next();
            if (pending == four.length) {
                addFour(four, scratch);
                pending = 0;
            }
        }
        for (int r = 0; r < pending; r++) {
            add(four[r]);
        }
    }

    private void addFour(float[][] rows, double[][] scratch) {
        count += rows.length;
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < dimensions; j++) {
                scratch[r][j] = rows[r][j];
            }
        }
        double[] a = scratch[0];
        double[] b = scratch[1];
        double[] c = scratch[2];
        double[] d = scratch[3];
        for (int i = 0; i < dimensions; i++) {
            double ai = a[i];
            double bi = b[i];
            double ci = c[i];
            double di = d[i];
            sums[i] = sums[i] + ai + bi + ci + di;
            double[] p = products[i];
            for (int j = i; j < dimensions; j++) {
                p[j - i] = p[j - i] + ai * a[j] + bi * b[j] + ci * c[j] + di * d[j];
            }
        }
    }

    public CovarianceSums merge(CovarianceSums other) {
        count += other.count;
        for (int i = 0; i < dimensions; i++) {
            sums[i] += other.sums[i];
            for (int j = 0; j < products[i].length; j++) {
                products[i][j] += other.products[i][j];
            }
        }
        return this;
    }

    public long count() {
        return count;
    }

    /** The sample covariance matrix (divided by n - 1). */
    public double[][] covariance() {
        double[][] c = new double[dimensions][dimensions];
        double n = count;
        for (int i = 0; i < dimensions; i++) {
            for (int j = i; j < dimensions; j++) {
                double v = (products[i][j - i] - sums[i] * sums[j] / n) / Math.max(1, n - 1);
                c[i][j] = v;
                c[j][i] = v;
            }
        }
        return c;
    }
}
