package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RowProductsTest {

    @Test
    void testJvmRunsTheSimdProducts() {
        assertInstanceOf(VectorRowProducts.class, RowProducts.widest());
    }

    /**
     * Whole numbers up to 2^24 in magnitude, few enough rows that every sum stays below 2^53: SIMD
     * and scalar sums agree bit for bit on the upper triangle, for widths that fill the 4 x 3
     * vector blocks and widths that leave edges, and for counts below, at and above four rows.
     */
    @Test
    void simdAndScalarGiveTheSameSums() {
        Random random = new Random(11);
        RowProducts simd = RowProducts.widest();
        for (int dimensions : new int[] {1, 3, 4, 5, 8, 9, 13, 24, 25, 47, 100}) {
            for (int count : new int[] {1, 3, 4, 7, 8}) {
                double[][] rows = new double[count][simd.width(dimensions)];
                for (double[] row : rows) {
                    for (int i = 0; i < dimensions; i++) {
                        row[i] = random.nextInt(1 << 25) - (1 << 24);
                    }
                }
                double[][] expected = new double[dimensions][dimensions];
                RowProducts.SCALAR.add(rows, count, dimensions, expected);
                double[][] actual = new double[dimensions][simd.width(dimensions)];
                simd.add(rows, count, dimensions, actual);
                for (int i = 0; i < dimensions; i++) {
                    for (int j = i; j < dimensions; j++) {
                        double plain = 0;
                        for (double[] row : rows) {
                            plain += row[i] * row[j];
                        }
                        assertEquals(plain, expected[i][j], dimensions + " x " + count + " at " + i + "," + j);
                        assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(actual[i][j]),
                                dimensions + " x " + count + " at " + i + "," + j);
                    }
                }
            }
        }
    }

    /** The SIMD loads check nothing themselves, so a short row must be refused before them. */
    @Test
    void rowsShorterThanTheWidthAreRefused() {
        RowProducts simd = RowProducts.widest();
        double[][] rows = {new double[simd.width(9)], new double[9 - 1]};
        double[][] square = new double[9][simd.width(9)];
        assertThrows(IndexOutOfBoundsException.class, () -> simd.add(rows, 2, 9, square));
    }
}
