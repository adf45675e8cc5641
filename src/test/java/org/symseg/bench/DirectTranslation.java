package org.symseg.bench;

import org.symseg.descriptor.QuantizedImage;
import org.symseg.descriptor.ShiftSet;

/**
 * The direct way to compute translation scores, as the reference module's direct method does:
 * for every point and shift, loop over the patch. Exact in double; the yardstick both for the
 * fast kernel's correctness (tests) and its speed (benchmarks).
 */
public final class DirectTranslation {

    private DirectTranslation() {
    }

    /** Pearson correlation of the patch at (x, y) with the patch at (x + dx, y + dy). */
    public static double score(QuantizedImage image, int x, int y, int dx, int dy, int p) {
        double n = (2 * p + 1) * (2 * p + 1);
        double sa = 0;
        double sb = 0;
        for (int v = -p; v <= p; v++) {
            for (int u = -p; u <= p; u++) {
                sa += image.at(x + u, y + v);
                sb += image.at(x + dx + u, y + dy + v);
            }
        }
        double ma = sa / n;
        double mb = sb / n;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int v = -p; v <= p; v++) {
            for (int u = -p; u <= p; u++) {
                double a = image.at(x + u, y + v) - ma;
                double b = image.at(x + dx + u, y + dy + v) - mb;
                cov += a * b;
                va += a * a;
                vb += b * b;
            }
        }
        return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
    }

    /** All scores of the points (xs[i], ys[j]), laid out as the fast kernel lays them out. */
    public static void compute(QuantizedImage image, int[] xs, int[] ys, ShiftSet shifts, int p,
            float[] out) {
        int length = shifts.size();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                for (int s = 0; s < length; s++) {
                    out[(j * xs.length + i) * length + s] = (float) score(image, xs[i], ys[j],
                            shifts.dx()[s], shifts.dy()[s], p);
                }
            }
        }
    }
}
