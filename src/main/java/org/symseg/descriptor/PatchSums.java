package org.symseg.descriptor;

/**
 * The sums Pearson's correlation needs, for a block of {@link #lanes()} pixels at a time: each
 * lane is the patch at the pixel of index {@code at + lane} (neighbours along a row, or patches
 * {@link GatheredPatches gathered} side by side); interpolated samples are taken relative to that
 * pixel's own value.
 * Implementations differ only in how many pixels they add up at once; each lane adds the same
 * terms, as the same Java operations, in the same order, so all of them give bit-identical sums
 * ({@link #products}, whose every partial sum is a whole number below 2^53, in any order).
 */
interface PatchSums {

    /** Pixels per block. */
    int lanes();

    /**
     * Sum of the products of the samples at {@code first[i]} and {@code second[i]}: the pixels'
     * own values, not relative to the base pixel, as whole pixels multiply and add up exactly
     * (the caller takes the base out afterwards, in integers).
     */
    void products(double[] v, int at, int[] first, int[] second, double[] out);

    /**
     * Sums of the bilinear samples b (sample k's four taps are the 2 x 2 pixels from
     * {@code taps[k]}, weighted by {@code weight[4k...4k+3]}; the pixel right of index i is at
     * i + right, the one below at i + down), each relative to the lane's own pixel, and of b^2 and
     * a b, where a is the original sample at {@code offsets[k]} as it is, not relative: the caller
     * takes the base times the sum of b out of that cross term afterwards.
     */
    void bilinear(double[] v, int at, int right, int down, int[] offsets, int[] taps, double[] weight,
            double[] sb, double[] sbb, double[] sab);

    /**
     * {@link #bilinear}, and in the same pass the sum of the products of b with the original
     * sample at {@code opposite[k]} into {@code sabOpposite}: the cross term of the operation that
     * reads, for each sample, where this one reads for the opposite sample (one interpolation
     * serves both). sb, sbb and sab are the same bits as {@link #bilinear} gives.
     */
    void bilinearPair(double[] v, int at, int right, int down, int[] offsets, int[] opposite, int[] taps,
            double[] weight, double[] sb, double[] sbb, double[] sab, double[] sabOpposite);

    /**
     * Copies a block's neighbourhoods side by side ({@link GatheredPatches}): for each i, the
     * value at {@code corners[lane] + offsets[i]} of the image into {@code into[places[i] + lane]},
     * for every lane. The caller has checked that every read and write lies inside its array.
     */
    void gather(double[] image, int[] corners, int[] places, int[] offsets, double[] into);

    /**
     * The widest kind this JVM runs: SIMD lanes when it compiles vectors
     * ({@link CpuFeatures#vectors}) and the CPU fuses multiply-adds ({@link MultiplyAdd}). For one
     * thread: the SIMD kind keeps scratch space.
     */
    static PatchSums widest() {
        return MultiplyAdd.FUSED && CpuFeatures.vectors()
                ? new VectorPatchSums() : new ScalarPatchSums();
    }
}
