package org.symseg.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.symseg.descriptor.CpuFeatures;

/**
 * {@link RowProducts} in blocks of the square held in registers while the rows go by: four rows
 * of the square by three vectors of columns, twelve sums, each row adding its value at the four
 * block rows times its three column vectors, so that a row costs twelve multiply-adds per block
 * and seven loads, and each sum is stored once per call. The last one or two column vectors of a
 * block row go four sums at a time, a last block row of fewer than four one sum at a time. On the
 * AVX-512 Xeon this runs at the multiply-add unit's rate; the scalar pass, bound by loading and
 * storing the sums, took 1.8 times as long (BENCHMARKS.md). Each call checks its whole range
 * first, as the SIMD loads and stores leave out their own bounds checks
 * ({@code jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0} in conf/java17-spark.args).
 */
final class VectorRowProducts implements RowProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final boolean FUSED = CpuFeatures.fusedMultiplyAdd();

    @Override
    public int width(int dimensions) {
        return (dimensions + LANES - 1) / LANES * LANES;
    }

    @Override
    public void add(double[][] rows, int count, int dimensions, double[][] square) {
        int width = width(dimensions);
        if (count > rows.length || square.length < dimensions) {
            throw new IndexOutOfBoundsException("rows or square too short");
        }
        for (int c = 0; c < count; c++) {
            if (rows[c].length < width) {
                throw new IndexOutOfBoundsException("row " + c + " shorter than " + width);
            }
        }
        for (int i = 0; i < dimensions; i++) {
            if (square[i].length < width) {
                throw new IndexOutOfBoundsException("square row " + i + " shorter than " + width);
            }
        }
        for (int i = 0; i < dimensions; i += 4) {
            // from the vector that holds the diagonal entry of block row i on
            for (int j = i / LANES * LANES; j < width; j += 3 * LANES) {
                int vectors = Math.min(3, (width - j) / LANES);
                if (i + 4 > dimensions) {
                    oneByOne(rows, count, i, dimensions - i, j, vectors, square);
                } else if (vectors == 3) {
                    fourByThree(rows, count, i, j, square);
                } else {
                    fourByOne(rows, count, i, j, square);
                    if (vectors == 2) {
                        fourByOne(rows, count, i, j + LANES, square);
                    }
                }
            }
        }
    }

    private static void fourByThree(double[][] rows, int count, int i, int j, double[][] square) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector s00 = zero, s01 = zero, s02 = zero, s10 = zero, s11 = zero, s12 = zero;
        DoubleVector s20 = zero, s21 = zero, s22 = zero, s30 = zero, s31 = zero, s32 = zero;
        for (int c = 0; c < count; c++) {
            double[] row = rows[c];
            DoubleVector v0 = DoubleVector.fromArray(SPECIES, row, j);
            DoubleVector v1 = DoubleVector.fromArray(SPECIES, row, j + LANES);
            DoubleVector v2 = DoubleVector.fromArray(SPECIES, row, j + 2 * LANES);
            DoubleVector b = DoubleVector.broadcast(SPECIES, row[i]);
            s00 = plus(b, v0, s00);
            s01 = plus(b, v1, s01);
            s02 = plus(b, v2, s02);
            b = DoubleVector.broadcast(SPECIES, row[i + 1]);
            s10 = plus(b, v0, s10);
            s11 = plus(b, v1, s11);
            s12 = plus(b, v2, s12);
            b = DoubleVector.broadcast(SPECIES, row[i + 2]);
            s20 = plus(b, v0, s20);
            s21 = plus(b, v1, s21);
            s22 = plus(b, v2, s22);
            b = DoubleVector.broadcast(SPECIES, row[i + 3]);
            s30 = plus(b, v0, s30);
            s31 = plus(b, v1, s31);
            s32 = plus(b, v2, s32);
        }
        addTo(square[i], j, s00, s01, s02);
        addTo(square[i + 1], j, s10, s11, s12);
        addTo(square[i + 2], j, s20, s21, s22);
        addTo(square[i + 3], j, s30, s31, s32);
    }

    /** The last one or two column vectors of a block row: four sums at a time. */
    private static void fourByOne(double[][] rows, int count, int i, int j, double[][] square) {
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int c = 0; c < count; c++) {
            double[] row = rows[c];
            DoubleVector v = DoubleVector.fromArray(SPECIES, row, j);
            s0 = plus(DoubleVector.broadcast(SPECIES, row[i]), v, s0);
            s1 = plus(DoubleVector.broadcast(SPECIES, row[i + 1]), v, s1);
            s2 = plus(DoubleVector.broadcast(SPECIES, row[i + 2]), v, s2);
            s3 = plus(DoubleVector.broadcast(SPECIES, row[i + 3]), v, s3);
        }
        DoubleVector.fromArray(SPECIES, square[i], j).add(s0).intoArray(square[i], j);
        DoubleVector.fromArray(SPECIES, square[i + 1], j).add(s1).intoArray(square[i + 1], j);
        DoubleVector.fromArray(SPECIES, square[i + 2], j).add(s2).intoArray(square[i + 2], j);
        DoubleVector.fromArray(SPECIES, square[i + 3], j).add(s3).intoArray(square[i + 3], j);
    }

    /** The square's last block row, when fewer than four rows are left: one sum at a time. */    /** The square's edges: block rows and column vectors one at a time. */
    private static void oneByOne(double[][] rows, int count, int i, int blockRows, int j, int vectors,
            double[][] square) {
        for (int r = i; r < i + blockRows; r++) {
            for (int v = j; v < j + vectors * LANES; v += LANES) {
                DoubleVector sum = DoubleVector.zero(SPECIES);
                for (int c = 0; c < count; c++) {
                    sum = plus(DoubleVector.broadcast(SPECIES, rows[c][r]), DoubleVector.fromArray(SPECIES, rows[c], v),
                            sum);
                }
                DoubleVector.fromArray(SPECIES, square[r], v).add(sum).intoArray(square[r], v);
            }
        }
    }

    /** a * b + s; fused where the CPU fuses (the product is exact, so the bits are the same). */
    private static DoubleVector plus(DoubleVector a, DoubleVector b, DoubleVector s) {
        return FUSED ? a.fma(b, s) : a.mul(b).add(s);
    }

    private static void addTo(double[] squareRow, int j, DoubleVector x, DoubleVector y, DoubleVector z) {
        DoubleVector.fromArray(SPECIES, squareRow, j).add(x).intoArray(squareRow, j);
        DoubleVector.fromArray(SPECIES, squareRow, j + LANES).add(y).intoArray(squareRow, j + LANES);
        DoubleVector.fromArray(SPECIES, squareRow, j + 2 * LANES).add(z).intoArray(squareRow, j + 2 * LANES);
    }
}
