package org.symseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CovarianceSumsTest {

    private static final int D = 7;

    /** n rows of D values in [-1, 1), one after another. */
    private static float[] rows(int n, long seed) {
        Random random = new Random(seed);
        float[] data = new float[n * D];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat() * 2 - 1;
        }
        return data;
    }

    private static int[] offsets(List<Integer> rows) {
        return rows.stream().mapToInt(r -> r * D).toArray();
    }

    /** Any order and any split into parts, merged in any order, gives the same bits. */
    @Test
    void sumsDoNotDependOnOrderOrGrouping() {
        int n = 1003;
        float[] data = rows(n, 1);
        List<Integer> all = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        CovarianceSums inOrder = new CovarianceSums(D);
        inOrder.addAll(data, offsets(all));

        Collections.shuffle(all, new Random(2));
        CovarianceSums first = new CovarianceSums(D);
        first.addAll(data, offsets(all.subList(0, 401)));
        CovarianceSums second = new CovarianceSums(D);
        for (int r : all.subList(401, 1002)) {
            second.add(data, r * D);
        }
        CovarianceSums third = new CovarianceSums(D);
        third.addAll(data, offsets(all.subList(1002, n)));
        CovarianceSums merged = third.merge(first).merge(second);

        assertEquals(inOrder.count(), merged.count());
        assertSameBits(inOrder.covariance(), merged.covariance());
    }

    /**
     * Values near the largest the sums take make the pending product sums reach 2^53 within a
     * few rows, so the chunked path must move them into the exact sums many times; it must still
     * agree bit for bit with adding the rows one at a time.
     */
    @Test
    void largeValuesStayExactInChunks() {
        int n = 2001;
        float[] data = rows(n, 3);
        for (int i = 0; i < data.length; i++) {
            data[i] *= 120;
        }
        CovarianceSums batched = new CovarianceSums(D);
        batched.addAll(data, offsets(IntStream.range(0, n).boxed().toList()));
        CovarianceSums single = new CovarianceSums(D);
        for (int r = 0; r < n; r++) {
            single.add(data, r * D);
        }
        assertSameBits(single.covariance(), batched.covariance());
    }

    /**
     * Each JVM sums its first rows with the scalar pass and the rest with SIMD: the same rows give
     * the same bits on either side of the switch, and the same as one row at a time.
     */
    @Test
    void sumsAreTheSameOnEitherSideOfTheSimdSwitch() {
        int n = 2001;
        float[] data = rows(n, 5);
        int[] all = offsets(IntStream.range(0, n).boxed().toList());
        CovarianceSums before = new CovarianceSums(D);
        before.addAll(data, all);
        CovarianceSums filler = new CovarianceSums(1);
        filler.addAll(new float[1], new int[(int) CovarianceSums.SIMD_AFTER]);
        CovarianceSums after = new CovarianceSums(D);
        after.addAll(data, all);
        CovarianceSums single = new CovarianceSums(D);
        for (int r = 0; r < n; r++) {
            single.add(data, r * D);
        }
        assertSameBits(single.covariance(), before.covariance());
        assertSameBits(single.covariance(), after.covariance());
    }

    private static void assertSameBits(double[][] expected, double[][] actual) {
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(actual[i][j]),
                        "entry " + i + "," + j);
            }
        }
    }

    @Test
    void covarianceIsTheSampleCovariance() {
        int n = 50;
        float[] data = rows(n, 7);
        CovarianceSums sums = new CovarianceSums(D);
        sums.addAll(data, offsets(IntStream.range(0, n).boxed().toList()));
        double[] mean = new double[D];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < D; j++) {
                mean[j] += data[r * D + j] / (double) n;
            }
        }
        double[][] actual = sums.covariance();
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                double expected = 0;
                for (int r = 0; r < n; r++) {
                    expected += (data[r * D + i] - mean[i]) * (data[r * D + j] - mean[j]) / (n - 1);
                }
                // values are summed as multiples of 2^-18
                assertEquals(expected, actual[i][j], 1e-5, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void valuesTooLargeForExactSumsAreRefused() {
        CovarianceSums sums = new CovarianceSums(1);
        assertThrows(ArithmeticException.class, () -> sums.add(new float[] {1e6f}, 0));
        assertThrows(ArithmeticException.class, () -> sums.add(new float[] {Float.NaN}, 0));
    }
}
