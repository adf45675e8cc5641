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
        return of(n, sa, sb, centred(n, saa, sa, sa), sbb, sab);
    }

    /** With the first patch's variance term already known. */
    static float of(long n, long sa, long sb, double varA, long sbb, long sab) {
        double varB = centred(n, sbb, sb, sb);
        if (varA <= 0 || varB <= 0) {
            return 0f;
        }
        double r = centred(n, sab, sa, sb) / Math.sqrt(varA * varB);
        return (float) Math.max(-1.0, Math.min(1.0, r));
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
        double r = (n * sab - sa * sb) / Math.sqrt(varA * varB);
        return (float) Math.max(-1.0, Math.min(1.0, r));
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
