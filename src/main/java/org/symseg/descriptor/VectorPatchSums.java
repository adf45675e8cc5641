package org.symseg.descriptor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PatchSums} over as many neighbouring pixels as the CPU's widest double vector holds
 * (4 with AVX2). The patches of neighbouring pixels read neighbouring values for the same
 * sample, so a block's samples load as one contiguous vector each. Loaded only when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} (conf/java17-spark.args). The loads, gathers
 * and stores do not check their bounds there: the callers check a block's whole range
 * ({@link DiskScorer}, {@link GatheredPatches}).
 *
 * <p>No running sum is ever the receiver of an operation. While C2 parses a loop, it knows a
 * loop-carried vector's class only by speculating on it, and it stops speculating within a
 * method once the traps recorded in the methods it inlines add up to {@code PerMethodTrapLimit}
 * (100); it counts a JDK vector method's traps again at every inlining, so a few traps in one of
 * them, left by other code, sufficed in about one JVM in twenty: the sums were then boxed on
 * every sample, and the kernels ran six to eight times slower (BENCHMARKS.md, issue 7). As
 * arguments ({@code x.add(sum)}, not {@code sum.add(x)}) their class is settled when C2 expands
 * the vector intrinsics after parsing. The stores of the finished sums can still fall back to
 * the vector API's Java code, so each stores a fresh vector made after the loop
 * ({@code zero.add(sum)}): boxed once per block, where the sum itself would be boxed in the
 * loop. Adding in the other order and adding zero leave every sum's bits as they were.
 * The bilinear sample is computed in the loop, not returned by a helper, so that no vector
 * crosses a call C2 might leave uninlined.
 */
final class VectorPatchSums implements PatchSums {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final boolean GATHERS = CpuFeatures.vectorGather();

    /** Where {@link #bilinear} lets the pair kernel put the cross term it does not need. */
    private final double[] dropped = new double[SPECIES.length()];

    @Override
    public int lanes() {
        return SPECIES.length();
    }

    /**
     * Four running sums, not one: a single sum would wait on its previous addition at every
     * pair. Every product and partial sum is a whole number below 2^53, so the order of the
     * additions does not change a bit of the total.
     */
    @Override
    public void products(double[] v, int at, int[] first, int[] second, double[] out) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector s0 = zero;
        DoubleVector s1 = zero;
        DoubleVector s2 = zero;
        DoubleVector s3 = zero;
        int i = 0;
        for (; i + 4 <= first.length; i += 4) {
            s0 = DoubleVector.fromArray(SPECIES, v, at + first[i])
                    .fma(DoubleVector.fromArray(SPECIES, v, at + second[i]), s0);
            s1 = DoubleVector.fromArray(SPECIES, v, at + first[i + 1])
                    .fma(DoubleVector.fromArray(SPECIES, v, at + second[i + 1]), s1);
            s2 = DoubleVector.fromArray(SPECIES, v, at + first[i + 2])
                    .fma(DoubleVector.fromArray(SPECIES, v, at + second[i + 2]), s2);
            s3 = DoubleVector.fromArray(SPECIES, v, at + first[i + 3])
                    .fma(DoubleVector.fromArray(SPECIES, v, at + second[i + 3]), s3);
        }
        for (; i < first.length; i++) {
            s0 = DoubleVector.fromArray(SPECIES, v, at + first[i])
                    .fma(DoubleVector.fromArray(SPECIES, v, at + second[i]), s0);
        }
        zero.add(s0).add(s1).add(s2).add(s3).intoArray(out, 0);
    }

    /**
     * {@link #bilinearPair} with the originals as their own opposites, its extra cross term
     * dropped: one more load and multiply-add a sample, for operations without a partner (no
     * default descriptor has one), rather than a second copy of the kernel.
     */
    @Override
    public void bilinear(double[] v, int at, int right, int down, int[] offsets, int[] taps, double[] weight,
            double[] sb, double[] sbb, double[] sab) {
        bilinearPair(v, at, right, down, offsets, offsets, taps, weight, sb, sbb, sab, dropped);
    }

    /**
     * One SIMD gather of every lane's value and one store a value, twice as fast as lane by lane,
     * where the CPU gathers ({@link CpuFeatures#vectorGather}); elsewhere the vector API gathers
     * in Java, 14 times slower than lane by lane (x86 without AVX2; BENCHMARKS.md, issue 7), so
     * there the lanes are copied one by one.
     */
    @Override
    public void gather(double[] image, int[] corners, int[] places, int[] offsets, double[] into) {
        if (!GATHERS) {
            ScalarPatchSums.gatherLaneByLane(image, corners, SPECIES.length(), places, offsets, into);
            return;
        }
        for (int i = 0; i < places.length; i++) {
            DoubleVector.fromArray(SPECIES, image, offsets[i], corners, 0).intoArray(into, places[i]);
        }
    }

    @Override
    public void bilinearPair(double[] v, int at, int right, int down, int[] offsets, int[] opposite, int[] taps,
            double[] weight, double[] sb, double[] sbb, double[] sab, double[] sabOpposite) {
        DoubleVector base = DoubleVector.fromArray(SPECIES, v, at);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector s = zero;
        DoubleVector ss = zero;
        DoubleVector sp = zero;
        DoubleVector so = zero;
        for (int k = 0; k < offsets.length; k++) {
            // the bilinear sample of the 2 x 2 taps from i, less the base, with fused
            // multiply-adds as in ScalarPatchSums (so the lanes keep its bits): 9 vector
            // operations a sample of a pair instead of 15
            int i = at + taps[k];
            int t = 4 * k;
            DoubleVector b = DoubleVector.fromArray(SPECIES, v, i).mul(weight[t]);
            b = DoubleVector.fromArray(SPECIES, v, i + right).fma(DoubleVector.broadcast(SPECIES, weight[t + 1]), b);
            b = DoubleVector.fromArray(SPECIES, v, i + down).fma(DoubleVector.broadcast(SPECIES, weight[t + 2]), b);
            b = DoubleVector.fromArray(SPECIES, v, i + down + right)
                    .fma(DoubleVector.broadcast(SPECIES, weight[t + 3]), b).sub(base);
            s = b.add(s);
            ss = b.fma(b, ss);
            sp = DoubleVector.fromArray(SPECIES, v, at + offsets[k]).fma(b, sp);
            so = DoubleVector.fromArray(SPECIES, v, at + opposite[k]).fma(b, so);
        }
        zero.add(s).intoArray(sb, 0);
        zero.add(ss).intoArray(sbb, 0);
        zero.add(sp).intoArray(sab, 0);
        zero.add(so).intoArray(sabOpposite, 0);
    }
}
