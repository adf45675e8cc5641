package org.symseg.descriptor;

/**
 * Pearson correlation from exact integer sums over n pairs. A patch of zero variance has no
 * defined correlation; its score is 0.
 */
final class Pearson {

    private Pearson() {
    }

    /**
     * Largest pair count for which {@link #centred} fits a long: sums of up to n values below
     * 2^16 and of their products stay below 2^63 when multiplied by n.
     */
    static final long LONG_SAFE_COUNT = 46_340;

    static float of(long n, long sa, long sb, long saa, long sbb, long sab) {
        return of(centred(n, sab, sa, sb), inverseDeviation(n, saa, sa), inverseDeviation(n, sbb, sb));
    }

    /**
     * 1 / sqrt(n sxx - sx^2), the scale that turns a centred cross term into a correlation; 0 for
     * a patch of zero variance, so that its scores come out 0.
     */
    static double inverseDeviation(long n, long sxx, long sx) {
        double variance = centred(n, sxx, sx, sx);
        return variance > 0 ? 1 / Math.sqrt(variance) : 0;
    }

    /** The correlation from the centred cross term and both patches' inverse deviations. */
    static float of(double centredCross, double scaleA, double scaleB) {
        return clamped(centredCross * scaleA * scaleB);
    }

    /** The same from floating-point sums, for interpolated samples. */
    static float of(long n, double sa, double sb, double saa, double sbb, double sab) {
        double varA = n * saa - sa * sa;
        double varB = n * sbb - sb * sb;
        // below this, what is left of the variance is rounding error: the patch is flat
        double flat = 1e-12 * n * Math.max(saa, sbb);
        if (varA <= flat || varB <= flat) {
            return 0f;
        }
        return clamped((n * sab - sa * sb) / Math.sqrt(varA * varB));
    }

    /**
     * r within [-1, 1], where rounding can take a correlation just past either end, as a float.
     * The same value as {@code Math.max(-1.0, Math.min(1.0, r))} for every r (NaN and -0.0
     * included), but comparisons that C2 compiles to predictable branches: that pair of
     * intrinsics took 20 of 26 ms for a whole image's translation scores (BENCHMARKS.md).
     */
    static float clamped(double r) {
        return (float) (r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r);
    }

    /** n * sxy - sx * sy, exact (in long, or in 128 bits for huge patches), rounded once to double. */
    static double centred(long n, long sxy, long sx, long sy) {
        if (n <= LONG_SAFE_COUNT) {
            return n * sxy - sx * sy;
        }
        long lo1 = n * sxy;
        long hi1 = Math.multiplyHigh(n, sxy);
        long lo2 = sx * sy;
        long hi2 = Math.multiplyHigh(sx, sy);
        long lo = lo1 - lo2;
        long hi = hi1 - hi2 - (Long.compareUnsigned(lo1, lo2) < 0 ? 1 : 0);
        if (hi == lo >> 63) {
            return lo; // fits in 64 bits
        }
        double unsignedLo = (double) (lo >>> 1) * 2.0 + (lo & 1L);
        return hi * 0x1p64 + unsignedLo;
    }
}
