package org.symseg.descriptor;

import java.util.Arrays;

/**
 * For one shift (dx, dy) at a time, the sum over every point's square patch of the products of
 * the image with its shifted copy: the cross term of the translation score.
 *
 * <p>The products are summed down the columns of the box that holds every patch, a whole row at
 * a time. Unlike a running sum along a row, such a pass carries nothing from one pixel to the
 * next, so the JIT compiles it to SIMD and it runs near the speed of a plain streaming pass.
 * Where a row of points' patches starts, the column sums are set aside; where they end, the
 * difference is each column's sum over the patches' rows, and one running sum along that row
 * gives every patch of the row. The cost per shift and pixel does not depend on the patch size.
 *
 * <p>Products of 16-bit values are below 2^32, so column sums over fewer than 2^21 rows are exact
 * integers in {@code double}, and the row sums are exact {@code long}s: a point's sum is the
 * same whichever tile computes it.
 */
final class ShiftedProducts {

    private static final int MAX_ROWS = 1 << 21;

    private final double[] values;
    private final int width;
    private final int boxIndex;
    private final int boxWidth;
    private final int boxHeight;
    private final int size;
    /** Box row of the top of each point row's patches, ascending. */
    private final int[] tops;
    /** Box columns each point column's patches start at and end before. */
    private final int[] left;
    private final int[] right;
    private final double[] columns;
    /** Column sums at the tops of the point rows whose patches are still open, round robin. */
    private final double[][] atTop;
    private final long[] rowPrefix;

    /**
     * Patches of side {@code size} with top-left corners at (xs[i] - p, ys[j] - p), where
     * p = size / 2, over the image {@code values} (pixels as doubles, row-major, {@code width}
     * wide).
     */
    ShiftedProducts(double[] values, int width, int[] xs, int[] ys, int size) {
        int p = size / 2;
        int bx = xs[0] - p;
        int by = ys[0] - p;
        this.values = values;
        this.width = width;
        this.size = size;
        this.boxIndex = by * width + bx;
        this.boxWidth = xs[xs.length - 1] + p - bx + 1;
        this.boxHeight = ys[ys.length - 1] + p - by + 1;
        if (boxHeight >= MAX_ROWS) {
            throw new IllegalArgumentException("a tile of " + boxHeight + " rows is too tall");
        }
        this.tops = new int[ys.length];
        int open = 0;
        for (int j = 0; j < ys.length; j++) {
            tops[j] = ys[j] - p - by;
            int first = j;
            while (first > 0 && tops[first - 1] + size > tops[j]) {
                first--;
            }
            open = Math.max(open, j - first + 1);
        }
        this.left = new int[xs.length];
        this.right = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            left[i] = xs[i] - p - bx;
            right[i] = left[i] + size;
        }
        this.columns = new double[boxWidth];
        this.atTop = new double[open][boxWidth];
        this.rowPrefix = new long[boxWidth + 1];
    }

    /** The patch sums for shift (dx, dy), point (i, j)'s into out[j * xs.length + i]. */
    void sums(int dx, int dy, long[] out) {
        Arrays.fill(columns, 0);
        int opened = 0;
        int closed = 0;
        int shift = dy * width + dx;
        for (int y = 0; y < boxHeight; y++) {
            while (opened < tops.length && tops[opened] == y) {
                System.arraycopy(columns, 0, atTop[opened % atTop.length], 0, boxWidth);
                opened++;
            }
            int a = boxIndex + y * width;
            int b = a + shift;
            for (int x = 0; x < boxWidth; x++) {
                columns[x] += values[a + x] * values[b + x];
            }
            while (closed < tops.length && tops[closed] + size - 1 == y) {
                closeRow(closed, atTop[closed % atTop.length], out);
                closed++;
            }
        }
    }

    private void closeRow(int j, double[] top, long[] out) {
        long run = 0;
        for (int x = 0; x < boxWidth; x++) {
            run += (long) (columns[x] - top[x]);
            rowPrefix[x + 1] = run;
        }
        int nx = left.length;
        for (int i = 0; i < nx; i++) {
            out[j * nx + i] = rowPrefix[right[i]] - rowPrefix[left[i]];
        }
    }
}
