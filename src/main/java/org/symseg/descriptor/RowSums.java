package org.symseg.descriptor;

/**
 * Sum and sum of squares of a patch's samples relative to its base pixel (what Pearson's
 * correlation needs of the original patch), from running sums along the image's rows: two
 * lookups per row of the disk instead of a pass over all its samples.
 *
 * <p>Pixels are integers below 2^16, so these sums are integers, exact in {@code long}; the disk
 * is capped at {@link DiskScorer#MAX_SAMPLES}, so they are below 2^53 and exact in
 * {@code double} too. Adding the samples up one by one in {@code double} gives the same exact
 * integers, in whatever order: so these are the same bits as the direct sums.
 *
 * <p>For disks that keep every step-th column ({@link Disk#step}) the running sums skip alike:
 * each entry adds the pixel {@code step} columns before it.
 */
final class RowSums {

    private final int[] pixels;
    private final int width;
    private final int step;
    private final int stride;
    /**
     * Per row, entry x + step holds the sum of the pixels (and of their squares) at x, x - step,
     * x - 2 step ... down to the row's start: stride per row.
     */
    private final long[] sum;
    private final long[] squares;
    /** Scratch of {@link #originals}: a run's sums, grown as needed. */
    private long[] runSum = new long[0];
    private long[] runSquares = new long[0];

    RowSums(QuantizedImage image) {
        this(image, 1);
    }

    RowSums(QuantizedImage image, int step) {
        this.pixels = image.pixels();
        this.width = image.width();
        this.step = step;
        this.stride = width + step;
        this.sum = new long[stride * image.height()];
        this.squares = new long[sum.length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < width; x++) {
                long v = pixels[y * width + x];
                sum[y * stride + x + step] = sum[y * stride + x] + v;
                squares[y * stride + x + step] = squares[y * stride + x] + v * v;
            }
        }
    }

    /**
     * The disk's rows as spans of the running sums, relative to the base pixel's entry: row i
     * adds the entries at {@code spans[2i + 1]} less those at {@code spans[2i]}.
     */
    int[] spans(Disk disk) {
        if (disk.step() != step) {
            throw new IllegalArgumentException("disk step " + disk.step() + " against running sums of step "
                    + step);
        }
        java.util.List<Integer> spans = new java.util.ArrayList<>();
        for (int k = 0; k < disk.size(); ) {
            int first = k;
            while (k < disk.size() && disk.v(k) == disk.v(first)) {
                k++;
            }
            // a disk is convex: each of its rows is one run of columns step apart, as Disk lists them
            if (disk.u(k - 1) - disk.u(first) != (k - 1 - first) * step) {
                throw new IllegalArgumentException("disk row " + disk.v(first) + " is not one run");
            }
            spans.add(disk.v(first) * stride + disk.u(first));
            spans.add(disk.v(first) * stride + disk.u(k - 1) + step);
        }
        return spans.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The sums of the patches whose base pixels are the {@code count} pixels from (x, y) along
     * its row and whose disk, of {@code n} samples, has {@code spans}: pixel x + j's into
     * sa[into + j] and saa[into + j]. Each row of the disk is one pass over neighbouring entries
     * for the whole run, which the compiler vectorises.
     */
    void originals(int x, int y, int count, int[] spans, int n, double[] sa, double[] saa, int into) {
        if (runSum.length < count) {
            runSum = new long[count];
            runSquares = new long[count];
        }
        long[] s = runSum;
        long[] ss = runSquares;
        java.util.Arrays.fill(s, 0, count, 0L);
        java.util.Arrays.fill(ss, 0, count, 0L);
        int at = y * stride + x;
        for (int i = 0; i < spans.length; i += 2) {
            int from = at + spans[i];
            int to = at + spans[i + 1];
            for (int j = 0; j < count; j++) {
                s[j] += sum[to + j] - sum[from + j];
                ss[j] += squares[to + j] - squares[from + j];
            }
        }
        int base = y * width + x;
        for (int j = 0; j < count; j++) {
            relative(s[j], ss[j], pixels[base + j], n, sa, saa, into + j);
        }
    }

    /**
     * {@link #originals} of the one pixel (x, y), into sa[lane] and saa[lane]: two lookups per
     * row of the disk.
     */
    void original(int x, int y, int[] spans, int n, double[] sa, double[] saa, int lane) {
        int at = y * stride + x;
        long s = 0;
        long ss = 0;
        for (int i = 0; i < spans.length; i += 2) {
            s += sum[at + spans[i + 1]] - sum[at + spans[i]];
            ss += squares[at + spans[i + 1]] - squares[at + spans[i]];
        }
        relative(s, ss, pixels[y * width + x], n, sa, saa, lane);
    }

    /**
     * From the sum s and sum of squares ss of a patch's n samples to those of the samples less
     * its base b, sum (v - b) and sum (v - b)^2, expanded; into sa[i] and saa[i].
     */
    private static void relative(long s, long ss, long b, int n, double[] sa, double[] saa, int i) {
        sa[i] = s - n * b;
        saa[i] = ss - 2 * b * s + n * b * b;
    }
}
