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
 * each, and a row of points' corners as SIMD vectors ({@link PointScores}). Corners in columns or rows that no shift reaches
 * (remainders no shift has; 9 of 25 at the reference defaults, 16 of 25 at the Fe-Nb reach)
 * are left out.
 */
final class CornerMoments {

    /** Per corner: its patch's sum, and its inverse deviation. */
    private final long[] sums;
    private final double[] inverseDeviations;
    private final int x0;
    private final int y0;
    private final int height;
    private final int perGroup;
    private final int step;

    /** The patches of side {@code size} at the points (xs, ys) moved by each of {@code shifts}. */
    CornerMoments(SummedArea sum, SummedArea sumOfSquares, int size, int[] xs, int[] ys, ShiftSet shifts) {
        int p = size / 2;
        this.x0 = xs[0] - p - shifts.maxAbsX();
        this.y0 = ys[0] - p - shifts.maxAbsY();
        int width = xs[xs.length - 1] - xs[0] + 2 * shifts.maxAbsX() + 1;
        this.height = ys[ys.length - 1] - ys[0] + 2 * shifts.maxAbsY() + 1;
        this.step = step(xs);
        this.perGroup = (width + step - 1) / step;
        this.sums = new long[step * height * perGroup];
        this.inverseDeviations = new double[sums.length];
        int rowStep = step(ys);
        boolean[] reachedColumn = new boolean[step];
        boolean[] reachedRow = new boolean[rowStep];
        for (int s = 0; s < shifts.size(); s++) {
            reachedColumn[(shifts.dx()[s] + shifts.maxAbsX()) % step] = true;
            reachedRow[(shifts.dy()[s] + shifts.maxAbsY()) % rowStep] = true;
        }
        long n = (long) size * size;
        for (int y = 0; y < height; y++) {
            if (!reachedRow[y % rowStep]) {
                continue;
            }
            for (int x = 0; x < width; x++) {
                if (!reachedColumn[x % step]) {
                    continue;
                }
                long s = sum.box(x0 + x, y0 + y, size);
                int at = index(x0 + x, y0 + y);
                sums[at] = s;
                inverseDeviations[at] = Pearson.inverseDeviation(n, sumOfSquares.box(x0 + x, y0 + y, size), s);
            }
        }
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

    /** Where corner (x, y) is kept; the corner {@code step * i} pixels right of it is at index + i. */
    int index(int x, int y) {
        int rx = x - x0;
        return ((rx % step) * height + y - y0) * perGroup + rx / step;
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
