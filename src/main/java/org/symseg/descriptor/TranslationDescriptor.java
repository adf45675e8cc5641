package org.symseg.descriptor;

/**
 * Translation-symmetry descriptor (paper, Eq. 3): for each shift (m, n) of a {@link ShiftSet},
 * the Pearson correlation of the (2p+1) x (2p+1) patch at the point with the patch shifted by
 * (m, n). Patch sums come from summed-area tables, so the cost per shift and pixel does not depend
 * on the patch size.
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
        long[] saa = new long[points];
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                sa[j * xs.length + i] = sum.box(xs[i] - p, ys[j] - p, size);
                saa[j * xs.length + i] = sumSq.box(xs[i] - p, ys[j] - p, size);
            }
        }
        // the box that holds every patch; products are formed over it only
        int bx = xs[0] - p;
        int by = ys[0] - p;
        int bw = xs[xs.length - 1] + p - bx + 1;
        int bh = ys[ys.length - 1] + p - by + 1;
        long[] products = new long[bw * bh];
        long[] table = new long[(bw + 1) * (bh + 1)];
        int[] pix = image.pixels();
        int width = image.width();
        for (int s = 0; s < length; s++) {
            int dx = shifts.dx()[s];
            int dy = shifts.dy()[s];
            for (int y = 0; y < bh; y++) {
                int a = (by + y) * width + bx;
                int b = (by + y + dy) * width + bx + dx;
                int o = y * bw;
                for (int x = 0; x < bw; x++) {
                    products[o + x] = (long) pix[a + x] * pix[b + x];
                }
            }
            SummedArea cross = SummedArea.over(products, bw, bh, table);
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    int k = j * xs.length + i;
                    int x = xs[i] - p;
                    int y = ys[j] - p;
                    long sb = sum.box(x + dx, y + dy, size);
                    long sbb = sumSq.box(x + dx, y + dy, size);
                    long sab = cross.box(x - bx, y - by, size);
                    out[k * length + s] = Pearson.of(n, sa[k], sb, saa[k], sbb, sab);
                }
            }
        }
    }
}
