package org.symseg.descriptor;

/**
 * Reflection-symmetry descriptor (paper, Sec. II A 2): for each of {@code lines} mirror lines
 * through the patch centre, equally spaced from 0 degrees, the Pearson correlation of the circular
 * patch of radius r with its mirror image, max-pooled over a window of (2h+1) x (2h+1) points
 * around the stride point.
 *
 * <p>Each mirror is scored on the image resampled on a grid turned to its line ({@link MirrorGrid}),
 * as the paper samples patches in polar coordinates rather than on the pixel grid: the patch and
 * its mirror image are then both grid samples, paired exactly, and the running sums of
 * {@link MirrorLineScores} give every grid point's score in O(r) rather than O(r^2). Lines at 0
 * and 90 degrees fall on the pixel grid and sample no pixel twice. The pooling window is the
 * square of grid points around the grid point nearest the stride point, turned with the grid.
 *
 * <p>Grids are anchored at the frame's origin and the sums are exact, so a point's value is the
 * same whichever tile computes it.
 */
public final class ReflectionDescriptor implements Descriptor {

    private static final long serialVersionUID = 1L;
    /** Largest radius whose sums stay exact (below it the samples' fixed-point scale shrinks). */
    public static final int MAX_RADIUS = 100;
    /** Largest fixed-point scale of the samples: a sixteenth of a grey level. */
    private static final double FINEST = 16;

    private final int radius;
    private final int poolHalf;
    private final double[] degrees;
    private final double scale;
    private final int reach;

    public ReflectionDescriptor(int radius, int pool, int lines) {
        if (radius < 1 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("radius must be between 1 and " + MAX_RADIUS);
        }
        if (pool < 1 || pool % 2 == 0) {
            throw new IllegalArgumentException("pool window must be odd and at least 1");
        }
        if (lines < 1) {
            throw new IllegalArgumentException("at least one mirror line");
        }
        this.radius = radius;
        this.poolHalf = pool / 2;
        this.degrees = new double[lines];
        double widest = 0;
        for (int o = 0; o < lines; o++) {
            degrees[o] = 180.0 * o / lines;
            widest = Math.max(widest, Math.abs(cos(degrees[o])) + Math.abs(sin(degrees[o])));
        }
        // n times a sum of squares must fit a long, n * 65535 * scale <= 2^31, and with the scale
        // at most 16 every sum stays below 2^53, exact in double
        long n = Math.max(Disk.of(radius).size(), Disk.of(radius, false, true).size());
        double scale = FINEST;
        while (scale > 1 && n * 65535.0 * scale > 0x1p31) {
            scale /= 2;
        }
        this.scale = scale;
        // the pooling window's corner, the rounding to the nearest grid point, the disk, a tap
        this.reach = (int) Math.ceil((poolHalf + 0.5) * widest + radius) + 1;
    }

    @Override
    public int length() {
        return degrees.length;
    }

    @Override
    public int reach() {
        return reach;
    }

    @Override
    public String channel(int index) {
        return "mirror" + PointOperation.format(degrees[index]);
    }

    @Override
    public void compute(QuantizedImage image, int[] xs, int[] ys, float[] out) {
        if (xs.length == 0 || ys.length == 0) {
            return;
        }
        boolean simd = CpuFeatures.vectors();
        MirrorLineScores onRows = new MirrorLineScores(radius, false, simd);
        MirrorLineScores betweenRows = new MirrorLineScores(radius, true, simd);
        Scratch scratch = new Scratch(poolHalf);
        for (int o = 0; o < degrees.length; o++) {
            pool(image, onRows, betweenRows, o, xs, ys, out, scratch);
        }
    }

    /** Arrays shared by the mirrors of one call, as large as the largest grid so far. */
    private static final class Scratch {
        double[] samples = new double[0];
        float[] scores = new float[0];
        float[] maxima = new float[0];
        final WindowMaxima spans;

        Scratch(int h) {
            spans = new WindowMaxima(h);
        }

        void fit(int size) {
            if (samples.length < size) {
                samples = new double[size];
                scores = new float[size];
                maxima = new float[size];
            }
        }
    }

    /**
     * The line's direction, the same bits on every JVM (StrictMath): a grid point's place, and so
     * its sample, must not depend on which executor computes it.
     */
    private static double cos(double degrees) {
        return StrictMath.cos(StrictMath.toRadians(degrees));
    }

    private static double sin(double degrees) {
        return StrictMath.sin(StrictMath.toRadians(degrees));
    }

    private void pool(QuantizedImage image, MirrorLineScores onRows, MirrorLineScores betweenRows, int o,
            int[] xs, int[] ys, float[] out, Scratch scratch) {
        double cos = cos(degrees[o]);
        double sin = sin(degrees[o]);
        int h = poolHalf;
        TurnedWindows windows = new TurnedWindows(image, xs, ys, cos, sin, h, radius);
        int countT = windows.countT;
        scratch.fit(windows.countA * countT);
        MirrorGrid grid = new MirrorGrid(image, cos, sin, windows.firstA, windows.countA, windows.firstT, countT,
                scale, scratch.samples, windows.readFrom, windows.readTo);
        // each grid point's score is the better of the mirror lines along its row and half a row before
        float[] scores = scratch.scores;
        java.util.Arrays.fill(scores, 0, windows.countA * countT, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < windows.strips(); k++) {
            int first = windows.stripFirst[k];
            int last = windows.stripLast[k];
            if (first <= last) {
                int start = windows.stripStart(k);
                int end = windows.stripEnd(k);
                onRows.keepBetter(grid, first, last + 1, start, end, scores, 0);
                betweenRows.keepBetter(grid, first, last + 1, start - 1, end - 1, scores, 1);
            }
        }
        maximaAcross(scores, countT, windows, h, scratch);
        float[] across = scratch.maxima;
        for (int p = 0; p < windows.centreA.length; p++) {
            int ia = windows.centreA[p];
            int it = windows.centreT[p];
            float best = Float.NEGATIVE_INFINITY;
            for (int a = ia - h; a <= ia + h; a++) {
                best = Math.max(best, across[a * countT + it]);
            }
            out[p * degrees.length + o] = best;
        }
    }

    /**
     * Per grid point of the windows' columns, the maximum of the scores within h along t, into
     * {@code scratch.maxima}.
     */
    private static void maximaAcross(float[] scores, int countT, TurnedWindows windows, int h, Scratch scratch) {
        int length = windows.endRow - windows.firstRow;
        WindowMaxima spans = scratch.spans;
        for (int a = windows.firstColumn(); a <= windows.lastColumn(); a++) {
            int row = a * countT + windows.firstRow;
            spans.of(scores, row, length);
            for (int i = h; i < length - h; i++) {
                scratch.maxima[row + i] = spans.around(i);
            }
        }
    }
}
