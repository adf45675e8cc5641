package org.symseg.descriptor;

/**
 * Translation-symmetry descriptor (paper, Eq. 3): for each shift (m, n) of a {@link ShiftSet},
 * the Pearson correlation of the (2p+1) x (2p+1) patch at the point with the patch shifted by
 * (m, n). Patch sums come from running sums, so the cost per shift and pixel does not depend on
 * the patch size.
 */
public final class TranslationDescriptor implements Descriptor {

    private static final long serialVersionUID = 1L;

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
        SummedArea sum = SummedArea.of(image, false);
        SummedArea sumSq = SummedArea.of(image, true);
        long[] sa = new long[points];
        double[] scaleA = new double[points];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                int k = j * xs.length + i;
                sa[k] = sum.box(xs[i] - p, ys[j] - p, size);
                scaleA[k] = Pearson.inverseDeviation(n, sumSq.box(xs[i] - p, ys[j] - p, size), sa[k]);
            }
        }
        // the shifted patches' sums and inverse deviations, by top-left corner, over every corner
        // a shift reaches: shifts of neighbouring points reach the same corners, so each is
        // worked out once, not once per point and shift
        int cx0 = xs[0] - p - shifts.maxAbsX();
        int cy0 = ys[0] - p - shifts.maxAbsY();
        int cw = xs[xs.length - 1] - xs[0] + 2 * shifts.maxAbsX() + 1;
        int ch = ys[ys.length - 1] - ys[0] + 2 * shifts.maxAbsY() + 1;
        long[] cornerSum = new long[cw * ch];
        double[] cornerScale = new double[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                long s = sum.box(cx0 + x, cy0 + y, size);
                cornerSum[y * cw + x] = s;
                cornerScale[y * cw + x] = Pearson.inverseDeviation(n, sumSq.box(cx0 + x, cy0 + y, size), s);
            }
        }
        // scores are gathered shift by shift, then turned point by point once at the end
        float[] byShift = new float[length * points];
        // the box that holds every patch; products are formed over it only
        int bx = xs[0] - p;
        int by = ys[0] - p;
        int bw = xs[xs.length - 1] + p - bx + 1;
        int bh = ys[ys.length - 1] + p - by + 1;
        int nx = xs.length;
        int[] left = new int[nx];
        int[] right = new int[nx];
        for (int i = 0; i < nx; i++) {
            left[i] = xs[i] - p - bx;
            right[i] = xs[i] + p - bx + 1;
        }
        // per shift: a running sum along each row of products, read off at the patch edges of
        // every point column, then summed down the columns; one pass over the box, so the cost
        // per shift does not depend on the patch size, and every sum is an exact long
        long[] rowPrefix = new long[bw + 1];
        long[] columnPrefix = new long[(bh + 1) * nx];
        int[] pix = image.pixels();
        int width = image.width();
        for (int s = 0; s < length; s++) {
            int dx = shifts.dx()[s];
            int dy = shifts.dy()[s];
            for (int y = 0; y < bh; y++) {
                int a = (by + y) * width + bx;
                int b = (by + y + dy) * width + bx + dx;
                long run = 0;
                for (int x = 0; x < bw; x++) {
                    run += (long) pix[a + x] * pix[b + x];
                    rowPrefix[x + 1] = run;
                }
                int above = y * nx;
                int here = above + nx;
                for (int i = 0; i < nx; i++) {
                    columnPrefix[here + i] = columnPrefix[above + i] + rowPrefix[right[i]] - rowPrefix[left[i]];
                }
            }
            for (int j = 0; j < ys.length; j++) {
                int top = (ys[j] - p - by) * nx;
                int bottom = (ys[j] + p - by + 1) * nx;
                int corners = (ys[j] - p + dy - cy0) * cw + dx - cx0 - p;
                for (int i = 0; i < nx; i++) {
                    int k = j * nx + i;
                    int q = corners + xs[i];
                    long sab = columnPrefix[bottom + i] - columnPrefix[top + i];
                    byShift[s * points + k] = Pearson.of(Pearson.centred(n, sab, sa[k], cornerSum[q]),
                            scaleA[k], cornerScale[q]);
                }
            }
        }
        for (int k = 0; k < points; k++) {
            for (int s = 0; s < length; s++) {
                out[k * length + s] = byShift[s * points + k];
            }
        }
    }
}
