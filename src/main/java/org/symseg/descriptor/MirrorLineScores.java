package org.symseg.descriptor;

/**
 * Pearson scores of a disk against its mirror image across the grid row through its centre, at
 * every grid point of a range ({@link MirrorGrid}). The disk's sample at (a + d, t + k) pairs with
 * the one at (a + d, t - k), so its cross term is a sum, over rows k, of products of two grid rows
 * along a stretch of |d| <= L(k): moving the centre one step along a adds one product and removes
 * one per row. A score then costs some 2r + 1 products and sums instead of the disk's pi r^2, and
 * the same holds for the disk's sum and sum of squares (the mirror maps the disk onto itself, so
 * both copies share them).
 *
 * <p>The samples are integers, so the running sums are exact and a score does not depend on where
 * its run started. Disks are slid in strips of {@link #STRIP} neighbours along t: a vector of
 * them at a time ({@link VectorMirrorRows}) where the JVM runs SIMD, one at a time otherwise.
 */
final class MirrorLineScores {

    /** Neighbouring disks along t whose sums are slid together. */
    static final int STRIP = 64;

    /**
     * The disk's rows in mirror pairs: per pair, the offsets from t of its upper and lower row,
     * and the half-length of their stretch along a. With {@code selfFirst}, the first pair is row
     * t with itself (a mirror line along a grid row).
     */
    record Rows(int[] upper, int[] lower, int[] half, boolean selfFirst) {
    }

    private final Rows rows;
    private final long count;
    private final boolean simd;

    /**
     * Disks of {@code radius}: the grid points within the radius of the centre, which lies on
     * grid point (a, t) or half-way to row t + 1 ({@code betweenRows}), as {@link Disk} has them
     * (its rows along t). {@code simd}: whether the sliding step runs in SIMD
     * ({@link CpuFeatures#vectors}).
     */
    MirrorLineScores(int radius, boolean betweenRows, boolean simd) {
        Disk disk = Disk.of(radius, false, betweenRows);
        int hr = betweenRows ? 1 : 0;
        // row v pairs with row hr - v; the upper rows of the pairs are v = hr .. radius + hr
        int[] half = new int[radius + 1];
        java.util.Arrays.fill(half, -1);
        for (int k = 0; k < disk.size(); k++) {
            int v = disk.v(k) - hr;
            if (v >= 0) {
                half[v] = Math.max(half[v], Math.abs(disk.u(k)));
            }
        }
        int pairs = 0;
        while (pairs <= radius && half[pairs] >= 0) {
            pairs++;
        }
        int[] upper = new int[pairs];
        int[] lower = new int[pairs];
        for (int j = 0; j < pairs; j++) {
            upper[j] = j + hr;
            lower[j] = -j;
        }
        this.rows = new Rows(upper, lower, java.util.Arrays.copyOf(half, pairs), !betweenRows);
        this.count = disk.size();
        this.simd = simd;
    }

    /**
     * Scores at grid indices ia in [aFrom, aTo), it in [tFrom, tTo): each kept in
     * {@code out[ia * countT + it + shift]} where it beats what that holds. The disks must lie in
     * the grid.
     */
    void keepBetter(MirrorGrid grid, int aFrom, int aTo, int tFrom, int tTo, float[] out, int shift) {
        // the first row pair is the widest; its stretch's ends are the farthest columns any disk reads
        int widest = rows.half()[0];
        int lowest = rows.lower()[rows.lower().length - 1];
        int highest = rows.upper()[rows.upper().length - 1];
        if (aFrom - widest < 0 || aTo - 1 + widest >= grid.countA || tFrom + lowest < 0
                || tTo - 1 + highest >= grid.countT) {
            throw new IllegalArgumentException("disks leave the grid");
        }
        double[] c = new double[STRIP];
        double[] s = new double[STRIP];
        double[] ss = new double[STRIP];
        for (int t = tFrom; t < tTo; t += STRIP) {
            int width = Math.min(STRIP, tTo - t);
            direct(grid, aFrom, t, width, c, s, ss);
            score(c, s, ss, width, out, aFrom * grid.countT + t + shift);
            for (int a = aFrom + 1; a < aTo; a++) {
                slide(grid, a, t, width, c, s, ss);
                score(c, s, ss, width, out, a * grid.countT + t + shift);
            }
        }
    }

    /** The sums of the disks at (a, t .. t + width - 1), from scratch. */
    private void direct(MirrorGrid grid, int a, int t, int width, double[] c, double[] s, double[] ss) {
        double[] g = grid.samples;
        int stride = grid.countT;
        java.util.Arrays.fill(c, 0);
        java.util.Arrays.fill(s, 0);
        java.util.Arrays.fill(ss, 0);
        for (int j = 0; j < rows.upper().length; j++) {
            int u = rows.upper()[j];
            int v = rows.lower()[j];
            double weight = u == v ? 1 : 2;
            for (int d = -rows.half()[j]; d <= rows.half()[j]; d++) {
                int at = (a + d) * stride + t;
                for (int i = 0; i < width; i++) {
                    double p = g[at + u + i];
                    double q = g[at + v + i];
                    c[i] += weight * p * q;
                    s[i] += u == v ? p : p + q;
                    ss[i] += u == v ? p * p : p * p + q * q;
                }
            }
        }
    }

    /** The sums moved from the disks at a - 1 to those at a: each row gains a column and loses one. */
    private void slide(MirrorGrid grid, int a, int t, int width, double[] c, double[] s, double[] ss) {
        double[] g = grid.samples;
        int stride = grid.countT;
        int done = simd ? VectorMirrorRows.slide(g, stride, a, t, width, rows, c, s, ss) : 0;
        int[] upper = rows.upper();
        int[] lower = rows.lower();
        int[] half = rows.half();
        int first = rows.selfFirst() ? 1 : 0;
        for (int i = done; i < width; i++) {
            // along the row itself, the cross term is the row's sum of squares
            double self = 0;
            double sum = 0;
            if (first == 1) {
                double p = g[(a + half[0]) * stride + t + i];
                double q = g[(a - half[0] - 1) * stride + t + i];
                self = p * p - q * q;
                sum = p - q;
            }
            double squares = self;
            double twice = 0;
            for (int j = first; j < upper.length; j++) {
                int in = (a + half[j]) * stride + t + i;
                int out = (a - half[j] - 1) * stride + t + i;
                double ip = g[in + upper[j]];
                double iq = g[in + lower[j]];
                double op = g[out + upper[j]];
                double oq = g[out + lower[j]];
                twice += ip * iq - op * oq;
                sum += (ip + iq) - (op + oq);
                squares += (ip * ip + iq * iq) - (op * op + oq * oq);
            }
            c[i] += self + 2 * twice;
            s[i] += sum;
            ss[i] += squares;
        }
    }

    /** The scores of a row of disks from their sums, each kept where it beats out's value. */
    private void score(double[] c, double[] s, double[] ss, int width, float[] out, int at) {
        for (int i = 0; i < width; i++) {
            long sum = (long) s[i];
            double variance = Pearson.centred(count, (long) ss[i], sum, sum);
            double cross = Pearson.centred(count, (long) c[i], sum, sum);
            float score = variance > 0 ? Pearson.clamped(cross / variance) : 0f;
            out[at + i] = Math.max(out[at + i], score);
        }
    }
}
