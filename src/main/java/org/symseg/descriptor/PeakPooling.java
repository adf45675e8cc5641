package org.symseg.descriptor;

/**
 * Max-pooling of one operation's whole-pixel scores over the windows of one compute call,
 * refined on the half-pixel grid around the windows' peaks ({@link PointSymmetryDescriptor}
 * gives the rule). Windows overlap heavily, so the work is shared: each box row's maxima over
 * the point columns' spans are found once, and the pixels that beat none of their neighbours are
 * listed per row once, so a window visits its peaks instead of all its pixels. Only the pixels
 * on a window's edge, whose neighbours outside the window do not count, are checked one by one.
 *
 * <p>Which half-pixel positions a window refines depends on the whole-pixel scores alone, so
 * pooling runs twice over the windows: {@link #markAll} pools the whole pixels and marks the
 * positions to refine, and once they are scored ({@link HalfPixelScoring}), {@link #refineAll}
 * takes their maximum in.
 */
final class PeakPooling {

    /** The operation's whole-pixel scores: bw x bh values of {@code scores} from {@code base}. */
    private final float[] plane;
    private final int base;
    private final HalfPixelScores half;
    private final int o;
    private final int h;
    private final int bw;
    private final int bh;
    private final int bx;
    private final int by;
    /** Per box row, ascending, the columns of pixels that no neighbour inside the box beats. */
    private final int[][] peakColumns;
    /**
     * Per peak, whether some window refines it away from the window's edge, where all eight
     * positions around it count: those are marked, and their best score found, once per peak
     * rather than once per window.
     */
    private final boolean[][] wanted;
    /** Per wanted peak, the best score of the eight positions around it. */
    private final float[][] around;
    /**
     * Per box row y and point column i, the first of the row's peaks inside the windows of that
     * column (at y * pointColumns + i): found once, not by every window's search of the row.
     */
    private int[] firstInside;
    private int pointColumns;
    /**
     * Per box row y and point column i, the row's maximum over that column's window span (at
     * y * pointColumns + i): shared by the windows above and below, and a window skips the rows
     * whose maximum falls short of its refinement threshold, which hold nothing it refines.
     */
    private float[] rowMax;
    /** Whether the windows' half-pixel positions are being marked, or their scores read. */
    private boolean marking;

    /**
     * Operation {@code o} of {@code scores} (one bw x bh plane per operation over the box at
     * (bx, by), operation by operation), pooled over windows of half-size {@code h}; its half-pixel
     * positions are marked in and read from {@code half}.
     */
    PeakPooling(float[] scores, int o, int h, int bw, int bh, int bx, int by, HalfPixelScores half) {
        this.o = o;
        this.h = h;
        this.bw = bw;
        this.bh = bh;
        this.bx = bx;
        this.by = by;
        this.half = half;
        this.plane = scores;
        this.base = o * bw * bh;
        this.peakColumns = new int[bh][];
        this.wanted = new boolean[bh][];
        this.around = new float[bh][];
        for (int y = 0; y < bh; y++) {
            peakColumns[y] = peaksOfRow(y);
            wanted[y] = new boolean[peakColumns[y].length];
            around[y] = new float[peakColumns[y].length];
        }
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

    /**
     * The whole-pixel maxima of the windows centred at the points, into
     * out[(j * xs.length + i) * ops + o], and marks the half-pixel positions they refine.
     */
    void markAll(int[] xs, int[] ys, float[] out, int ops) {
        int nx = xs.length;
        rowMax = new float[bh * nx];
        WindowMaxima spans = new WindowMaxima(h);
        for (int y = 0; y < bh; y++) {
            spans.of(plane, base + y * bw, bw);
            for (int i = 0; i < nx; i++) {
                rowMax[y * nx + i] = spans.around(xs[i] - bx);
            }
        }
        findFirstInside(xs);
        marking = true;
        for (int j = 0; j < ys.length; j++) {
            int cy = ys[j] - by;
            for (int i = 0; i < nx; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int y = cy - h; y <= cy + h; y++) {
                    max = Math.max(max, rowMax[y * nx + i]);
                }
                out[(j * nx + i) * ops + o] = max;
                pooled(i, xs[i] - bx, cy, max);
            }
        }
        forWantedPeaks();
    }

    private void findFirstInside(int[] xs) {
        pointColumns = xs.length;
        firstInside = new int[bh * xs.length];
        for (int y = 0; y < bh; y++) {
            for (int i = 0, p = 0; i < xs.length; i++) {
                // the points' columns ascend: so do the first peaks of their windows
                while (p < peakColumns[y].length && peakColumns[y][p] < xs[i] - bx - h + 1) {
                    p++;
                }
                firstInside[y * xs.length + i] = p;
            }
        }
    }

    /**
     * Replaces the windows' whole-pixel maxima in {@code out} ({@link #markAll}) by their pooled
     * values, once the marked positions are scored.
     */
    void refineAll(int[] xs, int[] ys, float[] out, int ops) {
        marking = false;
        forWantedPeaks();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                int k = (j * xs.length + i) * ops + o;
                out[k] = pooled(i, xs[i] - bx, ys[j] - by, out[k]);
            }
        }
    }

    /**
     * The pooled score of the window centred at box position (cx, cy), of point column i, whose
     * best pixel is max.
     */
    private float pooled(int i, int cx, int cy, float max) {
        float threshold = max - PointSymmetryDescriptor.PEAK_MARGIN;
        float best = max;
        for (int y = cy - h; y <= cy + h; y++) {
            if (rowMax[y * pointColumns + i] < threshold) {
                continue;
            }
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
            for (int p = firstInside[y * pointColumns + i]; p < peaks.length && peaks[p] < cx + h; p++) {
                if (plane[base + y * bw + peaks[p]] >= threshold) {
                    if (marking) {
                        wanted[y][p] = true;
                    } else {
                        best = Math.max(best, around[y][p]);
                    }
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

    /** Marks the positions around the wanted peaks, or once they are scored, takes their best. */
    private void forWantedPeaks() {
        for (int y = 0; y < bh; y++) {
            for (int p = 0; p < wanted[y].length; p++) {
                if (wanted[y][p]) {
                    // a window centred on the peak holds all eight (a wanted peak means h >= 1)
                    around[y][p] = aroundPeak(peakColumns[y][p], y, peakColumns[y][p], y);
                }
            }
        }
    }

    /**
     * Best score at the eight half-pixel positions around (x, y) that lie in the window; while
     * marking, marks them instead.
     */
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
                if (marking) {
                    half.mark(hx, hy);
                } else {
                    best = Math.max(best, half.score(hx, hy));
                }
            }
        }
        return best;
    }
}
