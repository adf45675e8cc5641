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

    /** SIMD where this JVM compiles multiplies of 64-bit lanes ({@link CpuFeatures#longVectors}). */
    static PointScores widest() {
        return CpuFeatures.longVectors() ? new VectorPointScores() : SCALAR;
    }
}
