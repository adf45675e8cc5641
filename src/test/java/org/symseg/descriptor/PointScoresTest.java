package org.symseg.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PointScoresTest {

    /**
     * Rows of every length up to past two SIMD blocks, from arbitrary starts, with sums at the
     * 16-bit extremes, flat patches (inverse deviation 0, so scores of 0 and -0) and scalings
     * that take a correlation past either end of [-1, 1]: every score the scalar path's bits.
     */
    @Test
    void simdRowsGiveTheScalarScores() {
        Random random = new Random(5);
        long n = 41 * 41;
        long most = n * 65535L;
        int size = 300;
        long[] sab = new long[size];
        long[] sa = new long[size];
        double[] scaleA = new double[size];
        long[] cornerSums = new long[size];
        double[] cornerScales = new double[size];
        for (int i = 0; i < size; i++) {
            sa[i] = i % 11 == 0 ? most : (long) (random.nextDouble() * most);
            cornerSums[i] = i % 13 == 0 ? most : (long) (random.nextDouble() * most);
            sab[i] = i % 17 == 0 ? n * 65535L * 65535L : (long) (random.nextDouble() * n * 65535L * 65535L);
            double spread = random.nextDouble() * n * most;
            scaleA[i] = i % 7 == 0 ? 0 : 1 / (spread * (0.9 + 0.2 * random.nextDouble()));
            cornerScales[i] = i % 19 == 0 ? 0 : 1 / (spread * (0.9 + 0.2 * random.nextDouble()));
        }
        PointScores simd = CpuFeatures.longVectors() ? new VectorPointScores() : PointScores.SCALAR;
        for (int count = 0; count <= 40; count++) {
            int k = random.nextInt(size - count + 1);
            int q = random.nextInt(size - count + 1);
            int o = random.nextInt(5);
            float[] wanted = new float[count + 5];
            float[] got = new float[count + 5];
            PointScores.SCALAR.row(n, sab, sa, scaleA, k, cornerSums, cornerScales, q, wanted, o, count);
            simd.row(n, sab, sa, scaleA, k, cornerSums, cornerScales, q, got, o, count);
            for (int i = 0; i < wanted.length; i++) {
                assertEquals(Float.floatToRawIntBits(wanted[i]), Float.floatToRawIntBits(got[i]),
                        "score " + i + " of a row of " + count);
            }
        }
    }

    /** The first scores of a JVM go one at a time (C2 has not compiled the SIMD kernel yet). */
    @Test
    void testJvmScoresInSimdWhereTheCpuMultipliesLongLanesOnceItHasScoredEnough() {
        PointScores.widest(PointScores.SIMD_AFTER);
        assertEquals(CpuFeatures.longVectors(), PointScores.widest(1) instanceof VectorPointScores);
    }
}
