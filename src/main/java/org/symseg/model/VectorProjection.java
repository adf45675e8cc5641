package org.symseg.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SegmentationModel#project(float[], int[])} a SIMD block of points at a time, one point a
 * lane: each lane sums its point's terms in descriptor order, a product then a sum as the scalar
 * loop does, so every feature is the same bits as one point's projection. A channel of the block's
 * points is one gather. Loaded only where the CPU gathers ({@link SegmentationModel}).
 */
final class VectorProjection {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> LOADS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(LANES.vectorBitSize() / 2));
    /** Features summed in one pass over the block's descriptors, as in the scalar projection. */
    private static final int GROUP = 5;

    private VectorProjection() {
    }

    /**
     * Features of the points at {@code offsets}, point after point, into {@code out}, for as many
     * whole blocks of points as there are; returns how many points that was. The SIMD loads are
     * unchecked ({@code VECTOR_ACCESS_OOB_CHECK=0}): the caller has checked every descriptor's
     * range.
     */
    static int project(double[][] components, float[] data, int[] offsets, double[] out) {
        int lanes = LANES.length();
        int count = components.length;
        int blocks = offsets.length - offsets.length % lanes;
        double[] sums = new double[GROUP * lanes];
        for (int c = 0; c < count; c += GROUP) {
            for (int p = 0; p < blocks; p += lanes) {
                group(components, c, data, offsets, p, sums);
                for (int f = c; f < Math.min(c + GROUP, count); f++) {
                    for (int i = 0; i < lanes; i++) {
                        out[(p + i) * count + f] = sums[(f - c) * lanes + i];
                    }
                }
            }
        }
        return blocks;
    }

    /**
     * Features c .. c + 4 of the block of points from {@code offsets[from]}, feature after feature
     * into {@code sums}; past the last axis, the last is summed again.
     */
    private static void group(double[][] components, int c, float[] data, int[] offsets, int from,
            double[] sums) {
        int last = components.length - 1;
        double[] a0 = components[c];
        double[] a1 = components[Math.min(c + 1, last)];
        double[] a2 = components[Math.min(c + 2, last)];
        double[] a3 = components[Math.min(c + 3, last)];
        double[] a4 = components[Math.min(c + 4, last)];
        DoubleVector f0 = DoubleVector.zero(LANES);
        DoubleVector f1 = f0;
        DoubleVector f2 = f0;
        DoubleVector f3 = f0;
        DoubleVector f4 = f0;
        for (int d = 0; d < a0.length; d++) {
            DoubleVector x = (DoubleVector) FloatVector.fromArray(LOADS, data, d, offsets, from)
                    .convertShape(VectorOperators.F2D, LANES, 0);
            f0 = f0.add(x.mul(a0[d]));
            f1 = f1.add(x.mul(a1[d]));
            f2 = f2.add(x.mul(a2[d]));
            f3 = f3.add(x.mul(a3[d]));
            f4 = f4.add(x.mul(a4[d]));
        }
        int lanes = LANES.length();
        f0.intoArray(sums, 0);
        f1.intoArray(sums, lanes);
        f2.intoArray(sums, 2 * lanes);
        f3.intoArray(sums, 3 * lanes);
        f4.intoArray(sums, 4 * lanes);
    }
}
