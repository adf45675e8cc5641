package org.symseg.model;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * A row of sums that come out the same, bit for bit, in whatever order and grouping their terms
 * are added: terms are integers (values are first rounded to a multiple of 2^-bits, see
 * {@link #quantize}, so a product of two is an integer number of 2^-2bits), gathered in doubles
 * while every pending sum stays below 2^53 in magnitude, where double addition is exact, and then
 * moved into longs. That lets a fit sum its points where they lie (tile by tile, in any
 * partitioning) instead of shuffling them into one fixed order first.
 *
 * <p>The caller bounds each batch of terms it adds ({@link #pending}); a long that would overflow
 * throws rather than wrap.
 */
final class FixedSums implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Pending double sums are exact below this; flushed before a batch could reach it. */
    private static final double EXACT = 0x1p53;
    /**
     * Quantized values stay below this in magnitude, so that a product of two, and a sum of four
     * such products, is exact.
     */
    private static final double LARGEST = 0x1p25;

    private final long[] totals;
    private transient double[] pending;
    private transient double bound;

    FixedSums(int slots) {
        this.totals = new long[slots];
    }

    /** {@code value} as an integer number of 2^-bits, exactly representable as a double. */
    static double quantize(double value, double scale) {
        double q = Math.rint(value * scale);
        if (!(Math.abs(q) < LARGEST)) {
            throw new ArithmeticException("value " + value + " is out of the range fit sums take");
        }
        return q;
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

    /** Sum {@code slot}, in units of the terms added. */
    long total(int slot) {
        flush();
        return totals[slot];
    }

    int slots() {
        return totals.length;
    }

    void merge(FixedSums other) {
        flush();
        other.flush();
        for (int i = 0; i < totals.length; i++) {
            totals[i] = Math.addExact(totals[i], other.totals[i]);
        }
    }

    /** The sums with slots renumbered in blocks of {@code width}: block i is block order[i]. */
    FixedSums reordered(int[] order, int width) {
        flush();
        FixedSums out = new FixedSums(totals.length);
        for (int b = 0; b < order.length; b++) {
            System.arraycopy(totals, order[b] * width, out.totals, b * width, width);
        }
        return out;
    }

    private void flush() {
        if (pending == null || bound == 0) {
            return;
        }
        for (int i = 0; i < totals.length; i++) {
            totals[i] = Math.addExact(totals[i], (long) pending[i]);
            pending[i] = 0;
        }
        bound = 0;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        flush();
        out.defaultWriteObject();
    }
}
