package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedSumsTest {

    /** Adds {@code terms} to slot 0 one batch of {@code batch} at a time, each bounded by 2^52. */
    private static FixedSums sum(long[] terms, int from, int to, int batch) {
        FixedSums sums = new FixedSums(1);
        for (int i = from; i < to; i += batch) {
            double[] pending = sums.pending(batch * 0x1p52);
            for (int k = i; k < Math.min(to, i + batch); k++) {
                pending[0] += terms[k];
            }
        }
        return sums;
    }

    @Test
    void totalsFarBeyondALongAreExactAndOrderIndependent() {
        Random random = new Random(5);
        long[] terms = new long[40_000];
        BigInteger exact = BigInteger.ZERO;
        for (int i = 0; i < terms.length; i++) {
            // mostly large positive terms, some negative: the total passes 2^63 many times over
            terms[i] = (random.nextInt(10) == 0 ? -1 : 1) * (long) (random.nextDouble() * 0x1p52);
            exact = exact.add(BigInteger.valueOf(terms[i]));
        }
        FixedSums whole = sum(terms, 0, terms.length, 1);
        FixedSums parts = sum(terms, 25_000, terms.length, 1);
        parts.merge(sum(terms, 0, 25_000, 1));
        assertEquals(exact.doubleValue(), whole.total(0));
        assertEquals(Double.doubleToLongBits(whole.total(0)), Double.doubleToLongBits(parts.total(0)));
    }

    @Test
    void smallNegativeTotalsKeepEveryUnit() {
        FixedSums sums = new FixedSums(1);
        sums.pending(8)[0] += -5;
        FixedSums other = new FixedSums(1);
        other.pending(8)[0] += 2;
        sums.merge(other);
        assertEquals(-3.0, sums.total(0));
    }

    @Test
    void quantizedValuesAreWholeUnitsAndLargeOnesAreRefused() {
        double[] q = new double[3];
        // the bound: 3 | 1 | 2 = 3, the largest here
        assertEquals(3.0, FixedSums.quantize(new double[] {9, 0.75, -0.3, 0.625}, 1, 3, 4, q));
        assertArrayEquals(new double[] {3, -1, 2}, q);
        double[] inPlace = {0.75, 0.25};
        assertEquals(3.0, FixedSums.quantize(inPlace, 0, 2, 4, inPlace));
        assertArrayEquals(new double[] {3, 1}, inPlace);
        ArithmeticException large = assertThrows(ArithmeticException.class,
                () -> FixedSums.quantize(new double[] {0.5, 1e9}, 0, 2, 0x1p18, q));
        assertTrue(large.getMessage().contains("1.0E9"), large.getMessage());
        assertThrows(ArithmeticException.class,
                () -> FixedSums.quantize(new double[] {1, Double.NaN}, 0, 2, 1, q));
        for (double outside : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                0x1p25, -0x1p26, 0x1p27 + 3, 1e300}) {
            assertThrows(ArithmeticException.class,
                    () -> FixedSums.quantize(new double[] {2, outside, 1}, 0, 3, 1, q), "" + outside);
        }
        assertEquals(0.0, FixedSums.quantize(new double[0], 0, 0, 1, q));
    }

    @Test
    void theBoundIsAtLeastTheLargestMagnitudeAndBelowTwiceIt() {
        java.util.Random random = new java.util.Random(5);
        double[] q = new double[40];
        for (int trial = 0; trial < 2000; trial++) {
            double[] values = new double[1 + random.nextInt(40)];
            double spread = Math.scalb(1.0, random.nextInt(25));
            for (int i = 0; i < values.length; i++) {
                values[i] = (random.nextDouble() * 2 - 1) * spread;
            }
            double bound = FixedSums.quantize(values, 0, values.length, 1, q);
            double largest = 0;
            for (int i = 0; i < values.length; i++) {
                largest = Math.max(largest, Math.abs(q[i]));
            }
            assertTrue(bound >= largest && (bound < 2 * largest || bound == 0), bound + " for " + largest);
        }
    }
}
