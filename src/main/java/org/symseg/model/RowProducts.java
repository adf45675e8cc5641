package org.symseg.model;

import org.symseg.descriptor.CpuFeatures;

/**
 * The product sums of {@link CovarianceSums}: {@code square[i][j] += rows[c][i] * rows[c][j]}
 * over rows {@code c < count}, for {@code i <= j < dimensions}. The values are whole numbers and
 * the caller keeps every sum below 2^53, where double arithmetic is exact, so every
 * implementation gives the same bits, fused or not, in any order.
 */
interface RowProducts {

    /**
     * How long the rows and the square's rows must be for {@code dimensions} values, zeros past
     * them; entries left of the diagonal may change too, and are not read.
     */
    int width(int dimensions);

    void add(double[][] rows, int count, int dimensions, double[][] square);

    /**
     * Four rows a pass, so each product sum is loaded and stored once per four rows (the loop is
     * bound by that traffic); the inner loop indexes the sums and the rows alike, which C2
     * compiles to SIMD (with the triangle's own offsets it did not: 2.3 times slower).
     */
    RowProducts SCALAR = new RowProducts() {
        @Override
        public int width(int dimensions) {
            return dimensions;
        }

        @Override
        public void add(double[][] rows, int count, int dimensions, double[][] square) {
            int c = 0;
            for (; c + 4 <= count; c += 4) {
                double[] a = rows[c];
                double[] b = rows[c + 1];
                double[] d = rows[c + 2];
                double[] e = rows[c + 3];
                for (int i = 0; i < dimensions; i++) {
                    double ai = a[i];
                    double bi = b[i];
                    double di = d[i];
                    double ei = e[i];
                    double[] p = square[i];
                    for (int j = i; j < dimensions; j++) {
                        p[j] += ai * a[j] + bi * b[j] + di * d[j] + ei * e[j];
                    }
                }
            }
            for (; c < count; c++) {
                double[] a = rows[c];
                for (int i = 0; i < dimensions; i++) {
                    double ai = a[i];
                    double[] p = square[i];
                    for (int j = i; j < dimensions; j++) {
                        p[j] += ai * a[j];
                    }
                }
            }
        }
    };

    /** SIMD where this JVM compiles vectors ({@link CpuFeatures#vectors}). */
    static RowProducts widest() {
        return CpuFeatures.vectors() ? new VectorRowProducts() : SCALAR;
    }
}
