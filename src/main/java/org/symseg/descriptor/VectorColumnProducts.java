package org.symseg.descriptor;

import java.util.Objects;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ColumnProducts} as many columns at a time as the CPU's widest double vector holds. Each
 * call checks its whole range first, as the SIMD loads and stores leave out their own bounds
 * checks ({@code jdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0} in conf/java17-spark.args).
 */
final class VectorColumnProducts implements ColumnProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double TWO_52 = 0x1p52;
    private static final long TWO_52_BITS = Double.doubleToRawLongBits(TWO_52);

    @Override
    public void add(double[] v, int a, int b, double[] columns, int n) {
        Objects.checkFromIndexSize(a, n, v.length);
        Objects.checkFromIndexSize(b, n, v.length);
        Objects.checkFromIndexSize(0, n, columns.length);
        int x = 0;
        for (int end = SPECIES.loopBound(n); x < end; x += SPECIES.length()) {
            DoubleVector.fromArray(SPECIES, v, a + x).mul(DoubleVector.fromArray(SPECIES, v, b + x))
                    .add(DoubleVector.fromArray(SPECIES, columns, x)).intoArray(columns, x);
        }
        for (; x < n; x++) {
            columns[x] += v[a + x] * v[b + x];
        }
    }

    @Override
    public void slide(double[] v, int in, int out, double[] sums, double[] squares, int n) {
        Objects.checkFromIndexSize(in, n, v.length);
        Objects.checkFromIndexSize(out, n, v.length);
        Objects.checkFromIndexSize(0, n, sums.length);
        Objects.checkFromIndexSize(0, n, squares.length);
        int x = 0;
        for (int end = SPECIES.loopBound(n); x < end; x += SPECIES.length()) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, v, in + x);
            DoubleVector b = DoubleVector.fromArray(SPECIES, v, out + x);
            DoubleVector.fromArray(SPECIES, sums, x).add(a.sub(b)).intoArray(sums, x);
            DoubleVector.fromArray(SPECIES, squares, x).add(a.mul(a).sub(b.mul(b))).intoArray(squares, x);
        }
        for (; x < n; x++) {
            double a = v[in + x];
            double b = v[out + x];
            sums[x] += a - b;
            squares[x] += a * a - b * b;
        }
    }

    @Override
    public void differences(double[] now, double[] before, int from, long[] out, int n) {
        Objects.checkFromIndexSize(from, n, now.length);
        Objects.checkFromIndexSize(from, n, before.length);
        Objects.checkFromIndexSize(0, n, out.length);
        int x = 0;
        for (int end = SPECIES.loopBound(n); x < end; x += SPECIES.length()) {
            // a whole number 0 <= d < 2^52 plus 2^52 has d as the low bits of its mantissa
            DoubleVector.fromArray(SPECIES, now, from + x).sub(DoubleVector.fromArray(SPECIES, before, from + x))
                    .add(TWO_52).reinterpretAsLongs().sub(TWO_52_BITS).intoArray(out, x);
        }
        for (; x < n; x++) {
            out[x] = (long) (now[from + x] - before[from + x]);
        }
    }
}
