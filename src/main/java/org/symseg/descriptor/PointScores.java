package org.symseg.descriptor;

/**
 * The last step of the translation score for a row of points and one shift: the centred cross
 * term from exact integer sums, scaled by both patches' inverse deviations, clamped, as a float
 * ({@link Pearson}). Point i's own sums are at index {@code k + i}, its shifted patch's at
 * {@code q + i}, its score goes to {@code out[o + i]}. Every implementation gives the same bits.
 */
interface PointScores {

    /** Pair counts above {@link Pearson#LONG_SAFE_COUNT} go through {@link #SCALAR}. */
    void row(long n, long[] sab, long[] sa, double[] scaleA, int k, long[] cornerSums, double[] cornerScales,
            int q, float[] out, int o, int count);

    /** One point at a time. C2 in JDK 17 does not turn this loop into SIMD by itself. */
    PointScores SCALAR = (n, sab, sa, scaleA, k, cornerSums, cornerScales, q, out, o, count) -> {
        for (int i = 0; i < count; i++) {
            out[o + i] = Pearson.of(Pearson.centred(n, sab[k + i], sa[k + i], cornerSums[q + i]), scaleA[k + i],
                    cornerScales[q + i]);
        }
    };

    /**
     * Scores a JVM makes one point at a time before it takes SIMD rows ({@link SimdAfter}): about
     * three one-image runs' worth (hea-twins has 3.57 million). Until C2 has compiled the SIMD
     * kernel, it runs as slow C1 code: a cold one-image run took about 0.9 s more CPU with it from
     * the first score (BENCHMARKS.md, issue 7).
     */
    long SIMD_AFTER = 10_000_000;

    /** Counts the scores; SIMD once there have been {@link #SIMD_AFTER} and the CPU has what it needs. */
    SimdAfter SIMD = new SimdAfter(SIMD_AFTER, CpuFeatures::longVectors);

    /**
     * The kind for {@code scores} more scores: SIMD where this JVM compiles multiplies of 64-bit
     * lanes ({@link CpuFeatures#longVectors}) and has made {@link #SIMD_AFTER} scores already.
     */
    static PointScores widest(long scores) {
        return SIMD.now(scores) ? new VectorPointScores() : SCALAR;
    }
}
