package org.symseg.descriptor;

/**
 * Max-pooling of one operation's whole-pixel scores over the windows of one compute call,
 * refined on the half-pixel grid around the windows' peaks ({@link PointSymmetryDescriptor}
 * gives the rule). Windows overlap heavily, so the work is shared: each box row's maxima over
 * the point columns' spans are found once, and the pixels that beat none of their neighbours are
 * listed per row once, so a window visits its peaks instead of all its pixels. Only the pixels
 * on a window's edge, whose neighbours outside the window do not count, are checked one by one.
 * A half-pixel score is computed once per call, when a window first needs it.
 */
final class PeakPooling {

    /** The operation's whole-pixel scores: bw x bh values of {@code scores} from {@code base}. */
    private final float[] plane;
    private final int base;
    private final float[] half;
    private final DiskScorer[] scorers;
    private final int o;
    private final int h;
    private final int bw;
    private final int bh;
    private final int bx;
    private final int by;
    private final int width;
    private final float[] block;
    /** Per box row, ascending, the columns of pixels that no neighbour inside the box beats. */
    private final int[][] peakColumns;

    /**
     * Operation {@code o} of {@code scores} (one bw x bh plane per operation over the box at
     * (bx, by), operation by operation), pooled over windows of half-size {@code h}; half-pixel
     * scores come from {@code scorers} (by centring) over an image {@code width} wide.
     * {@code half} is scratch of 4 bw bh values.
     */
    PeakPooling(float[] scores, int o, int h, int bw, int bh, int bx, int by,
            DiskScorer[] scorers, int width, float[] half) {
        this.o = o;
        this.h = h;
        this.bw = bw;
        this.bh = bh;
        this.bx = bx;
        this.by = by;
        this.scorers = scorers;
        this.width = width;
        this.half = half;
        this.block = new float[scorers[0].lanes()];
        this.plane = scores;
        this.base = o * bw * bh;
        this.peakColumns = new int[bh][];
        for (int y = 0; y < bh; y++) {
            peakColumns[y] = peaksOfRow(y);
        }
        java.util.Arrays.fill(half, Float.NaN);
    }

    private int[] peaksOfRow(int y) {
        int[] columns = new int[bw];
        int count = 0;
        for (int x = 0; x < bw; x++) {
            if (beatsNoNeighbour(x, y, 0, 0, bw - 1, bh - 1)) {
                columns[count++] = x;
            }
        }
        return java.util.Arrays.copyOf(columns, count);
    }

    /** Pooled values of the windows centred at the points, into out[(j * xs.length + i) * ops + o]. */
    void poolAll(int[] xs, int[] ys, float[] out, int ops) {
        int nx = xs.length;
        // each row's maxima over the points' column spans, shared by the windows above and below
        float[] rowMax = new float[bh * nx];
        for (int y = 0; y < bh; y++) {
            for (int i = 0; i < nx; i++) {
                int cx = xs[i] - bx;
                float max = Float.NEGATIVE_INFINITY;
                for (int x = cx - h; x <= cx + h; x++) {
                    max = Math.max(max, plane[base + y * bw + x]);
                }
                rowMax[y * nx + i] = max;
            }
        }
        for (int j = 0; j < ys.length; j++) {
            int cy = ys[j] - by;
            for (int i = 0; i < nx; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int y = cy - h; y <= cy + h; y++) {
                    max = Math.max(max, rowMax[y * nx + i]);
                }
                out[(j * nx + i) * ops + o] = pooled(xs[i] - bx, cy, max);
            }
        }
    }

    /** The pooled score of the window centred at box position (cx, cy), whose best pixel is max. */
    private float pooled(int cx, int cy, float max) {
        float threshold = max - PointSymmetryDescriptor.PEAK_MARGIN;
        float best = max;
        for (int y = cy - h; y <= cy + h; y++) {
            if (y == cy - h || y == cy + h) {
                for (int x = cx - h; x <= cx + h; x++) {
                    best = Math.max(best, ifEdgePeak(x, y, cx, cy, threshold));
                }
                continue;
            }
            best = Math.max(best, ifEdgePeak(cx - h, y, cx, cy, threshold));
            best = Math.max(best, ifEdgePeak(cx + h, y, cx, cy, threshold));
            // inside the window, a pixel's neighbours are all in it: the row's peak list holds
            int[] peaks = peakColumns[y];
            for (int p = firstAtLeast(peaks, cx - h + 1); p < peaks.length && peaks[p] < cx + h; p++) {
                if (plane[base + y * bw + peaks[p]] >= threshold) {
                    best = Math.max(best, aroundPeak(peaks[p], y, cx, cy));
                }
            }
        }
        return best;
    }

    /** The refined score around edge pixel (x, y) if it is a peak of the window near its best. */
    private float ifEdgePeak(int x, int y, int cx, int cy, float threshold) {
        return plane[base + y * bw + x] >= threshold && beatsNoNeighbour(x, y, cx - h, cy - h, cx + h, cy + h)
                ? aroundPeak(x, y, cx, cy) : Float.NEGATIVE_INFINITY;
    }

    private static int firstAtLeast(int[] sorted, int value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** No neighbour of (x, y) inside the rectangle [x0, x1] x [y0, y1] scores higher. */
    private boolean beatsNoNeighbour(int x, int y, int x0, int y0, int x1, int y1) {
        float s = plane[base + y * bw + x];
        for (int ny = Math.max(y - 1, y0); ny <= Math.min(y + 1, y1); ny++) {
            for (int nx = Math.max(x - 1, x0); nx <= Math.min(x + 1, x1); nx++) {
                if (plane[base + ny * bw + nx] > s) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Best score at the eight half-pixel positions around (x, y) that lie in the window. */
    private float aroundPeak(int x, int y, int cx, int cy) {
        float best = Float.NEGATIVE_INFINITY;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                // half-pixel position in the box
                int hx = 2 * x + dx;
                int hy = 2 * y + dy;
                if ((dx == 0 && dy == 0) || hx < 2 * (cx - h) || hx > 2 * (cx + h)
                        || hy < 2 * (cy - h) || hy > 2 * (cy + h)) {
                    continue;
                }
                int k = hy * 2 * bw + hx;
                if (Float.isNaN(half[k])) {
                    scoreHalf(hx, hy);
                }
                best = Math.max(best, half[k]);
            }
        }
        return best;
    }

    /**
     * Scores the half-pixel position (hx, hy) of the box, and in the same block its neighbours
     * of the same centring along the row.
     */
    private void scoreHalf(int hx, int hy) {
        DiskScorer scorer = scorers[(hx & 1) + 2 * (hy & 1)];
        int row = (by + (hy >> 1)) * width + bx;
        int lanes = scorer.lanes();
        if (bw < lanes) {
            half[hy * 2 * bw + hx] = scorer.scoreOne(row + (hx >> 1), o);
            return;
        }
        // base pixels inside the box, where every centring reads inside the image
        int from = Math.min(hx >> 1, bw - lanes);
        scorer.scoreBlock(row + from, o, block);
        for (int lane = 0; lane < lanes; lane++) {
            half[hy * 2 * bw + 2 * (from + lane) + (hx & 1)] = block[lane];
        }
    }
}
