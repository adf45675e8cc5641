package org.symseg.model;

import java.io.Serializable;
import java.util.Arrays;
import org.symseg.descriptor.SimdAfter;

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
    /** SIMD products ({@link VectorRowProducts}) once a JVM has summed this many rows (2.8 images). */
    static final long SIMD_AFTER = 100_000;
    private static final SimdAfter SIMD = new SimdAfter(SIMD_AFTER);

    /** Looked up only once a JVM switches, so that a small run never loads the vector classes. */
    private static final class Widest {
        static final RowProducts PRODUCTS = RowProducts.widest();
    }
    /** Rows quantized and multiplied at a time: 32 rows of 100 values stay in a core's L1 cache. */
    private static final int CHUNK = 32;

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
     * Adds the rows at the given offsets of {@code data}: quantized a chunk at a time into a
     * small buffer, whose products are added to a square of pending sums (row i used from column
     * i on); they move into the exact sums before they could stop being exact and at the end.
     */
    public void addAll(float[] data, int[] offsets) {
        if (offsets.length < 4) {
            double[] row = new double[dimensions];
            for (int offset : offsets) {
                addOne(row, quantize(data, offset, row));
            }
            return;
        }
        RowProducts kernel = SIMD.now(offsets.length) ? Widest.PRODUCTS : RowProducts.SCALAR;
        int width = kernel.width(dimensions);
        double[][] square = new double[dimensions][width];
        double[][] chunk = new double[Math.min(CHUNK, offsets.length)][width];
        double bound = 0;
        double chunkBound = 0;
        double chunkLargest = 0;
        int filled = 0;
        for (int offset : offsets) {
            double largest = quantize(data, offset, chunk[filled]);
            double increase = largest * largest;
            if (bound + chunkBound + increase >= FixedSums.EXACT) {
                addChunk(kernel, chunk, filled, chunkLargest, square);
                moveProducts(square, bound + chunkBound);
                bound = 0;
                chunkBound = 0;
                chunkLargest = 0;
                System.arraycopy(chunk[filled], 0, chunk[0], 0, dimensions);
                filled = 0;
            }
            chunkBound += increase;
            chunkLargest += largest;
            if (++filled == chunk.length) {
                addChunk(kernel, chunk, filled, chunkLargest, square);
                bound += chunkBound;
                chunkBound = 0;
                chunkLargest = 0;
                filled = 0;
            }
        }
        addChunk(kernel, chunk, filled, chunkLargest, square);
        moveProducts(square, bound + chunkBound);
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
        count++;
    }

    /** The chunk's first {@code rows} rows, whose values are at most {@code largest} summed. */
    private void addChunk(RowProducts kernel, double[][] chunk, int rows, double largest, double[][] square) {
        if (rows == 0) {
            return;
        }
        double[] s = sums.pending(largest);
        for (int c = 0; c < rows; c++) {
            double[] row = chunk[c];
            for (int i = 0; i < dimensions; i++) {
                s[i] += row[i];
            }
        }
        kernel.add(chunk, rows, dimensions, square);
    }

    /**
     * Adds the square's upper triangle, whose sums are at most {@code bound}, and clears the
     * square (the entries left of the diagonal that {@link RowProducts} may have changed too).
     */
    private void moveProducts(double[][] square, double bound) {
        if (bound == 0) {
            return;
        }
        double[] p = products.pending(bound);
        for (int i = 0; i < dimensions; i++) {
            int at = rowStart[i] - i;
            for (int j = i; j < dimensions; j++) {
                p[at + j] += square[i][j];
            }
            Arrays.fill(square[i], 0);
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
