package org.symseg.model;

import java.io.Serializable;

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
