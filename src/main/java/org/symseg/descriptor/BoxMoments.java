package org.symseg.descriptor;

/**
 * Sum and sum of squares of the size x size boxes of an image whose top-left corners lie in a
 * fixed set of columns, one row of corners at a time. Each column keeps its sum over the box's
 * rows, moved down by adding the row that enters and taking away the row that leaves (as SIMD,
 * {@link ColumnProducts#slide}); one running sum across a row of those then gives every box of
 * the row. Unlike summed-area tables, nothing the size of the image is stored, and rows of
 * corners nobody asks for cost only the move past them.
 *
 * <p>Pixels are integers below 2^16, so the column sums are whole numbers below 2^53, exact in
 * {@code double}, and the box sums exact {@code long}s: the same numbers as any other way of
 * adding the box up.
 */
final class BoxMoments {

    private final double[] values;
    private final int width;
    private final int height;
    private final int size;
    /** Box columns, relative to {@link #from}, ascending. */
    private final int[] columns;
    /** The first image column any box covers. */
    private final int from;
    /** Per image column from {@link #from} on: the sum (and of squares) over the box's rows. */
    private final double[] down;
    private final double[] downSquares;
    /** Running sums of {@link #down} along the row: entry x holds the sum of its first x values. */
    private final long[] across;
    private final long[] acrossSquares;
    private final ColumnProducts columnPass = ColumnProducts.widest();
    /** The top row {@link #down} covers now; none before the first {@link #row}. */
    private int top = -1;

    /**
     * Boxes of side {@code size} whose left columns are {@code columns}, ascending, over an image
     * of {@code width} x {@code height} pixels given as doubles ({@link QuantizedImage#asDoubles()}).
     */
    BoxMoments(double[] values, int width, int height, int size, int[] columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("no box columns");
        }
        for (int i = 1; i < columns.length; i++) {
            if (columns[i] <= columns[i - 1]) {
                throw new IllegalArgumentException("box columns must ascend");
            }
        }
        int last = columns[columns.length - 1] + size;
        if (columns[0] < 0 || last > width) {
            throw new IllegalArgumentException("boxes from column " + columns[0] + " to " + last
                    + " leave an image " + width + " wide");
        }
        this.values = values;
        this.width = width;
        this.height = height;
        this.size = size;
        this.from = columns[0];
        this.columns = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            this.columns[i] = columns[i] - from;
        }
        int span = last - from;
        this.down = new double[span];
        this.downSquares = new double[span];
        this.across = new long[span + 1];
        this.acrossSquares = new long[span + 1];
    }

    /**
     * The boxes whose top row is {@code y}: box i's sum into sums[into + i] and its sum of squares
     * into squares[into + i]. Rows asked in ascending order move the column sums down; any other
     * order adds them up afresh.
     */
    void row(int y, long[] sums, long[] squares, int into) {
        if (y < 0 || y + size > height) {
            throw new IllegalArgumentException("boxes at row " + y + " leave an image " + height + " high");
        }
        if (top < 0 || y < top || 2 * (y - top) >= size) {
            restart(y);
        } else {
            for (; top < y; top++) {
                columnPass.slide(values, (top + size) * width + from, top * width + from, down, downSquares,
                        down.length);
            }
        }
        runAcross(down, across);
        runAcross(downSquares, acrossSquares);
        for (int i = 0; i < columns.length; i++) {
            int left = columns[i];
            sums[into + i] = across[left + size] - across[left];
            squares[into + i] = acrossSquares[left + size] - acrossSquares[left];
        }
    }

    /**
     * Running sums in {@code long}: a double's additions would each wait for the one before (4
     * cycles), a long's take one.
     */
    private static void runAcross(double[] columnSums, long[] running) {
        long run = 0;
        for (int x = 0; x < columnSums.length; x++) {
            run += (long) columnSums[x];
            running[x + 1] = run;
        }
    }

    private void restart(int y) {
        java.util.Arrays.fill(down, 0);
        java.util.Arrays.fill(downSquares, 0);
        for (int r = y; r < y + size; r++) {
            int at = r * width + from;
            for (int x = 0; x < down.length; x++) {
                double v = values[at + x];
                down[x] += v;
                downSquares[x] += v * v;
            }
        }
        top = y;
    }
}
