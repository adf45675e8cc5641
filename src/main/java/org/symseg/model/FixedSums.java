package org.symseg.model;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigInteger;

/**
 * A row of sums that come out the same, bit for bit, in whatever order and grouping their terms
 * are added: terms are integers (values are first rounded to a multiple of 2^-bits, see
 * {@link #quantize}, so a product of two is an integer number of 2^-2bits), gathered in doubles
 * while every pending sum stays below 2^53 in magnitude, where double addition is exact, and then
 * moved into longs. That lets a fit sum its points where they lie (tile by tile, in any
 * partitioning) instead of shuffling them into one fixed order first.
 *
 * <p>The caller bounds each batch of terms it adds ({@link #pending}). Each total is kept as
 * a count of 2^62 plus a remainder in [0, 2^62), so it cannot overflow however many points a run
 * has.
 */
final class FixedSums implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Pending double sums are exact below this; flushed before a batch could reach it. */
    static final double EXACT = 0x1p53;
    /**
     * Quantized values stay below this in magnitude, so that a product of two, and a sum of four
     * such products, is exact.
     */
    private static final double LARGEST = 0x1p25;
    /** Added to every magnitude below it in {@link #quantize}, which gives them one exponent. */
    private static final double SHARED = 0x1p26;

    private static final long CARRY = 1L << 62;

    private final long[] totals;
    /** Multiples of 2^62 moved out of {@link #totals}. */
    private final long[] carries;
    private transient double[] pending;
    private transient double bound;

    FixedSums(int slots) {
        this.totals = new long[slots];
        this.carries = new long[slots];
    }

    /**
     * {@code count} values from {@code values[at]} as integer numbers of 2^-bits (rounded to the
     * nearest, ties to even), exactly representable as doubles, into {@code q} (which may be
     * {@code values} itself, with {@code at} 0); returns a bound on their magnitudes, at least the
     * largest and less than twice it. The bound is the OR of the magnitudes' bits, each written
     * as 2^26 plus the magnitude so that all share one exponent: an OR of integers C2 runs as SIMD,
     * where a running maximum of doubles waits on itself value after value (1.2 ms a tile's
     * descriptors, 0.67 ms this way). A magnitude of 2^26 or more, or a value that is not a
     * number, changes that exponent; the range is then checked value by value, after the loop,
     * which runs without a branch per value.
     */
    static double quantize(double[] values, int at, int count, double scale, double[] q) {
        long bits = Double.doubleToRawLongBits(SHARED);
        for (int c = 0; c < count; c++) {
            q[c] = Math.rint(values[at + c] * scale);
            bits |= Double.doubleToRawLongBits(Math.abs(q[c]) + SHARED);
        }
        double top = Double.longBitsToDouble(bits);
        return checked(top < 2 * SHARED ? top - SHARED : Double.NaN, q, count, scale);
    }

    private static double checked(double largest, double[] q, int count, double scale) {
        if (!(largest < LARGEST)) {
            for (int c = 0; c < count; c++) {
                if (!(Math.abs(q[c]) < LARGEST)) {
                    throw new ArithmeticException("value " + q[c] / scale + " is out of the range fit sums take");
                }
            }
        }
        return largest;
    }

    /**
     * The pending sums, to which the caller adds terms whose sums grow by at most
     * {@code increase} in magnitude per slot; earlier terms are moved to the longs first when the
     * pending sums could otherwise stop being exact.
     */
    double[] pending(double increase) {
        if (pending == null) {
            pending = new double[totals.length];
        }
        if (bound + increase >= EXACT) {
            flush();
        }
        bound += increase;
        return pending;
    }

    /** Sum {@code slot}, in units of the terms added, rounded once to the nearest double. */
    double total(int slot) {
        flush();
        if (carries[slot] == 0) {
            return totals[slot];
        }
        return BigInteger.valueOf(carries[slot]).shiftLeft(62).add(BigInteger.valueOf(totals[slot]))
                .doubleValue();
    }

    int slots() {
        return totals.length;
    }

    void merge(FixedSums other) {
        flush();
        other.flush();
        for (int i = 0; i < totals.length; i++) {
            carries[i] += other.carries[i];
            add(i, other.totals[i]);
        }
    }

    /**
     * Adds {@code value} (below 2^62 in magnitude) to total {@code i}. The remainder stays in
     * [0, 2^62), so each total has one representation whatever the order of the additions, and
     * {@link #total} rounds it the same way.
     */
    private void add(int i, long value) {
        long sum = totals[i] + value;
        carries[i] += Math.floorDiv(sum, CARRY);
        totals[i] = Math.floorMod(sum, CARRY);
    }

    /** The sums with slots renumbered in blocks of {@code width}: block i is block order[i]. */
    FixedSums reordered(int[] order, int width) {
        flush();
        FixedSums out = new FixedSums(totals.length);
        for (int b = 0; b < order.length; b++) {
            System.arraycopy(totals, order[b] * width, out.totals, b * width, width);
            System.arraycopy(carries, order[b] * width, out.carries, b * width, width);
        }
        return out;
    }

    private void flush() {
        if (pending == null || bound == 0) {
            return;
        }
        for (int i = 0; i < totals.length; i++) {
            add(i, (long) pending[i]);
            pending[i] = 0;
        }
        bound = 0;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        flush();
        out.defaultWriteObject();
    }
}
