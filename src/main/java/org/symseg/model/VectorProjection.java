package org.symseg.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SegmentationModel#project(float[], int[])} a SIMD block of points at a time, one point a
 * lane: each lane sums its point's terms in descriptor order, a product then a sum as the scalar
 * loop does, so every feature is the same bits as one point's projection. A block's descriptors
 * are first copied channel by channel into a scratch array, so that a channel of the block's
 * points is one contiguous load: the JDK 17 vector API's gather of floats widened to doubles
 * took eight times as long on an AMD EPYC (Zen 5), more than the scalar loop (BENCHMARKS.md,
 * issue 7).
 */
final class VectorProjection {

    private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;
    /** Features summed in one pass over the block's descriptors, as in the scalar projection. */
    private static final int GROUP = 5;

    private VectorProjection() {
    }

    /**
     * Features of the points at {@code offsets}, point after point, into {@code out}, for as many
     * whole blocks of points as there are; returns how many points that was. The SIMD loads are
     * unchecked ({@code VECTOR_ACCESS_OOB_CHECK=0}): the scratch array holds every index read.
     */
    static int project(double[][] components, float[] data, int[] offsets, double[] out) {
        int lanes = LANES.length();
        int count = components.length;
        int length = components[0].length;
        int blocks = offsets.length - offsets.length % lanes;
        double[] channels = new double[length * lanes];
        double[] sums = new double[GROUP * lanes];
        for (int p = 0; p < blocks; p += lanes) {
            for (int i = 0; i < lanes; i++) {
                int offset = offsets[p + i];
                for (int d = 0; d < length; d++) {
                    channels[d * lanes + i] = data[offset + d];
                }
            }
            for (int c = 0; c < count; c += GROUP) {
                group(components, c, channels, sums);
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
     * Features c .. c + 4 of the block whose channels are in {@code channels}, feature after
     * feature into {@code sums}; past the last axis, the last is summed again.
     */
    private static void group(double[][] components, int c, double[] channels, double[] sums) {
        int last = components.length - 1;
        double[] a0 = components[c];
        double[] a1 = components[Math.min(c + 1, last)];
        double[] a2 = components[Math.min(c + 2, last)];
        double[] a3 = components[Math.min(c + 3, last)];
        double[] a4 = components[Math.min(c + 4, last)];
        int lanes = LANES.length();
        DoubleVector f0 = DoubleVector.zero(LANES);
        DoubleVector f1 = f0;
        DoubleVector f2 = f0;
        DoubleVector f3 = f0;
        DoubleVector f4 = f0;
        for (int d = 0; d < a0.length; d++) {
            DoubleVector x = DoubleVector.fromArray(LANES, channels, d * lanes);
            f0 = f0.add(x.mul(a0[d]));
            f1 = f1.add(x.mul(a1[d]));
            f2 = f2.add(x.mul(a2[d]));
            f3 = f3.add(x.mul(a3[d]));
            f4 = f4.add(x.mul(a4[d]));
        }
        f0.intoArray(sums, 0);
        f1.intoArray(sums, lanes);
        f2.intoArray(sums, 2 * lanes);
        f3.intoArray(sums, 3 * lanes);
        f4.intoArray(sums, 4 * lanes);
    }
}
