package org.symseg.descriptor;

/**
 * The column pass of {@link ShiftedProducts}: {@code columns[x] += v[a + x] * v[b + x]} for
 * {@code x < n}. The products of 16-bit values and their sums are exact in {@code double}, so
 * every implementation gives the same bits.
 */
interface ColumnProducts {

    void add(double[] v, int a, int b, double[] columns, int n);

    /**
     * {@code out[x] = now[from + x] - before[from + x]} for {@code x < n}, where every difference
     * is a whole number from 0 to 2^52 (column sums of products of non-negative values).
     */
    default void differences(double[] now, double[] before, int from, long[] out, int n) {
        for (int x = 0; x < n; x++) {
            out[x] = (long) (now[from + x] - before[from + x]);
        }
    }

    /**
     * {@code sums[x] += v[in + x] - v[out + x]} and {@code squares[x] += v[in + x]^2 - v[out + x]^2}
     * for {@code x < n}: column sums over a box's rows moved down by one row. Whole numbers whose
     * sums stay below 2^53, so exact.
     */
    default void slide(double[] v, int in, int out, double[] sums, double[] squares, int n) {
        for (int x = 0; x < n; x++) {
            double a = v[in + x];
            double b = v[out + x];
            sums[x] += a - b;
            squares[x] += a * a - b * b;
        }
    }

    /** One value at a time. C2 in JDK 17 does not turn this loop into SIMD by itself. */
    ColumnProducts SCALAR = new ColumnProducts() {
        @Override
        public void add(double[] v, int a, int b, double[] columns, int n) {
            for (int x = 0; x < n; x++) {
                columns[x] += v[a + x] * v[b + x];
            }
        }
    };

    /** SIMD where this JVM compiles vectors ({@link CpuFeatures#vectors}). */
    static ColumnProducts widest() {
        return CpuFeatures.vectors() ? new VectorColumnProducts() : SCALAR;
    }
}
