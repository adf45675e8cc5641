package org.symseg.descriptor;

/**
 * Translation-symmetry descriptor (paper, Eq. 3): for each shift (m, n) of a {@link ShiftSet},
 * the Pearson correlation of the (2p+1) x (2p+1) patch at the point with the patch shifted by
 * (m, n). Patch sums come from column sums moved down the rows ({@link BoxMoments},
 * {@link CornerMoments}) and the cross terms from {@link ShiftedProducts}, so the cost per shift
 * and pixel does not depend on the patch size.
 */
public final class TranslationDescriptor implements Descriptor {

    private static final long serialVersionUID = 1L;

    /**
     * Points turned from shift order to point order at a time: each shift's scores of the block
     * are read in one run, and the block's rows of the output stay in the cache until every
     * shift has filled them. A whole image's 3.57 million scores took 3.0 ms so, 10 ms point
     * after point (BENCHMARKS.md, issue 7).
     */
    private static final int TRANSPOSED = 128;

    private final int patchHalf;
    private final ShiftSet shifts;

    public TranslationDescriptor(int patchHalf, int windowHalf, int shiftCount) {
        if (patchHalf < 0) {
            throw new IllegalArgumentException("patch half-size must be >= 0");
        }
        this.patchHalf = patchHalf;
        this.shifts = ShiftSet.uniform(shiftCount, windowHalf, windowHalf);
    }

    public ShiftSet shifts() {
        return shifts;
    }

    @Override
    public int length() {
        return shifts.size();
    }

    @Override
    public String channel(int index) {
        return "T(" + shifts.dx()[index] + "," + shifts.dy()[index] + ")";
    }

    @Override
    public int reach() {
        return patchHalf + Math.max(shifts.maxAbsX(), shifts.maxAbsY());
    }

    @Override
    public void compute(QuantizedImage image, int[] xs, int[] ys, float[] out) {
        int p = patchHalf;
        int size = 2 * p + 1;
        long n = (long) size * size;
        int length = length();
        int points = xs.length * ys.length;
        if (points == 0) {
            return;
        }
        double[] values = image.asDoubles();
        long[] sa = new long[points];
        long[] saa = new long[points];
        BoxMoments own = new BoxMoments(values, image.width(), image.height(), size,
                java.util.Arrays.stream(xs).map(x -> x - p).toArray());
        for (int j = 0; j < ys.length; j++) {
            own.row(ys[j] - p, sa, saa, j * xs.length);
        }
        double[] scaleA = new double[points];
        for (int k = 0; k < points; k++) {
            scaleA[k] = Pearson.inverseDeviation(n, saa[k], sa[k]);
        }
        int nx = xs.length;
        int step = CornerMoments.step(xs);
        int[] columnOffset = new int[nx];
        for (int i = 0; i < nx; i++) {
            columnOffset[i] = (xs[i] - xs[0]) / step;
        }
        CornerMoments corners = new CornerMoments(values, image.width(), image.height(), size, xs, ys, shifts);
        // scores are gathered shift by shift, then turned point by point once at the end
        float[] byShift = new float[length * points];
        Scorer scorer = new Scorer(n, p, xs, ys, columnOffset, sa, scaleA, corners, byShift);
        ShiftedProducts products = new ShiftedProducts(values, image.width(), xs, ys, size);
        long[] sab = new long[points];
        long[] sabOpposite = new long[points];
        int[] opposite = shifts.opposites();
        for (int s = 0; s < length; s++) {
            int dx = shifts.dx()[s];
            int dy = shifts.dy()[s];
            int o = opposite[s];
            if (o >= 0 && products.pairs(dx, dy)) {
                if (o < s) {
                    continue; // scored with its opposite
                }
                products.sums(dx, dy, sab, sabOpposite);
                scorer.score(o, -dx, -dy, sabOpposite);
            } else {
                products.sums(dx, dy, sab);
            }
            scorer.score(s, dx, dy, sab);
        }
        for (int from = 0; from < points; from += TRANSPOSED) {
            int to = Math.min(points, from + TRANSPOSED);
            for (int s = 0; s < length; s++) {
                for (int k = from; k < to; k++) {
                    out[k * length + s] = byShift[s * points + k];
                }
            }
        }
    }

    /**
     * Scores one shift at every point, into {@code byShift[s * points + k]}: the points' own patch
     * sums and inverse deviations, the shifted patches' from their corners. Where a row of points
     * reaches consecutive corners (points on a stride grid), the row goes through
     * {@link PointScores} at once.
     */
    private record Scorer(long n, int p, int[] xs, int[] ys, int[] columnOffset, long[] sa,
            double[] scaleA, CornerMoments corners, float[] byShift, PointScores rows) {

        Scorer(long n, int p, int[] xs, int[] ys, int[] columnOffset, long[] sa, double[] scaleA,
                CornerMoments corners, float[] byShift) {
            this(n, p, xs, ys, columnOffset, sa, scaleA, corners, byShift, PointScores.widest(byShift.length));
        }

        void score(int s, int dx, int dy, long[] sab) {
            int nx = xs.length;
            int points = sa.length;
            long[] cornerSums = corners.sums();
            double[] cornerScales = corners.inverseDeviations();
            boolean consecutive = columnOffset[nx - 1] == nx - 1;
            for (int j = 0; j < ys.length; j++) {
                int first = corners.index(xs[0] - p + dx, ys[j] - p + dy);
                if (consecutive) {
                    rows.row(n, sab, sa, scaleA, j * nx, cornerSums, cornerScales, first, byShift, s * points + j * nx,
                            nx);
                    continue;
                }
                for (int i = 0; i < nx; i++) {
                    int k = j * nx + i;
                    PointScores.SCALAR.row(n, sab, sa, scaleA, k, cornerSums, cornerScales, first + columnOffset[i],
                            byShift, s * points + k, 1);
                }
            }
        }
    }
}
