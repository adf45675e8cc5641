package org.symseg.descriptor;

import java.util.Objects;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PointScores} as many points at a time as the CPU's widest vector of 64-bit lanes holds.
 * Each lane does the scalar path's operations in its order (the long products and difference,
 * one rounding to double, the two scalings, the clamp by comparisons, the rounding to float), so
 * the bits are the same; the clamp as two blends gives NaN and -0.0 what the scalar comparisons
 * give. Each call checks its whole range first, as the SIMD loads and stores leave out their own
 * bounds checks ({@code jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0}). On an AMD EPYC (Zen 5)
 * a whole image's translation descriptors on one thread took 51-53 ms with it against 57-60 ms
 * (BENCHMARKS.md, issue 7).
 */
final class VectorPointScores implements PointScores {

    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));

    @Override
    public void row(long n, long[] sab, long[] sa, double[] scaleA, int k, long[] cornerSums,
            double[] cornerScales, int q, float[] out, int o, int count) {
        if (n > Pearson.LONG_SAFE_COUNT) {
            SCALAR.row(n, sab, sa, scaleA, k, cornerSums, cornerScales, q, out, o, count);
            return;
        }
        Objects.checkFromIndexSize(k, count, sab.length);
        Objects.checkFromIndexSize(k, count, sa.length);
        Objects.checkFromIndexSize(k, count, scaleA.length);
        Objects.checkFromIndexSize(q, count, cornerSums.length);
        Objects.checkFromIndexSize(q, count, cornerScales.length);
        Objects.checkFromIndexSize(o, count, out.length);
        DoubleVector one = DoubleVector.broadcast(DOUBLES, 1.0);
        DoubleVector minusOne = DoubleVector.broadcast(DOUBLES, -1.0);
        int i = 0;
        for (int end = LONGS.loopBound(count); i < end; i += LONGS.length()) {
            LongVector centred = LongVector.fromArray(LONGS, sab, k + i).mul(n)
                    .sub(LongVector.fromArray(LONGS, sa, k + i).mul(LongVector.fromArray(LONGS, cornerSums, q + i)));
            DoubleVector r = ((DoubleVector) centred.convert(VectorOperators.L2D, 0))
                    .mul(DoubleVector.fromArray(DOUBLES, scaleA, k + i))
                    .mul(DoubleVector.fromArray(DOUBLES, cornerScales, q + i));
            r = r.blend(one, r.compare(VectorOperators.GT, 1.0)).blend(minusOne, r.compare(VectorOperators.LT, -1.0));
            ((FloatVector) r.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(out, o + i);
        }
        SCALAR.row(n, sab, sa, scaleA, k + i, cornerSums, cornerScales, q + i, out, o + i, count - i);
    }
}
