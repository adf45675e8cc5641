package org.symseg.descriptor;

/**
 * The sum and inverse deviation ({@link Pearson#inverseDeviation}) of every square patch whose
 * top-left corner lies in a region: the shifted patches of the translation score. Shifts of
 * neighbouring points reach the same corners, so each is worked out once per tile, not once per
 * point and shift.
 *
 * <p>The points of a row are {@code step} pixels apart, so one shift reaches every step-th
 * corner of a row. Columns are stored grouped by their remainder modulo the step, so those
 * corners lie next to each other in memory: a shift reads whole cache lines, not one value in
 * each, and a row of points' corners as SIMD vectors ({@link PointScores}). Corners in columns or
 * rows that no shift reaches (remainders no shift has; 9 of 25 at the reference defaults, 16 of
 * 25 at the Fe-Nb reach) are neither worked out nor stored. The sums come from
 * {@link BoxMoments}, a row of corners at a time.
 */
final class CornerMoments {

    /** Per corner: its patch's sum, and its inverse deviation. */
    private final long[] sums;
    private final double[] inverseDeviations;
    private final int x0;
    private final int y0;
    private final int step;
    private final int rowStep;
    /** Per remainder of a column (row) modulo the step: its place among the reached ones, or -1. */
    private final int[] groupOf;
    private final int[] rowOf;
    private final int rowsPerStep;
    /** Rows kept in each group (those some shift reaches), and corners in each of its rows. */
    private final int keptRows;
    private final int perGroup;

    /**
     * The patches of side {@code size} at the points (xs, ys) moved by each of {@code shifts}, in
     * an image of {@code imageWidth} x {@code imageHeight} pixels given as doubles.
     */
    CornerMoments(double[] values, int imageWidth, int imageHeight, int size, int[] xs, int[] ys,
            ShiftSet shifts) {
        int p = size / 2;
        this.x0 = xs[0] - p - shifts.maxAbsX();
        this.y0 = ys[0] - p - shifts.maxAbsY();
        int width = xs[xs.length - 1] - xs[0] + 2 * shifts.maxAbsX() + 1;
        int height = ys[ys.length - 1] - ys[0] + 2 * shifts.maxAbsY() + 1;
        this.step = step(xs);
        this.rowStep = step(ys);
        this.groupOf = new int[step];
        this.rowOf = new int[rowStep];
        java.util.Arrays.fill(groupOf, -1);
        java.util.Arrays.fill(rowOf, -1);
        for (int s = 0; s < shifts.size(); s++) {
            groupOf[(shifts.dx()[s] + shifts.maxAbsX()) % step] = 0;
            rowOf[(shifts.dy()[s] + shifts.maxAbsY()) % rowStep] = 0;
        }
        int groups = number(groupOf);
        this.rowsPerStep = number(rowOf);
        this.keptRows = (height + rowStep - 1) / rowStep * rowsPerStep;
        this.perGroup = (width + step - 1) / step;
        this.sums = new long[groups * keptRows * perGroup];
        this.inverseDeviations = new double[sums.length];
        int[] columns = java.util.stream.IntStream.range(0, width).filter(x -> groupOf[x % step] >= 0)
                .map(x -> x0 + x).toArray();
        BoxMoments boxes = new BoxMoments(values, imageWidth, imageHeight, size, columns);
        int[] place = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            place[c] = columnPlace(columns[c]);
        }
        long[] rowSums = new long[columns.length];
        long[] rowSquares = new long[columns.length];
        long n = (long) size * size;
        for (int y = 0; y < height; y++) {
            if (rowOf[y % rowStep] < 0) {
                continue;
            }
            boxes.row(y0 + y, rowSums, rowSquares, 0);
            int row = rowPlace(y0 + y);
            for (int c = 0; c < columns.length; c++) {
                int at = row + place[c];
                sums[at] = rowSums[c];
                inverseDeviations[at] = Pearson.inverseDeviation(n, rowSquares[c], rowSums[c]);
            }
        }
    }

    /** Numbers the marked (0) entries in order, leaving -1 as is; how many there are. */
    private static int number(int[] marks) {
        int count = 0;
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] >= 0) {
                marks[i] = count++;
            }
        }
        return count;
    }

    /**
     * The step between the columns of points, when they are equally spaced (a stride grid), else
     * 1: the points of a row reach the shifted patches' corners every step pixels.
     */
    static int step(int[] xs) {
        int step = xs.length > 1 ? xs[1] - xs[0] : 1;
        for (int i = 2; i < xs.length; i++) {
            if (xs[i] - xs[i - 1] != step) {
                return 1;
            }
        }
        return step;
    }

    /**
     * Where corner (x, y) is kept; the corner {@code step * i} pixels right of it is at index + i.
     * Only corners some shift reaches have a place.
     */
    int index(int x, int y) {
        return columnPlace(x) + rowPlace(y);
    }

    private int columnPlace(int x) {
        int rx = x - x0;
        return groupOf[rx % step] * keptRows * perGroup + rx / step;
    }

    private int rowPlace(int y) {
        int ry = y - y0;
        return (ry / rowStep * rowsPerStep + rowOf[ry % rowStep]) * perGroup;
    }

    /** Every corner's patch sum, by {@link #index}. */
    long[] sums() {
        return sums;
    }

    /** Every corner's inverse deviation, by {@link #index}. */
    double[] inverseDeviations() {
        return inverseDeviations;
    }
}
