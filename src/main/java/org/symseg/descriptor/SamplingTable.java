package org.symseg.descriptor;

import java.io.Serializable;

/**
 * Where one {@link PointOperation} reads the image for each sample of a circular patch (a
 * {@link Disk}, whose samples are whole pixels). A sample whose source falls on
 * a pixel reads that pixel; otherwise it is interpolated bilinearly from the four pixels around
 * its source. If every source of the operation falls on a pixel (90 and 180 degree rotations,
 * mirrors along the axes and diagonals), the table has one tap a sample and its scores are exact;
 * otherwise four taps with their weights. Built once per descriptor, so scoring a point allocates
 * nothing and computes no trigonometry.
 *
 * <p>A source's place between its four pixels is rounded to 1/32 of a pixel along x and along y
 * (it moves by at most 1/64 pixel), so that every weight is a multiple of 2^-10 and the weights
 * still add up to exactly 1. A sample of whole pixels below 2^16 is then exact in a double, and
 * so is every product the kernels form from it (below 2^53 units of 2^-20): the scores come out
 * the same bits whether the CPU fuses multiply-adds or not ({@link MultiplyAdd}).
 */
final class SamplingTable implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A source this close to a pixel centre is that pixel (cos 90 degrees is not exactly 0). */
    private static final double ON_PIXEL = 1e-9;

    final PointOperation operation;
    /** Taps per sample: 1 (every source on a pixel) or 4 (bilinear). */
    final int taps;
    /**
     * Tap offsets from the base pixel, sample-major: sample k's taps are k * taps ...; four taps
     * are always the 2 x 2 pixels (x0, y0), (x0 + 1, y0), (x0, y0 + 1), (x0 + 1, y0 + 1).
     */
    final int[] dx;
    final int[] dy;
    /** Bilinear weights, parallel to dx, dy; null for a one-tap table. */
    final double[] weight;
    /**
     * For a one-tap table, the operation as pairs of disk samples (k, the sample it reads). Such an
     * operation permutes the disk, so the transformed patch has the original's sum and sum of
     * squares and only the cross term is left to add up. A mirror or a half turn swaps its
     * samples two by two: each such pair is listed once, in {@code doubled} and counted twice;
     * {@code single} holds the rest (samples mapped to themselves, and the cycles of a quarter
     * turn). Null for a bilinear table.
     */
    final int[][] doubled;
    final int[][] single;

    private SamplingTable(PointOperation operation, int taps, int[] dx, int[] dy, double[] weight,
            int[][] doubled, int[][] single) {
        this.operation = operation;
        this.taps = taps;
        this.dx = dx;
        this.dy = dy;
        this.weight = weight;
        this.doubled = doubled;
        this.single = single;
    }

    static SamplingTable of(PointOperation operation, Disk disk) {
        int n = disk.size();
        double[] sx = new double[n];
        double[] sy = new double[n];
        boolean onPixels = true;
        for (int k = 0; k < n; k++) {
            // relative to the patch centre, transformed, and back relative to the base pixel
            double u = disk.u(k) - disk.centreX();
            double v = disk.v(k) - disk.centreY();
            sx[k] = disk.centreX() + operation.sourceX(u, v);
            sy[k] = disk.centreY() + operation.sourceY(u, v);
            if (Math.abs(sx[k] - Math.rint(sx[k])) > ON_PIXEL || Math.abs(sy[k] - Math.rint(sy[k])) > ON_PIXEL) {
                onPixels = false;
            } else {
                sx[k] = Math.rint(sx[k]);
                sy[k] = Math.rint(sy[k]);
            }
        }
        if (onPixels) {
            return exact(operation, disk, sx, sy);
        }
        int taps = 4;
        int[] dx = new int[n * taps];
        int[] dy = new int[n * taps];
        double[] weight = new double[n * taps];
        for (int k = 0; k < n; k++) {
            int x0 = (int) Math.floor(sx[k]);
            int y0 = (int) Math.floor(sy[k]);
            double fx = onSubgrid(sx[k] - x0);
            double fy = onSubgrid(sy[k] - y0);
            int t = 4 * k;
            set(dx, dy, weight, t, x0, y0, (1 - fx) * (1 - fy));
            set(dx, dy, weight, t + 1, x0 + 1, y0, fx * (1 - fy));
            set(dx, dy, weight, t + 2, x0, y0 + 1, (1 - fx) * fy);
            set(dx, dy, weight, t + 3, x0 + 1, y0 + 1, fx * fy);
        }
        return new SamplingTable(operation, taps, dx, dy, weight, null, null);
    }

    /** A one-tap table; every source lies on a disk sample, as the disk is symmetric about its centre. */
    private static SamplingTable exact(PointOperation operation, Disk disk, double[] sx, double[] sy) {
        int n = disk.size();
        int[] dx = new int[n];
        int[] dy = new int[n];
        for (int k = 0; k < n; k++) {
            dx[k] = (int) sx[k];
            dy[k] = (int) sy[k];
        }
        int[] source = disk.indicesOf(dx, dy);
        for (int j : source) {
            if (j < 0) {
                throw new IllegalStateException(operation.name() + " does not map the disk onto itself");
            }
        }
        java.util.List<int[]> doubled = new java.util.ArrayList<>();
        java.util.List<int[]> single = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
            int j = source[k];
            if (j != k && source[j] == k) {
                if (k < j) {
                    doubled.add(new int[] {k, j});
                }
            } else {
                single.add(new int[] {k, j});
            }
        }
        return new SamplingTable(operation, 1, dx, dy, null, doubled.toArray(int[][]::new),
                single.toArray(int[][]::new));
    }

    /** Divisions of a pixel that a source's place is rounded to. */
    static final int SUBPIXELS = 32;

    /** A place in [0, 1) between two pixels, to the nearest multiple of 1 / {@link #SUBPIXELS}. */
    static double onSubgrid(double fraction) {
        return Math.rint(fraction * SUBPIXELS) / SUBPIXELS;
    }

    private static void set(int[] dx, int[] dy, double[] weight, int t, int x, int y, double w) {
        dx[t] = x;
        dy[t] = y;
        weight[t] = w;
    }

    /** How far from the centre, along x or y, any tap reads. */
    int extent() {
        int max = 0;
        for (int t = 0; t < dx.length; t++) {
            max = Math.max(max, Math.max(Math.abs(dx[t]), Math.abs(dy[t])));
        }
        return max;
    }

    /** Tap offsets as index steps, in an image whose pixels are {@code right} and {@code down} apart. */
    int[] linearOffsets(int right, int down) {
        int[] offsets = new int[dx.length];
        for (int t = 0; t < offsets.length; t++) {
            offsets[t] = dy[t] * down + dx[t] * right;
        }
        return offsets;
    }
}
