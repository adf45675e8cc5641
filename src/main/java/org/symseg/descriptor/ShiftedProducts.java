package org.symseg.descriptor;

import java.util.Arrays;

/**
 * For one shift d = (dx, dy) at a time, the sum over every point's square patch of the products
 * of the image with its shifted copy: the cross term of the translation score. The opposite
 * shift -d comes with it for little more: its sum over a patch is the sum of the same products
 * I(q) I(q + d) over the patch moved by -d, so one pass over the products serves both.
 *
 * <p>The products are summed down the columns of the box that holds every patch (both boxes,
 * for a shift and its opposite), a whole row at a time. Unlike a running sum along a row, such a
 * pass carries nothing from one pixel to the next, so it runs as SIMD ({@link ColumnProducts})
 * near the speed of a plain streaming pass. Where a row of points' patches starts, the column
 * sums are set aside; where they end, the difference is each column's sum over the patches'
 * rows, and one running sum along that row gives every patch of the row. The cost per shift and
 * pixel does not depend on the patch size.
 *
 * <p>Products of 16-bit values are below 2^32, so column sums over fewer than 2^21 rows are exact
 * integers in {@code double}, and the row sums are exact {@code long}s: a point's sum is the
 * same whichever tile computes it, and whether or not it came with the opposite shift.
 */
final class ShiftedProducts {

    private static final int MAX_ROWS = 1 << 21;

    private final double[] values;
    private final int width;
    /** Image column and row of the box's top-left corner. */
    private final int boxX;
    private final int boxY;
    private final int boxWidth;
    private final int boxHeight;
    private final int size;
    /** Box row of the top of each point row's patches, ascending. */
    private final int[] tops;
    /** Box column each point column's patches start at. */
    private final int[] left;
    /** Point rows whose patches are open at once, at most. */
    private final int open;
    private double[] columns = new double[0];
    private final long[] rowPrefix;
    /** One row's column sums over the patches' rows. */
    private final long[] sums;
    private final Patches forward;
    private final Patches backward;
    private final ColumnProducts rows = ColumnProducts.widest();

    /** Where one shift's patches lie in the pass's rows and columns, and where their sums go. */
    private final class Patches {
        private double[][] atTop = new double[0][];
        private int rowOffset;
        private int columnOffset;
        private long[] out;
        private int opened;
        private int closed;

        void start(int rowOffset, int columnOffset, long[] out, int passWidth) {
            this.rowOffset = rowOffset;
            this.columnOffset = columnOffset;
            this.out = out;
            this.opened = 0;
            this.closed = 0;
            if (atTop.length == 0 || atTop[0].length < passWidth) {
                atTop = new double[open][passWidth];
            }
        }

        /** Sets the column sums aside where a point row's patches start at pass row y. */
        void beforeRow(int y, int passWidth) {
            while (opened < tops.length && tops[opened] + rowOffset == y) {
                System.arraycopy(columns, 0, atTop[opened % open], 0, passWidth);
                opened++;
            }
        }

        /** Turns the column sums into patch sums where a point row's patches end at pass row y. */
        void afterRow(int y) {
            while (closed < tops.length && tops[closed] + size - 1 + rowOffset == y) {
                closeRow(closed, atTop[closed % open]);
                closed++;
            }
        }

        private void closeRow(int j, double[] top) {
            rows.differences(columns, top, columnOffset, sums, boxWidth);
            long run = 0;
            for (int x = 0; x < boxWidth; x++) {
                run += sums[x];
                rowPrefix[x + 1] = run;
            }
            int nx = left.length;
            for (int i = 0; i < nx; i++) {
                out[j * nx + i] = rowPrefix[left[i] + size] - rowPrefix[left[i]];
            }
        }
    }

    /**
     * Patches of side {@code size} with top-left corners at (xs[i] - p, ys[j] - p), where
     * p = size / 2, over the image {@code values} (pixels as doubles, row-major, {@code width}
     * wide).
     */
    ShiftedProducts(double[] values, int width, int[] xs, int[] ys, int size) {
        int p = size / 2;
        this.values = values;
        this.width = width;
        this.size = size;
        this.boxX = xs[0] - p;
        this.boxY = ys[0] - p;
        this.boxWidth = xs[xs.length - 1] + p - boxX + 1;
        this.boxHeight = ys[ys.length - 1] + p - boxY + 1;
        // a pass over a shift and its opposite covers fewer than twice the box's rows (pairs)
        if (boxHeight >= MAX_ROWS / 2) {
            throw new IllegalArgumentException("a tile of " + boxHeight + " rows is too tall");
        }
        this.tops = new int[ys.length];
        int most = 0;
        for (int j = 0; j < ys.length; j++) {
            tops[j] = ys[j] - p - boxY;
            int first = j;
            while (first > 0 && tops[first - 1] + size > tops[j]) {
                first--;
            }
            most = Math.max(most, j - first + 1);
        }
        this.open = most;
        this.left = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            left[i] = xs[i] - p - boxX;
        }
        this.rowPrefix = new long[boxWidth + 1];
        this.sums = new long[boxWidth];
        this.forward = new Patches();
        this.backward = new Patches();
    }

    /**
     * Whether shift d and its opposite cost less in one pass over the box grown by |d| than in
     * one pass each over the box.
     */
    boolean pairs(int dx, int dy) {
        return (long) (boxWidth + Math.abs(dx)) * (boxHeight + Math.abs(dy)) < 2L * boxWidth * boxHeight;
    }

    /** The patch sums for shift (dx, dy), point (i, j)'s into out[j * xs.length + i]. */
    void sums(int dx, int dy, long[] out) {
        pass(dx, dy, out, null);
    }

    /** The patch sums for shift (dx, dy) into out, and for (-dx, -dy) into opposite. */
    void sums(int dx, int dy, long[] out, long[] opposite) {
        pass(dx, dy, out, opposite);
    }

    /**
     * One pass over the products I(q) I(q + d) for q in the box, and in the box moved by -d when
     * {@code opposite} is wanted.
     */
    private void pass(int dx, int dy, long[] out, long[] opposite) {
        boolean both = opposite != null;
        int x0 = both ? Math.min(0, -dx) : 0;
        int y0 = both ? Math.min(0, -dy) : 0;
        int passWidth = boxWidth + (both ? Math.abs(dx) : 0);
        int passHeight = boxHeight + (both ? Math.abs(dy) : 0);
        if (columns.length < passWidth) {
            columns = new double[passWidth];
        }
        Arrays.fill(columns, 0, passWidth, 0);
        forward.start(-y0, -x0, out, passWidth);
        if (both) {
            backward.start(-dy - y0, -dx - x0, opposite, passWidth);
        }
        int shift = dy * width + dx;
        for (int y = 0; y < passHeight; y++) {
            forward.beforeRow(y, passWidth);
            if (both) {
                backward.beforeRow(y, passWidth);
            }
            int a = (boxY + y0 + y) * width + boxX + x0;
            rows.add(values, a, a + shift, columns, passWidth);
            forward.afterRow(y);
            if (both) {
                backward.afterRow(y);
            }
        }
    }
}
