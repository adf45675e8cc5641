package org.symseg.descriptor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PatchSums} over as many neighbouring pixels as the CPU's widest double vector holds
 * (4 with AVX2). The patches of neighbouring pixels read neighbouring values for the same
 * sample, so a block's samples load as one contiguous vector each. Loaded only when the JVM runs
 * with {@code --add-modules jdk.incubator.vector} (conf/java17-spark.args). The loads do not
 * check their bounds there: the caller checks a block's whole range ({@link DiskScorer}).
 */
final class VectorPatchSums implements PatchSums {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public int lanes() {
        return SPECIES.length();
    }

    @Override
    public void products(double[] v, int at, int[] first, int[] second, double[] out) {
        DoubleVector s = DoubleVector.zero(SPECIES);
        for (int i = 0; i < first.length; i++) {
            s = s.add(DoubleVector.fromArray(SPECIES, v, at + first[i])
                    .mul(DoubleVector.fromArray(SPECIES, v, at + second[i])));
        }
        s.intoArray(out, 0);
    }

    @Override
    public void bilinear(double[] v, int at, int right, int down, int[] offsets, int[] taps, double[] weight,
            double[] sb, double[] sbb, double[] sab) {
        DoubleVector base = DoubleVector.fromArray(SPECIES, v, at);
        DoubleVector s = DoubleVector.zero(SPECIES);
        DoubleVector ss = s;
        DoubleVector sp = s;
        for (int k = 0; k < offsets.length; k++) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, v, at + offsets[k]);
            DoubleVector b = sample(v, at + taps[k], right, down, weight, 4 * k).sub(base);
            s = s.add(b);
            ss = b.fma(b, ss);
            sp = a.fma(b, sp);
        }
        s.intoArray(sb, 0);
        ss.intoArray(sbb, 0);
        sp.intoArray(sab, 0);
    }

    @Override
    public void bilinearPair(double[] v, int at, int right, int down, int[] offsets, int[] opposite, int[] taps,
            double[] weight, double[] sb, double[] sbb, double[] sab, double[] sabOpposite) {
        DoubleVector base = DoubleVector.fromArray(SPECIES, v, at);
        DoubleVector s = DoubleVector.zero(SPECIES);
        DoubleVector ss = s;
        DoubleVector sp = s;
        DoubleVector so = s;
        for (int k = 0; k < offsets.length; k++) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, v, at + offsets[k]);
            DoubleVector ao = DoubleVector.fromArray(SPECIES, v, at + opposite[k]);
            DoubleVector b = sample(v, at + taps[k], right, down, weight, 4 * k).sub(base);
            s = s.add(b);
            ss = b.fma(b, ss);
            sp = a.fma(b, sp);
            so = ao.fma(b, so);
        }
        s.intoArray(sb, 0);
        ss.intoArray(sbb, 0);
        sp.intoArray(sab, 0);
        so.intoArray(sabOpposite, 0);
    }

    /**
     * The bilinear sample whose 2 x 2 taps start at index i, weighted from weight[t]. Here and in
     * the sums, fused multiply-adds: 9 vector operations a sample of a pair instead of 15, and
     * rounded once; {@link ScalarPatchSums} fuses the same ones, so the lanes keep its bits.
     */
    private static DoubleVector sample(double[] v, int i, int right, int down, double[] weight, int t) {
        DoubleVector b = DoubleVector.fromArray(SPECIES, v, i).mul(weight[t]);
        b = DoubleVector.fromArray(SPECIES, v, i + right).fma(DoubleVector.broadcast(SPECIES, weight[t + 1]), b);
        b = DoubleVector.fromArray(SPECIES, v, i + down).fma(DoubleVector.broadcast(SPECIES, weight[t + 2]), b);
        return DoubleVector.fromArray(SPECIES, v, i + down + right).fma(DoubleVector.broadcast(SPECIES, weight[t + 3]), b);
    }
}
