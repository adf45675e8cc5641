package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ColumnProductsTest {

    @Test
    void testJvmRunsTheSimdColumnPass() {
        assertInstanceOf(VectorColumnProducts.class, ColumnProducts.widest());
    }

    @Test
    void simdAndScalarGiveTheSameSums() {
        double[] image = pixels(500, 7);
        // 37 columns: blocks of SIMD lanes and a tail
        double[] simd = new double[37];
        double[] scalar = new double[37];
        for (int row = 0; row < 9; row++) {
            ColumnProducts.widest().add(image, 40 * row, 40 * row + 23, simd, 37);
            ColumnProducts.SCALAR.add(image, 40 * row, 40 * row + 23, scalar, 37);
        }
        assertArrayEquals(scalar, simd);
    }

    @Test
    void simdAndScalarSlideAlike() {
        double[] image = pixels(600, 8);
        double[][] simd = {new double[37], new double[37]};
        double[][] scalar = {new double[37], new double[37]};
        for (int row = 0; row < 9; row++) {
            ColumnProducts.widest().slide(image, 40 * row + 200, 40 * row, simd[0], simd[1], 37);
            ColumnProducts.SCALAR.slide(image, 40 * row + 200, 40 * row, scalar[0], scalar[1], 37);
        }
        double[] wanted = new double[37];
        for (int x = 0; x < 37; x++) {
            for (int row = 0; row < 9; row++) {
                double in = image[40 * row + 200 + x];
                double out = image[40 * row + x];
                wanted[x] += in * in - out * out;
            }
        }
        assertArrayEquals(scalar[0], simd[0]);
        assertArrayEquals(scalar[1], simd[1]);
        assertArrayEquals(wanted, simd[1]);
    }

    /** {@code count} random 16-bit values as doubles. */
    private static double[] pixels(int count, long seed) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(65536);
        }
        return values;
    }

    @Test
    void differencesOfWholeNumbersUpTo2To52AreExact() {
        long[] wanted = {0, 1, 2, 65535L * 65535L, 41L * 65535L * 65535L, (1L << 52) - 1, (1L << 52) - 2,
            123_456_789_012L, 7};
        double[] before = new double[wanted.length + 2];
        double[] now = new double[wanted.length + 2];
        for (int i = 0; i < wanted.length; i++) {
            before[i + 2] = 1000 + i;
            now[i + 2] = before[i + 2] + wanted[i];
        }
        long[] simd = new long[wanted.length];
        long[] scalar = new long[wanted.length];
        ColumnProducts.widest().differences(now, before, 2, simd, wanted.length);
        ColumnProducts.SCALAR.differences(now, before, 2, scalar, wanted.length);
        // whole numbers below 2^53 are exact doubles, so now - before is wanted exactly
        assertArrayEquals(wanted, scalar);
        assertArrayEquals(wanted, simd);
    }
}
